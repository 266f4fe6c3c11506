/**
 * The buyer settings of a workspace: tier thresholds, the auto-blast switch, what buyer deal
 * pages show, link lifetime and the cold-market score. Client-safe (zod only): the settings
 * form reads the same schema and defaults as its action.
 */
import { z } from "zod";

export interface BuyerSettingsValues {
  /** Tier A: response rate and close rate at least (fractions), closing velocity at most (days). */
  tierAResponseRate: number;
  tierACloseRate: number;
  tierAVelocityDays: number;
  tierBResponseRate: number;
  tierBCloseRate: number;
  tierBVelocityDays: number;
  /** Fewer SENT events than this over 180 days: tier C, shown as "new". */
  tierMinSent: number;
  autoBlastTierA: boolean;
  showStreetToBuyers: boolean;
  linkTtlDays: number;
  coldLiquidityScore: number;
}

/** The defaults of the BuyerSettings table (prisma/schema.prisma), for a workspace without a row. */
export const DEFAULT_BUYER_SETTINGS: Readonly<BuyerSettingsValues> = {
  tierAResponseRate: 0.5,
  tierACloseRate: 0.15,
  tierAVelocityDays: 21,
  tierBResponseRate: 0.25,
  tierBCloseRate: 0.05,
  tierBVelocityDays: 45,
  tierMinSent: 5,
  autoBlastTierA: false,
  showStreetToBuyers: false,
  linkTtlDays: 14,
  coldLiquidityScore: 50,
};

const numberFrom = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(/%$/, ""))) : v);

/** A rate typed as a percentage (50 = half), stored as a fraction. */
const percent = (label: string) =>
  z.preprocess(numberFrom, z.number({ error: `${label} must be a percentage from 0 to 100` }).min(0, `${label} must be at least 0%`).max(100, `${label} must be at most 100%`)).transform((v) => Math.round(v * 100) / 10_000);

const wholeNumber = (label: string, min: number, max: number, unit: string) =>
  z.preprocess(numberFrom, z.number({ error: `${label} must be a number` }).int(`${label} must be whole ${unit}`).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`));

/** A checkbox: present ("on") means on; the API may send booleans. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** The settings form, its action and any other writer: one schema. Rates arrive as percentages. */
export const BuyerSettingsInput = z
  .object({
    tierAResponseRate: percent("Tier A response rate"),
    tierACloseRate: percent("Tier A close rate"),
    tierAVelocityDays: wholeNumber("Tier A closing velocity", 1, 365, "days"),
    tierBResponseRate: percent("Tier B response rate"),
    tierBCloseRate: percent("Tier B close rate"),
    tierBVelocityDays: wholeNumber("Tier B closing velocity", 1, 365, "days"),
    tierMinSent: wholeNumber("Deals sent before a tier", 1, 1000, "deals"),
    autoBlastTierA: checkbox,
    showStreetToBuyers: checkbox,
    linkTtlDays: wholeNumber("Link lifetime", 1, 90, "days"),
    coldLiquidityScore: z.preprocess(numberFrom, z.number({ error: "Cold market score must be a number" }).min(0, "Cold market score must be at least 0").max(1000, "Cold market score must be at most 1000")),
  })
  .superRefine((v, ctx) => {
    // Tier A is the better tier: its bar cannot sit below tier B's.
    if (v.tierAResponseRate < v.tierBResponseRate) ctx.addIssue({ code: "custom", path: ["tierAResponseRate"], message: "Tier A response rate cannot be below tier B's" });
    if (v.tierACloseRate < v.tierBCloseRate) ctx.addIssue({ code: "custom", path: ["tierACloseRate"], message: "Tier A close rate cannot be below tier B's" });
    if (v.tierAVelocityDays > v.tierBVelocityDays) ctx.addIssue({ code: "custom", path: ["tierAVelocityDays"], message: "Tier A closing velocity cannot be slower than tier B's" });
  });
export type BuyerSettingsInput = z.infer<typeof BuyerSettingsInput>;
