/**
 * A deal and buyers given as data (`dealflow match-buyers --file F`), with the API's
 * camelCase fields. The buy box is parsed by the buyer schema's own fields, so a postal code
 * or market the API refuses is refused here too.
 */
import { z } from "zod";
import { PROPERTY_TYPES } from "@/lib/intake/schema";
import { STRATEGIES } from "@/lib/underwriting/rules";
import { BUYER_STATUSES, BUYER_TIERS, BuyBoxFields } from "./schema";
import type { MatchBuyer, MatchDeal } from "./types";

const amount = (label: string) => z.number({ error: `${label} must be a number` }).int(`${label} must be whole dollars`).nullable().optional();

export const MatchDealInput = z.object({
  postalCode: z.string().max(12, "postalCode is at most 12 characters").nullable().optional(),
  region: z.string().regex(/^[A-Za-z]{2}$/, "region is a 2-letter state or province code").transform((r) => r.toUpperCase()).nullable().optional(),
  market: z.string().max(120).nullable().optional(),
  askingPrice: amount("askingPrice"),
  arv: amount("arv"),
  repairs: amount("repairs"),
  spread: amount("spread"),
  propertyType: z.enum(PROPERTY_TYPES, { error: `propertyType must be one of ${PROPERTY_TYPES.join(", ")}` }).nullable().optional(),
  strategy: z.enum(STRATEGIES, { error: `strategy must be one of ${STRATEGIES.join(", ")}` }).nullable().optional(),
});

export const MatchBuyerInput = z
  .object({
    id: z.string({ error: "id is required" }).min(1, "id is required"),
    status: z.enum(BUYER_STATUSES, { error: `status must be one of ${BUYER_STATUSES.join(", ")}` }).default("ACTIVE"),
    ...BuyBoxFields,
    tier: z.enum(BUYER_TIERS, { error: "tier must be A, B or C" }).nullable().optional(),
    lastActivityAt: z.coerce.date({ error: "lastActivityAt must be a date" }).nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.priceMin != null && b.priceMax != null && b.priceMin > b.priceMax) ctx.addIssue({ code: "custom", path: ["priceMin"], message: "priceMin is above priceMax" });
  })
  .transform((b): MatchBuyer => ({
    ...b,
    postalCodes: b.postalCodes ?? [],
    markets: b.markets ?? [],
    propertyTypes: b.propertyTypes ?? [],
    strategies: b.strategies ?? [],
    rehabAppetite: b.rehabAppetite ?? "ANY",
  }));

export const MatchFileInput = z.object({
  deal: MatchDealInput,
  buyers: z
    .array(MatchBuyerInput)
    .max(100_000, "at most 100,000 buyers")
    .superRefine((buyers, ctx) => {
      const seen = new Set<string>();
      buyers.forEach((b, i) => {
        if (seen.has(b.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `id "${b.id}" appears twice` });
        seen.add(b.id);
      });
    }),
});
export type MatchFileInput = { deal: MatchDeal; buyers: MatchBuyer[] };
