import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_SCOPES } from "@/lib/apikeys/service";
import { DealEditInput } from "@/lib/deals/schema";
import { DealBatchInput, DealInput } from "@/lib/intake/schema";
import { CanContactQuery, MarketPolicyUpsertInput } from "@/lib/policy";
import { ProspectQuery } from "@/lib/prospects/query";
import { OfferComputeInput, OfferPolicyUpsertInput } from "@/lib/underwriting/schema";
import { CompleteTaskBody, StartLadderBody, TaskIdParams } from "@/lib/ladder/api";
import { DueTasksQuery } from "@/lib/ladder/schema";
import { RunEngineInput } from "@/lib/engines/schema";
import { EffectivePolicyQuery } from "./market";

const ErrorBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  reference: z.string().optional(),
});

type Method = "get" | "post" | "patch";

interface Operation {
  method: Method;
  path: string;
  summary: string;
  scope: (typeof API_SCOPES)[number];
  body?: z.ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  idempotent?: boolean;
}

/** Every v1 operation, described by the same zod schemas the routes validate with. */
export const API_OPERATIONS: Operation[] = [
  { method: "post", path: "/api/v1/deals", summary: "Create one deal (deduped by normalized address)", scope: "deals:write", body: DealInput, idempotent: true },
  { method: "post", path: "/api/v1/deals/batch", summary: "Create up to 1000 deals", scope: "deals:write", body: DealBatchInput, idempotent: true },
  { method: "get", path: "/api/v1/deals", summary: "List deals: filter, sort, page", scope: "deals:read", query: ProspectQuery },
  { method: "get", path: "/api/v1/deals/{dealId}", summary: "Get one deal", scope: "deals:read", params: z.object({ dealId: z.string() }) },
  {
    method: "patch",
    path: "/api/v1/deals/{dealId}",
    summary: "Edit a deal's fields (a key left out is unchanged, null clears it); a new price, ARV or repairs re-underwrites with new evidence (audited)",
    scope: "deals:write",
    body: DealEditInput,
    params: z.object({ dealId: z.string() }),
    idempotent: true,
  },
  { method: "post", path: "/api/v1/offers/compute", summary: "Compute MAO, spread and strategy (records evidence when dealId is given)", scope: "offers:write", body: OfferComputeInput, idempotent: true },
  { method: "get", path: "/api/v1/offers/policies", summary: "List offer policies", scope: "offers:read" },
  { method: "post", path: "/api/v1/offers/policies", summary: "Create or update an offer policy (with a reason; audited)", scope: "policies:write", body: OfferPolicyUpsertInput, idempotent: true },
  { method: "get", path: "/api/v1/market/policies", summary: "List market (contact) policies", scope: "policies:read" },
  { method: "post", path: "/api/v1/market/policies", summary: "Create or update a market policy (with a reason; audited)", scope: "policies:write", body: MarketPolicyUpsertInput, idempotent: true },
  { method: "get", path: "/api/v1/market/effective", summary: "The policy in force for a region and market", scope: "policies:read", query: EffectivePolicyQuery },
  { method: "get", path: "/api/v1/market/can-contact", summary: "May this lead be contacted now on this channel? Fails closed.", scope: "policies:read", query: CanContactQuery },
  { method: "post", path: "/api/v1/followups/ladder", summary: "Start the follow-up ladder for a lead (a lead with an active ladder keeps it)", scope: "followups:write", body: StartLadderBody, idempotent: true },
  { method: "post", path: "/api/v1/followups/tasks/{id}/complete", summary: "Complete or skip a follow-up task with its outcome", scope: "followups:write", body: CompleteTaskBody, params: TaskIdParams, idempotent: true },
  { method: "get", path: "/api/v1/followups/due", summary: "Open follow-up tasks that are due, oldest first", scope: "followups:read", query: DueTasksQuery },
  { method: "get", path: "/api/v1/engines", summary: "Each engine's state, interval and recent runs, and the event outbox backlog", scope: "engines:read" },
  { method: "post", path: "/api/v1/engines/run", summary: "Run an engine now (works without an Inngest server; audited)", scope: "engines:run", body: RunEngineInput, idempotent: true },
  { method: "get", path: "/api/v1/followups/sla", summary: "Share of due tasks completed within 30 minutes and 2 hours, by VA and market", scope: "followups:read" },
];

export function buildOpenApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key from Settings > API & integrations (dfk_...). X-API-Key is accepted too.",
  });
  for (const op of API_OPERATIONS) {
    registry.registerPath({
      method: op.method,
      path: op.path,
      summary: op.summary,
      description: `Requires the \`${op.scope}\` scope.${op.idempotent ? " Send an Idempotency-Key header to make retries safe." : ""}`,
      security: [{ [bearer.name]: [] }],
      request: {
        ...(op.body && { body: { content: { "application/json": { schema: op.body } } } }),
        ...(op.query && { query: op.query }),
        ...(op.params && { params: op.params }),
      },
      responses: {
        200: { description: "OK" },
        ...(op.method === "post" && op.path === "/api/v1/deals" ? { 201: { description: "Created" } } : {}),
        400: { description: "Malformed request", content: { "application/json": { schema: ErrorBody } } },
        401: { description: "Missing or invalid API key", content: { "application/json": { schema: ErrorBody } } },
        403: { description: "The key lacks the scope", content: { "application/json": { schema: ErrorBody } } },
        422: { description: "Invalid fields, with the field and reason", content: { "application/json": { schema: ErrorBody } } },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Dealflow API", version: "1.0.0", description: "Deals, offers and market policies. Tenant-scoped by API key." },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
}
