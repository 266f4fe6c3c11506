import { z } from "zod";
import { formBoolean } from "@/lib/http/form-values";

const money = (label: string) =>
  z.coerce.number({ error: `${label} must be a number` }).int(`${label} is in whole dollars`).min(0, `${label} cannot be negative`).max(1_000_000_000, `${label} is too large`);

/** Inputs of one offer computation: the API, the CLI and the deal page share it. */
export const OfferComputeInput = z.object({
  arv: money("ARV").refine((v) => v > 0, "ARV must be more than zero"),
  repairs: money("Repairs").default(0),
  askingPrice: money("Asking price"),
  region: z.string().trim().toUpperCase().length(2, "Use the 2-letter state or province code").optional(),
  market: z.string().trim().toUpperCase().min(1).max(80).optional(),
  dealId: z.string().min(1).optional(),
});
export type OfferComputeInput = z.infer<typeof OfferComputeInput>;

export const OfferPolicyUpsertInput = z.object({
  region: z.string().trim().toUpperCase().regex(/^([A-Z]{2}|ALL)$/, "Use a 2-letter state or province code, or ALL"),
  market: z.string().trim().toUpperCase().min(1).max(80).default("ALL"),
  enabled: formBoolean,
  maxArvMultiplier: z.coerce.number().gt(0, "Must be above 0").max(1, "Must be at most 1"),
  assignmentFee: money("Assignment fee"),
  feesBuffer: money("Fees buffer"),
  /** Kept below MAO for negotiating: the recommended offer is MAO minus it. Absent keeps the policy's. */
  negotiationMargin: money("Negotiation margin").optional(),
  reason: z.string().trim().min(3, "Say why this changes (at least 3 characters)").max(500),
});
export type OfferPolicyUpsertInput = z.infer<typeof OfferPolicyUpsertInput>;
