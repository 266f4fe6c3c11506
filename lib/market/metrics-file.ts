/**
 * One area's metrics as a person writes them in a file (`dealflow rank-area --file F`): the
 * counts the ranking reads are required, the rest default or follow from them, so the
 * `metrics` of an API answer works as is, and so does a hand-written `{ deals4w, deals12w }`.
 */
import { z } from "zod";
import type { AreaMetrics } from "./types";

const count = z.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "cannot be negative");
const nullableNumber = z.number({ error: "must be a number or null" }).nullable();

export const AreaMetricsFile = z
  .object({
    deals4w: count,
    deals12w: count,
    dealsTotal: count.optional(),
    trend: nullableNumber.optional(),
    medianSpread: nullableNumber.optional(),
    medianSpreadRatio: nullableNumber.optional(),
    underwrittenShare: nullableNumber.optional(),
    outbound: count.default(0),
    replies: count.default(0),
    replyRate: nullableNumber.optional(),
    buyerOffers: count.default(0),
    contracts: count.default(0),
    closes: count.default(0),
    medianDaysToContract: nullableNumber.optional(),
    lastDealAt: z.string().nullable().optional(),
    asOf: z.string().optional(),
  })
  .refine((m) => m.deals4w <= m.deals12w, { message: "cannot exceed deals12w (the 4 weeks are inside the 12)", path: ["deals4w"] })
  .refine((m) => m.replies <= m.outbound || m.outbound === 0, { message: "cannot exceed outbound", path: ["replies"] });

/** The file's figures as full metrics: the trend and reply rate computed when left out. */
export function metricsFromFile(input: z.infer<typeof AreaMetricsFile>, now = new Date()): AreaMetrics {
  const velocity4w = input.deals4w / 4;
  const velocity12w = input.deals12w / 12;
  return {
    asOf: input.asOf ?? now.toISOString(),
    deals4w: input.deals4w,
    deals12w: input.deals12w,
    dealsTotal: input.dealsTotal ?? input.deals12w,
    velocity4w,
    velocity12w,
    trend: input.trend !== undefined ? input.trend : velocity12w > 0 ? velocity4w / velocity12w : null,
    medianSpread: input.medianSpread ?? null,
    medianSpreadRatio: input.medianSpreadRatio ?? null,
    underwrittenShare: input.underwrittenShare ?? null,
    outbound: input.outbound,
    replies: input.replies,
    replyRate: input.replyRate !== undefined ? input.replyRate : input.outbound > 0 ? input.replies / input.outbound : null,
    buyerOffers: input.buyerOffers,
    contracts: input.contracts,
    closes: input.closes,
    medianDaysToContract: input.medianDaysToContract ?? null,
    lastDealAt: input.lastDealAt ?? null,
  };
}
