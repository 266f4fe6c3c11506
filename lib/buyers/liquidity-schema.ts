/** The liquidity API's inputs: one schema per endpoint, shared by the routes and the OpenAPI document. */
import { z } from "zod";
import { getRegion } from "@/lib/geo";
import { PROPERTY_TYPES } from "@/lib/intake/schema";
import { ANY_PROPERTY_TYPE } from "./liquidity-rules";
import { FEEDBACK_KINDS } from "./types";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() || undefined : v);

const region = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v),
  z.string({ error: "region is required: a US state or Canadian province code, like TX" }).refine((code) => getRegion(code) !== undefined, "region must be a US state or Canadian province code, like TX"),
);
const market = z.preprocess(trimmed, z.string({ error: "market is required, like Houston" }).max(120, "market is at most 120 characters"));
const PROPERTY_TYPE_KEYS = [...PROPERTY_TYPES, ANY_PROPERTY_TYPE] as const;
const propertyType = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v),
  z.enum(PROPERTY_TYPE_KEYS as unknown as [string, ...string[]], { error: `propertyType must be one of ${PROPERTY_TYPE_KEYS.join(", ")}` }),
);

/** `GET /api/v1/buyers/liquidity/nodes`: every filter optional. */
export const LiquidityNodesQuery = z.object({
  region: region.optional(),
  market: market.optional(),
  propertyType: propertyType.optional(),
});
export type LiquidityNodesQuery = z.infer<typeof LiquidityNodesQuery>;

/** `GET /api/v1/buyers/liquidity/score`: a node's key; a missing property type reads the "ANY" node. */
export const LiquidityScoreQuery = z.object({
  region,
  market,
  propertyType: propertyType.default(ANY_PROPERTY_TYPE),
});
export type LiquidityScoreQuery = z.infer<typeof LiquidityScoreQuery>;

/** Feedback more than this far in the future is a clock or input error. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * `POST /api/v1/buyers/liquidity/feedback`: one event. With a deal, the node is the deal's;
 * without one, region and market name it (property type optional).
 */
export const FeedbackBody = z
  .object({
    buyerId: z.preprocess(trimmed, z.string({ error: "buyerId is required" }).max(40, "buyerId is at most 40 characters")),
    dealId: z.preprocess(trimmed, z.string().max(40, "dealId is at most 40 characters").optional()),
    event: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(FEEDBACK_KINDS, { error: `event must be one of ${FEEDBACK_KINDS.join(", ")}` })),
    region: region.optional(),
    market: market.optional(),
    propertyType: propertyType.optional(),
    correlationId: z.preprocess(trimmed, z.string().max(100, "correlationId is at most 100 characters").optional()),
    occurredAt: z.coerce
      .date({ error: "occurredAt must be an ISO 8601 date-time" })
      .refine((d) => d.getTime() <= Date.now() + FUTURE_SKEW_MS, "occurredAt cannot be in the future")
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.dealId) return;
    if (!v.region) ctx.addIssue({ code: "custom", path: ["region"], message: "region is required when no dealId is given" });
    if (!v.market) ctx.addIssue({ code: "custom", path: ["market"], message: "market is required when no dealId is given" });
  });
export type FeedbackBody = z.infer<typeof FeedbackBody>;
