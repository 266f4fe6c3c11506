import { z } from "zod";
import { getRegion } from "@/lib/geo/regions";
import { isKnownTimeZone } from "./zone-clock";

/** The outbound channels a market policy can allow. */
export const CHANNELS = ["SMS", "CALL", "EMAIL"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Weekday numbers as the original system used them (Python's `weekday()`): 0 = Monday ... 6 = Sunday. */
export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** "HH:MM" -> minutes after local midnight; "24:00" is accepted as an end only. */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const upper = (value: unknown) => (typeof value === "string" ? value.trim().toUpperCase() : value);

export const ChannelSchema = z.preprocess(upper, z.enum(CHANNELS, { error: "Choose SMS, CALL or EMAIL" }));

/** A contact window in the lead's LOCAL time: start inclusive, end exclusive, same day. */
export const ContactWindow = z
  .object({
    days: z
      .array(z.number().int().min(0, "Days run from 0 (Monday)").max(6, "Days run up to 6 (Sunday)"))
      .min(1, "Choose at least one day"),
    start: z.string().regex(HHMM, "Use HH:MM, e.g. 09:00"),
    end: z.string().refine((v) => HHMM.test(v) || v === "24:00", "Use HH:MM, e.g. 20:00 (24:00 for midnight)"),
  })
  .refine((w) => minutesOfDay(w.start) < minutesOfDay(w.end), {
    message: "The window must end after it starts (windows cannot cross midnight)",
    path: ["end"],
  });
export type ContactWindow = z.infer<typeof ContactWindow>;

/** The highest touch cap a policy may set: one touch an hour around the clock. */
export const MAX_TOUCHES_PER_24_HOURS = 24;

export const MarketPolicyRules = z.object({
  contactWindows: z.array(ContactWindow).max(50),
  channelsAllowed: z
    .array(ChannelSchema)
    .refine((list) => new Set(list).size === list.length, "List each channel once"),
  /** On the 0-100 lead score scale (the original system's 0.65 is 65 here). */
  minLeadScore: z.number().min(0, "Use a score from 0 to 100").max(100, "Use a score from 0 to 100"),
  /**
   * The most touches (ladder messages and calls) a lead may get in any 24 hours. Optional:
   * a policy without it gets its region's seeded value (`maxTouchesPer24HoursOf` in defaults.ts).
   */
  maxTouchesPer24Hours: z
    .number({ error: "Give the most touches per lead in 24 hours" })
    .int("Use a whole number")
    .min(1, "Allow at least 1 touch in 24 hours (untick Enabled to stop all contact)")
    .max(MAX_TOUCHES_PER_24_HOURS, `Use at most ${MAX_TOUCHES_PER_24_HOURS}`)
    .optional(),
  /** The law or rule a stricter-than-default seed follows. */
  citation: z.string().trim().max(1000).optional(),
});
export type MarketPolicyRules = z.infer<typeof MarketPolicyRules>;

/** A state/province code ("ON", "TX") known to lib/geo/regions, upper-cased. */
export const RegionCode = z.preprocess(
  upper,
  z.string().refine((code) => code.length === 2 && getRegion(code) !== undefined, "Choose a US state, DC or a Canadian province/territory"),
);
const RegionOrAll = z.preprocess(
  upper,
  z
    .string()
    .refine((code) => code === "ALL" || (code.length === 2 && getRegion(code) !== undefined), "Choose a state/province code or ALL"),
);
/** A market inside a region ("TORONTO"), or "ALL" for the whole region. */
export const MarketName = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? "ALL" : upper(value)),
  z.string().min(1).max(64, "Use at most 64 characters"),
);

const booleanLike = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  const v = value.trim().toLowerCase();
  if (["true", "on", "1", "yes"].includes(v)) return true;
  if (["false", "off", "0", "no"].includes(v)) return false;
  return value;
}, z.boolean());

export const MarketPolicyUpsertInput = z.object({
  region: RegionOrAll,
  market: MarketName,
  enabled: booleanLike,
  rules: MarketPolicyRules,
  /** Every change needs a reason; it is stored on the row and in the audit log. */
  reason: z.string({ error: "Say why the policy changes" }).trim().min(3, "Say why the policy changes (at least 3 characters)").max(500),
});
/** What callers pass (forms may send strings; the schema normalizes). */
export interface MarketPolicyUpsertInput {
  region: string;
  market?: string | null;
  enabled: boolean | "true" | "false";
  rules: MarketPolicyRules;
  reason: string;
}
export type MarketPolicyUpsert = z.output<typeof MarketPolicyUpsertInput>;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** The can-contact gate as the API and the CLI take it (query strings coerced). */
export const CanContactQuery = z.object({
  region: RegionCode,
  market: z.preprocess(blankToUndefined, MarketName.optional()),
  postalCode: z.preprocess(blankToUndefined, z.string().trim().min(3).max(12).optional()),
  timeZone: z.preprocess(
    blankToUndefined,
    z.string().trim().refine(isKnownTimeZone, "Use an IANA time zone, e.g. America/Toronto").optional(),
  ),
  at: z.union([
    z.date().refine((d) => !Number.isNaN(d.getTime()), "Invalid date"),
    z.iso.datetime({ offset: true, error: "Use an ISO instant, e.g. 2026-03-09T14:30:00Z" }).transform((s) => new Date(s)),
  ]),
  channel: ChannelSchema,
  score: z.preprocess(blankToUndefined, z.coerce.number({ error: "Give the lead score (0-100)" }).min(0).max(100)),
});
/** What callers pass: a parsed query, or the raw strings of a URL or a command line. */
export interface CanContactQueryInput {
  region: string;
  market?: string | null;
  postalCode?: string | null;
  timeZone?: string | null;
  at: string | Date;
  channel: string;
  score: number | string | null | undefined;
}
export type CanContactQuery = z.output<typeof CanContactQuery>;

/** A market policy as the pure rules see it (a database row, a default, or a test fixture). */
export interface PolicyRecord {
  id?: string;
  region: string;
  market: string;
  enabled: boolean;
  rules: MarketPolicyRules;
  version?: number;
  reason?: string | null;
  updatedById?: string | null;
  updatedAt?: Date;
}
