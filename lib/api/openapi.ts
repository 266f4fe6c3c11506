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
import { ConsentContactParams, ConsentGrantInput, ConsentWithdrawQuery } from "@/lib/outbound/schema";
import { EffectivePolicyQuery } from "./market";
import { BuyerQuery } from "@/lib/buyers/query-params";
import { NewBuyerBody } from "@/lib/buyers/consent";
import { BuyerPatch } from "@/lib/buyers/schema";
import { BlastInput } from "@/lib/blasts/schema";
import { FeedbackBody, LiquidityNodesQuery, LiquidityScoreQuery } from "@/lib/buyers/liquidity-schema";
import { ExperimentInput } from "@/lib/laboratory/schema";
import { ApprovalQueueParams, ApproveDraftInput, RejectDraftInput } from "@/lib/approvals/schema";
import { AreaBlacklistInput, AreaListQuery } from "@/lib/market/schema";
import { SCORING_OPERATIONS } from "@/lib/scoring/operations";
import { COMPS_OPERATIONS } from "@/lib/comps/operations";
import { DOCUMENT_OPERATIONS } from "@/lib/memo/operations";
import { EXPORT_OPERATIONS } from "@/lib/prospects/export-operations";
import { CALL_OPERATIONS } from "@/lib/calls/operations";
import { CONVERSATION_OPERATIONS } from "@/lib/conversations/operations";
import { CAMPAIGN_OPERATIONS } from "@/lib/campaigns/operations";
import { MAIL_OPERATIONS } from "@/lib/mail/operations";
import { OPPORTUNITY_OPERATIONS } from "@/lib/govcon/opportunity-operations";
import { PROFILE_OPERATIONS } from "@/lib/govcon/profile-operations";
import { PURSUIT_OPERATIONS } from "@/lib/govcon/pursuit-operations";
import { SEARCH_OPERATIONS } from "@/lib/govcon/search-operations";

const ErrorBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  reference: z.string().optional(),
});

/** A 429's body (lib/http/errors.ts): which limit, how much of it is used, when it resets. */
export const LimitBody = z.object({
  error: z.string(),
  limit: z.object({
    kind: z.enum(["rate", "quota"]).describe("rate: the token bucket of the API key; quota: the plan's monthly allowance"),
    name: z.string().describe('What is limited: "api-key", or "monthly-properties" for the property quota'),
    limit: z.number().int().describe("The bucket's capacity, or the quota for the month"),
    used: z.number().int().optional().describe("Used so far this month (quotas)"),
    resetsAt: z.string().describe("ISO 8601: when the next request is let through (rate) or the month starts again (quota)"),
  }),
  retryAfterSeconds: z.number().int().describe("The Retry-After header's value"),
});

const RETRY_AFTER = z.number().int().describe("Seconds to wait before retrying (the same as retryAfterSeconds)");

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface ApiOperation {
  method: Method;
  path: string;
  summary: string;
  scope: (typeof API_SCOPES)[number];
  body?: z.ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  idempotent?: boolean;
  /** Answers 201 when it creates. */
  creates?: boolean;
  /** New properties count against the plan's monthly quota. */
  countsAgainstQuota?: boolean;
}

