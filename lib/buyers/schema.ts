/**
 * A buyer and the buy box, one schema shared by the buy-box form, its server action, the CSV
 * import and `POST/PATCH /api/v1/buyers`. Form fields arrive as strings ("TX:Houston, TX:Katy",
 * "77002 77003", "$150k"); the API sends arrays and numbers. Both end in the same stored shape.
 */
import { z } from "zod";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
// Direct module imports: the buyer form runs this schema in the browser, and the geo index
// also carries the ZIP database.
import { CA_MARKETS } from "@/lib/geo/canada-fsa";
import { parseFsa, parsePostalCode } from "@/lib/geo/postal";
import { getRegion } from "@/lib/geo/regions";
import { US_METROS } from "@/lib/geo/us-metros";
import { parseMoney, PROPERTY_TYPES } from "@/lib/intake/schema";

export const BUYER_STATUSES = ["ACTIVE", "INACTIVE", "DO_NOT_USE"] as const;
export const REHAB_APPETITES = ["LIGHT", "MEDIUM", "HEAVY", "ANY"] as const;
export const BUYER_STRATEGIES = ["FLIP", "RENTAL", "WHOLESALE"] as const;
export const BUYER_TIERS = ["A", "B", "C"] as const;
export type BuyerStatus = (typeof BUYER_STATUSES)[number];
export type RehabAppetite = (typeof REHAB_APPETITES)[number];
export type BuyerStrategy = (typeof BUYER_STRATEGIES)[number];
export type BuyerTier = (typeof BUYER_TIERS)[number];
export type PropertyTypeCode = (typeof PROPERTY_TYPES)[number];

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** "a, b; c" or "a b" (form) or ["a", "b"] (API) -> trimmed non-empty strings. */
function listOf(v: unknown, separators: RegExp = /[,;\n]+/): unknown {
  if (v === undefined || v === null) return v;
  if (typeof v === "string") return v.split(separators).map((s) => s.trim()).filter(Boolean);
  return v;
}

/** A US ZIP (5 digits, ZIP+4 kept to 5) or a Canadian FSA (a full postal code keeps its FSA). */
export function normalizeBuyBoxPostalCode(input: string): string | null {
  const parsed = parsePostalCode(input);
  if (parsed) return parsed.country === "US" ? parsed.zip : parsed.fsa;
  return parseFsa(input);
}

let knownMarkets: Map<string, string> | null = null;

/** The market names deals are placed in, by lower-case name: "houston" -> "Houston". */
function canonicalMarketName(name: string): string {
  knownMarkets ??= new Map([...US_METROS.map((m) => m.name), ...CA_MARKETS.map(([market]) => market)].map((n) => [n.toLowerCase(), n]));
  return knownMarkets.get(name.toLowerCase()) ?? name;
}

/**
 * "TX:Houston" -> { region: "TX", market: "Houston" }; null when the region is unknown or the
 * market empty. A known market is spelled as deals spell it, so "tx:houston" finds Houston deals.
 */
export function parseMarketKey(input: string): { region: string; market: string } | null {
  const match = /^\s*([A-Za-z]{2})\s*[:/-]\s*(.+?)\s*$/.exec(input);
  if (!match) return null;
  const region = match[1].toUpperCase();
  if (!getRegion(region)) return null;
  return { region, market: canonicalMarketName(match[2]) };
}

export const marketKey = (region: string, market: string) => `${region}:${market}`;

const money = (label: string) =>
  z.preprocess(
    (v) => parseMoney(blankToUndefined(v)),
    z
      .number({ error: `${label} must be an amount like 150000 or $150k` })
      .int(`${label} must be whole dollars`)
      .min(0, `${label} cannot be negative`)
      .max(1_000_000_000, `${label} is too large`)
      .nullable()
      .optional(),
  );

const phones = z.preprocess(
  (v) => listOf(v, /[,;\n]+/),
  z
    .array(z.string())
    .max(10, "At most 10 phone numbers")
    .transform((values, ctx) => {
      const out: string[] = [];
      for (const value of values) {
        const phone = normalizePhone(value);
        if (!phone) {
          ctx.addIssue({ code: "custom", message: `"${value}" is not a phone number (use +1 713 555 0100)` });
          return z.NEVER;
        }
        if (!out.includes(phone)) out.push(phone);
      }
      return out;
    }),
);

const emails = z.preprocess(
  (v) => listOf(v, /[,;\s]+/),
  z
    .array(z.string())
    .max(10, "At most 10 email addresses")
    .transform((values, ctx) => {
      const out: string[] = [];
      for (const value of values) {
        const email = normalizeEmail(value);
        if (!email) {
          ctx.addIssue({ code: "custom", message: `"${value}" is not an email address` });
          return z.NEVER;
        }
        if (!out.includes(email)) out.push(email);
      }
      return out;
    }),
);

