/**
 * The GovCon profile as the settings form, its server action and PUT /api/v1/govcon/profile
 * take it. Lists arrive as arrays (API) or as text split on commas and new lines (form).
 * Imported by client components.
 */
import { z } from "zod";
import { storableText } from "@/lib/validation/text";
import { SET_ASIDE_CODES, US_STATES } from "./codes";

/** Text from a form ("236220, 2382\n561730") or an array, to trimmed, de-duplicated items. */
const listOf = <T extends z.ZodType<string>>(item: T, max: number, tooMany: string) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null) return [];
      const items = Array.isArray(v) ? v : String(v).split(/[,\n]/);
      return [...new Set(items.map((x) => String(x).trim()).filter(Boolean))];
    },
    z.array(item).max(max, tooMany),
  );

const optionalDollars = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? v.replace(/[$,\s]/g, "") : v),
    z.coerce.number({ error: `Enter the ${label} in dollars` }).int("Use whole dollars").min(0, "Cannot be negative").max(2_000_000_000, "At most $2,000,000,000").optional(),
  );

export const NAICS_PATTERN = /^\d{2,6}$/;

/** The offending item, quoted, so an error in a list says which one ("12 " before "is not..."). */
const quoted = (input: unknown) => (typeof input === "string" ? `"${input.slice(0, 40)}" ` : "");

export const GovConProfileInput = z
  .object({
    naicsCodes: listOf(z.string().regex(NAICS_PATTERN, { error: (issue) => `${quoted(issue.input)}is not a NAICS code: a code or prefix is 2 to 6 digits` }), 100, "At most 100 NAICS codes"),
    pscCodes: listOf(z.string().toUpperCase().regex(/^[A-Z0-9]{1,4}$/, { error: (issue) => `${quoted(issue.input)}is not a PSC code: a code or prefix is 1 to 4 letters and digits` }), 100, "At most 100 PSC codes"),
    setAsides: listOf(z.enum(SET_ASIDE_CODES, { error: (issue) => `Unknown set-aside code ${quoted(issue.input)}; use one of ${SET_ASIDE_CODES.join(", ")}` }), SET_ASIDE_CODES.length, "Too many set-asides"),
    keywords: listOf(storableText().max(80, "A keyword is at most 80 characters"), 100, "At most 100 keywords"),
    excludedKeywords: listOf(storableText().max(80, "A keyword is at most 80 characters"), 100, "At most 100 excluded keywords"),
    states: listOf(z.string().toUpperCase().pipe(z.enum(US_STATES, { error: (issue) => `${quoted(issue.input)}is not a state: use a two-letter code, e.g. TX` })), US_STATES.length, "Too many states"),
    valueMinDollars: optionalDollars("smallest contract value"),
    valueMaxDollars: optionalDollars("largest contract value"),
    capabilityStatement: z.preprocess((v) => v ?? "", storableText().trim().max(10_000, "At most 10,000 characters")),
    prepDays: z.preprocess(
      (v) => (v === "" || v === null || v === undefined ? 14 : v),
      z.coerce.number({ error: "Enter the days a proposal takes" }).int("Use whole days").min(1, "At least 1 day").max(180, "At most 180 days"),
    ),
    descriptionMinFit: z.preprocess(
      (v) => (v === "" || v === null || v === undefined ? 50 : v),
      z.coerce.number({ error: "Enter a fit from 0 to 100" }).int().min(0, "0 to 100").max(100, "0 to 100"),
    ),
  })
  .refine((p) => p.valueMinDollars === undefined || p.valueMaxDollars === undefined || p.valueMinDollars <= p.valueMaxDollars, {
    path: ["valueMaxDollars"],
    message: "The largest value must be at least the smallest",
  });
export type GovConProfileInput = z.infer<typeof GovConProfileInput>;

/** The profile the fit score reads: the stored row's fields, whatever their source. */
export interface GovConProfileView {
  naicsCodes: string[];
  pscCodes: string[];
  setAsides: string[];
  keywords: string[];
  excludedKeywords: string[];
  states: string[];
  valueMinDollars: number | null;
  valueMaxDollars: number | null;
  capabilityStatement: string;
  prepDays: number;
  descriptionMinFit: number;
  /** Weights that differ from the defaults (lib/govcon/fit-weights.ts). */
  fitWeights: Record<string, number>;
}