/** Every v1 operation, described by the same zod schemas the routes validate with. */
export const API_OPERATIONS: ApiOperation[] = [
  ...SCORING_OPERATIONS,
  ...COMPS_OPERATIONS,
  ...DOCUMENT_OPERATIONS,
  ...EXPORT_OPERATIONS,
  ...CALL_OPERATIONS,
  ...CONVERSATION_OPERATIONS,
  ...CAMPAIGN_OPERATIONS,
  ...MAIL_OPERATIONS,
  ...OPPORTUNITY_OPERATIONS,
  ...PURSUIT_OPERATIONS,
  ...PROFILE_OPERATIONS,
  ...SEARCH_OPERATIONS,
  { method: "post", path: "/api/v1/deals", summary: "Create one deal (deduped by normalized address)", scope: "deals:write", body: DealInput, idempotent: true, countsAgainstQuota: true },
  { method: "post", path: "/api/v1/deals/batch", summary: "Create up to 1000 deals; past the monthly property quota the deals that fit are kept and the rest listed in overQuota (429 only when none fits)", scope: "deals:write", body: DealBatchInput, idempotent: true, countsAgainstQuota: true },
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
  {
    method: "get",
    path: "/api/v1/market/areas",
    summary: "Postal areas (US ZIPs, Canadian FSAs) with their metrics, rank (HOT, NORMAL, COLD, BLACKLIST) and its reasons, hottest first; filter by rank, region, market, q (an area code's start or a place name). Answers { areas }",
    scope: "market:read",
    query: AreaListQuery,
  },
  {
    method: "get",
    path: "/api/v1/market/areas/{postalCode}",
    summary: "One postal area (a ZIP, ZIP+4, FSA or full Canadian postal code, reduced to its area): metrics, rank, reasons, blacklist mark. 404 for a code that is not a known ZIP or FSA, and for a known one the workspace has no deals in yet",
    scope: "market:read",
    params: z.object({ postalCode: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/market/areas/{postalCode}/blacklist",
    summary: "Blacklist a postal area with a reason (3-300 characters; 422 on reason without one), or lift the mark ({ blacklisted: false }). A blacklisted area is skipped by ladder starts, buyer matching and the outbound core's area gate; the ranking never overrides the mark. Audited. 404 for an unknown code",
    scope: "market:write",
    body: AreaBlacklistInput,
    params: z.object({ postalCode: z.string() }),
    idempotent: true,
  },
  { method: "post", path: "/api/v1/followups/ladder", summary: "Start the follow-up ladder for a lead (a lead with an active ladder keeps it)", scope: "followups:write", body: StartLadderBody, idempotent: true },
  { method: "post", path: "/api/v1/followups/tasks/{id}/complete", summary: "Complete or skip a follow-up task with its outcome", scope: "followups:write", body: CompleteTaskBody, params: TaskIdParams, idempotent: true },
  { method: "get", path: "/api/v1/followups/due", summary: "Open follow-up tasks that are due: those of deals in HOT postal areas first (hot_area), then oldest first", scope: "followups:read", query: DueTasksQuery },
  { method: "get", path: "/api/v1/engines", summary: "Each engine's state, interval and recent runs, and the event outbox backlog", scope: "engines:read" },
  { method: "post", path: "/api/v1/engines/run", summary: "Run an engine now (works without an Inngest server; audited)", scope: "engines:run", body: RunEngineInput, idempotent: true },
  { method: "get", path: "/api/v1/followups/sla", summary: "Share of due tasks completed within 30 minutes and 2 hours, by VA and market", scope: "followups:read" },
  {
    method: "post",
    path: "/api/v1/consent",
    summary:
      "Record consent a contact gave: per channel (a phone covers SMS and CALL, an email EMAIL, unless channel names one), with basis (PRIOR_EXPRESS_WRITTEN when wording is given, unless chosen), source, givenAt, wording and evidence (IP or document). Over an opt-out, givenAt must be later than it (409). Audited.",
    scope: "consent:write",
    body: ConsentGrantInput,
    idempotent: true,
    creates: true,
  },
  {
    method: "get",
    path: "/api/v1/consent/{contact}",
    summary: "A contact's consent on each channel (contact: E.164 phone or email, URL-encoded); 404 when none is on record",
    scope: "consent:read",
    params: ConsentContactParams,
  },
  {
    method: "delete",
    path: "/api/v1/consent/{contact}",
    summary:
      "Withdraw a contact's consent (every channel, or ?channel=): recorded as an opt-out, refused by every later send at once, and the contact's ladders stop once the opt-out event is dispatched (after commit; within seconds). Audited.",
    scope: "consent:write",
    params: ConsentContactParams,
    query: ConsentWithdrawQuery,
    idempotent: true,
  },
  {
    method: "post",
    path: "/api/v1/deals/{dealId}/blasts",
    summary:
      "Queue a blast of the deal (202, { blastId, recipients }): buyerIds (at most 5,000) or segmentId, channels SMS and/or EMAIL, templates with merge fields {{address}} {{area}} {{price}} {{arv}} {{repairs}} {{link}} {{buyer_first_name}} (the defaults when left out). A market under the cold liquidity threshold needs coldReason (422 on coldReason; audited). Every message goes through the outbound gates in the background; the body's dealId is the path's",
    scope: "buyers:write",
    body: BlastInput,
    params: z.object({ dealId: z.string() }),
    idempotent: true,
    creates: true,
  },
  { method: "get", path: "/api/v1/buyers", summary: "List buyers: filter (q, status, tier, market, postalCode, propertyType, strategy, tag, owner), sort, page (or pass nextCursor back as after)", scope: "buyers:read", query: BuyerQuery },
  {
    method: "post",
    path: "/api/v1/buyers",
    summary:
      "Create a buyer with its buy box and, in consent, what it agreed to (given, source, givenAt, wording, basis, evidence): recorded as OPTED_IN for each phone (SMS) and email (EMAIL), an opt-out on record kept; a phone or email already on another buyer is 409, a bad buy box (min above max, unknown region, malformed postal code) 422 with the field (audited)",
    scope: "buyers:write",
    body: NewBuyerBody,
    idempotent: true,
    creates: true,
  },
  { method: "get", path: "/api/v1/buyers/{buyerId}", summary: "Get one buyer (404 when deleted or another workspace's)", scope: "buyers:read", params: z.object({ buyerId: z.string() }) },
  {
    method: "patch",
    path: "/api/v1/buyers/{buyerId}",
    summary: "Edit a buyer or its buy box (a key left out is unchanged, null clears it; audited)",
    scope: "buyers:write",
    body: BuyerPatch,
    params: z.object({ buyerId: z.string() }),
    idempotent: true,
  },
  { method: "delete", path: "/api/v1/buyers/{buyerId}", summary: "Delete a buyer: hidden from every list, segment and match, its history kept (audited)", scope: "buyers:write", params: z.object({ buyerId: z.string() }), idempotent: true },
  { method: "get", path: "/api/v1/buyers/liquidity/nodes", summary: "Buyer liquidity nodes (region, market, property type) over the trailing 90 days, deepest first; filter by region, market, propertyType", scope: "buyers:read", query: LiquidityNodesQuery },
  {
    method: "get",
    path: "/api/v1/buyers/liquidity/score",
    summary: "A node's liquidity: buyerCount, activeBuyerCount, avgResponseRate, avgCloseRate and score = active * 0.5 + response rate * 50 + close rate * 50 (a node without feedback is computed from the buy boxes)",
    scope: "buyers:read",
    query: LiquidityScoreQuery,
  },
  {
    method: "post",
    path: "/api/v1/buyers/liquidity/feedback",
    summary: "Record a buyer feedback event (SENT, VIEWED, RESPONDED, OFFERED, BOUGHT, PASSED) on a deal, or on a region and market; moves the node at once. A buyer or deal of another workspace is 404; an Idempotency-Key replay records once",
    scope: "buyers:write",
    body: FeedbackBody,
    idempotent: true,
    creates: true,
  },
  {
    method: "get",
    path: "/api/v1/actions/pending",
    summary: "Drafted emails waiting for approval, highest intent first then oldest (25 a page): each with the person, property, address, subject, intent score, confidence and the last refusal of an approved send. Filter by kind (lead, buyer) and owner (a user id, or me for the key's user)",
    scope: "approvals:read",
    query: ApprovalQueueParams.omit({ status: true }),
  },
  {
    method: "post",
    path: "/api/v1/actions/{id}/approve",
    summary:
      "Approve a drafted email, optionally with an edited subject and body, and send it through the outbound core (every gate applies). Needs an API key created with Act as me, whose person may still decide (approvals:decide), else 403; recorded as that person. Answers { status: SENT, messageId }, BLOCKED with the gate, reason and detail (the draft stays waiting), FAILED, or ALREADY_DECIDED (a second approval sends nothing)",
    scope: "approvals:write",
    body: ApproveDraftInput,
    params: z.object({ id: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/actions/{id}/reject",
    summary: "Reject a drafted email with a reason (3-500 characters, else 422); needs an API key created with Act as me (else 403); recorded as that person. Answers { status: REJECTED } or ALREADY_DECIDED",
    scope: "approvals:write",
    body: RejectDraftInput,
    params: z.object({ id: z.string() }),
  },
  { method: "get", path: "/api/v1/laboratory/experiments", summary: "List laboratory experiments, newest first, with their status and latest run", scope: "laboratory:read" },
  {
    method: "post",
    path: "/api/v1/laboratory/experiments",
    summary: "Create an experiment: a name, an alternative intent configuration (weights, half-lives, threshold, drafting templates: the signals settings' schema) and the window of days (1-90) its runs replay. A bad field is 422 naming it",
    scope: "laboratory:write",
    body: ExperimentInput,
    idempotent: true,
    creates: true,
  },
  {
    method: "post",
    path: "/api/v1/laboratory/experiments/{experimentId}/run",
    summary: "Run the experiment in shadow over the window's real signals: scores and would-be drafts (templates only) per person, written to laboratory rows only. Never sends, never calls a provider, never changes production",
    scope: "laboratory:write",
    params: z.object({ experimentId: z.string() }),
  },
  {
    method: "get",
    path: "/api/v1/laboratory/experiments/{experimentId}/compare",
    summary: "The latest run side by side with production: drafts proposed, their overlap, score distributions (buckets of 10), and the approved drafts it would have missed and rejected ones it would have proposed, by person",
    scope: "laboratory:read",
    params: z.object({ experimentId: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/laboratory/experiments/{experimentId}/promote",
    summary: "Promote a run experiment: its configuration becomes production's next signals settings version (audited). Needs an API key bound to an owner; any other key is 403",
    scope: "laboratory:write",
    params: z.object({ experimentId: z.string() }),
  },
  {
    method: "get",
    path: "/api/v1/signals/settings",
    summary: "The signals settings in force: signal weights and half-lives, the high-intent threshold, the per-person daily email limit, the enrichment budget per person per month (cents), the drafting templates and prompt, with their version (0: the seeded defaults) and source (settings or laboratory). Changed on the Signals & drafting page or by promoting an experiment",
    scope: "signals:read",
  },
];

/**
 * A write carrying the session cookie and no API key is a signed-in browser's: it must come
 * from the app's own origin (lib/http/origin.ts). Reads have no such check.
 */
function forbiddenDescription(op: ApiOperation): string {
  const scope = "The key lacks the scope";
  return op.method === "get" ? scope : `${scope}; or, sent with the session cookie and no API key, it came from another site (Origin or Sec-Fetch-Site)`;
}

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
        ...((op.method === "post" && op.path === "/api/v1/deals") || op.creates ? { 201: { description: "Created" } } : {}),
        400: { description: "Malformed request", content: { "application/json": { schema: ErrorBody } } },
        401: { description: "Missing or invalid API key", content: { "application/json": { schema: ErrorBody } } },
        403: { description: forbiddenDescription(op), content: { "application/json": { schema: ErrorBody } } },
        ...(op.body && {
          415: {
            description: "Sent with the session cookie and no API key (a signed-in browser), and the body is not application/json",
            content: { "application/json": { schema: ErrorBody } },
          },
        }),
        422: { description: "Invalid fields, with the field and reason", content: { "application/json": { schema: ErrorBody } } },
        429: {
          description: op.countsAgainstQuota
            ? "The API key's rate limit (a token bucket, per plan) or the workspace's monthly property quota is reached: limit.kind says which"
            : "The API key's rate limit (a token bucket, per plan) is reached",
          headers: z.object({ "Retry-After": RETRY_AFTER }),
          content: { "application/json": { schema: LimitBody } },
        },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Dealflow API", version: "1.0.0", description: "Deals, offers and market policies. Tenant-scoped by API key." },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
}