const markets = z.preprocess(
  (v) => listOf(v),
  z
    .array(z.string())
    .max(200, "At most 200 markets")
    .transform((values, ctx) => {
      const out: string[] = [];
      for (const value of values) {
        const parsed = parseMarketKey(value);
        if (!parsed) {
          ctx.addIssue({ code: "custom", message: `"${value}" is not a market: use REGION:Market with a US state or Canadian province code, like TX:Houston` });
          return z.NEVER;
        }
        const key = marketKey(parsed.region, parsed.market);
        if (!out.includes(key)) out.push(key);
      }
      return out;
    }),
);

const postalCodes = z.preprocess(
  (v) => listOf(v, /[,;\s]+/),
  z
    .array(z.string())
    .max(2000, "At most 2,000 postal codes")
    .transform((values, ctx) => {
      const out: string[] = [];
      for (const value of values) {
        const code = normalizeBuyBoxPostalCode(value);
        if (!code) {
          ctx.addIssue({ code: "custom", message: `"${value}" is not a US ZIP (5 digits) or a Canadian FSA (like M5V)` });
          return z.NEVER;
        }
        if (!out.includes(code)) out.push(code);
      }
      return out;
    }),
);

const enumList = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess(
    (v) => {
      const list = listOf(v);
      return Array.isArray(list) ? [...new Set(list.map((s) => (typeof s === "string" ? s.trim().toUpperCase() : s)))] : list;
    },
    z.array(z.enum(values, { error: `${label} must be among ${values.join(", ")}` })),
  );

const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v), z.string().max(max, `${label} is at most ${max} characters`).nullable().optional());

/** The buy box alone: what `matchBuyers` reads. */
export const BuyBoxFields = {
  markets: markets.optional(),
  postalCodes: postalCodes.optional(),
  priceMin: money("Minimum price"),
  priceMax: money("Maximum price"),
  propertyTypes: enumList(PROPERTY_TYPES, "Property types").optional(),
  strategies: enumList(BUYER_STRATEGIES, "Strategies").optional(),
  rehabAppetite: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v), z.enum(REHAB_APPETITES, { error: `Rehab appetite must be one of ${REHAB_APPETITES.join(", ")}` }).optional()),
  minSpread: money("Minimum spread"),
};

const BuyerFields = {
  name: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "Name is required" }).min(1, "Name is required").max(120, "Name is at most 120 characters")),
  company: optionalText(120, "Company"),
  phones: phones.optional(),
  emails: emails.optional(),
  status: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase().replace(/[\s-]+/g, "_") || undefined : v), z.enum(BUYER_STATUSES, { error: "Status must be ACTIVE, INACTIVE or DO_NOT_USE" }).optional()),
  proofOfFundsAmount: money("Proof of funds"),
  proofOfFundsVerifiedAt: z.preprocess((v) => blankToUndefined(v), z.coerce.date({ error: "Proof of funds verified at must be a date" }).nullable().optional()),
  closingDays: z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
    z.number({ error: "Closing days must be a number" }).int("Closing days must be whole days").min(1, "Closing days must be at least 1").max(365, "Closing days must be at most 365").nullable().optional(),
  ),
  tags: z.preprocess((v) => listOf(v), z.array(z.string().max(40, "A tag is at most 40 characters")).max(30, "At most 30 tags")).optional(),
  notes: optionalText(5000, "Notes"),
  ownerId: optionalText(40, "Owner"),
  ...BuyBoxFields,
};

/** Cross-field rules every buyer write checks: a price range that is a range. */
function checkRanges(value: { priceMin?: number | null; priceMax?: number | null }, ctx: z.RefinementCtx) {
  if (value.priceMin != null && value.priceMax != null && value.priceMin > value.priceMax) {
    ctx.addIssue({ code: "custom", path: ["priceMin"], message: "Minimum price is above the maximum price" });
  }
}

/** A new buyer (form, CSV row, `POST /api/v1/buyers`). */
export const BuyerInput = z.object(BuyerFields).superRefine(checkRanges);
export type BuyerInput = z.infer<typeof BuyerInput>;

/** An edit: absent keys are left as they are (`PATCH /api/v1/buyers/{id}`, the buy-box editor). */
export const BuyerPatch = z.object(BuyerFields).partial().superRefine(checkRanges);
export type BuyerPatch = z.infer<typeof BuyerPatch>;
