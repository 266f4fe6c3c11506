/**
 * Provider webhooks: verify the signature, parse, hand off to lib/outbound/events. A request
 * whose signature does not verify (or names an unknown workspace) is refused with 403 and
 * changes nothing.
 */
import { countWebhookVerificationFailed } from "@/lib/observability/metrics";
import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { SENDGRID_PROVIDER, SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, isValidSendgridRequest, sendgridWebhookPublicKey } from "@/lib/providers/sendgrid";
import { TWILIO_PROVIDER, isValidTwilioRequest } from "@/lib/providers/twilio";
import { applyEmailOptOutEvent, applyStatusUpdate, receiveInboundSms, type InboundResult, type StatusUpdateResult } from "./events";
import { sendgridStatus, twilioStatus } from "./lifecycle";
import type { OutboundDeps } from "./service";
import { toStorableJson } from "@/lib/validation/text";

export interface WebhookRequest {
  /** The public URL the provider called, query included (what Twilio signs). */
  url: string;
  headers: Headers;
  rawBody: string;
}

const FORBIDDEN_MESSAGE = "Invalid webhook signature";

/** The workspace the edge resolved from the URL's slug; null when the slug names none. */
export function knownTenant(db: TenantDb | null): TenantDb {
  // Same answer for an unknown workspace and a bad signature: don't reveal which exist.
  if (!db) throw new ExpectedError("forbidden", FORBIDDEN_MESSAGE);
  return db;
}

/**
 * The URL as the provider saw it: behind a proxy the request reaches us on an internal
 * host, so the configured public base URL replaces the origin when there is one.
 */
export function publicRequestUrl(requestUrl: string, baseUrl: string | null): string {
  if (!baseUrl) return requestUrl;
  const url = new URL(requestUrl);
  return `${baseUrl.replace(/\/+$/, "")}${url.pathname}${url.search}`;
}

/** The POST parameters of a request Twilio signed (X-Twilio-Signature); 403 for any other. */
export function verifiedTwilioParams(request: WebhookRequest, authToken: string | null): Record<string, string> {
  const params = Object.fromEntries(new URLSearchParams(request.rawBody));
  if (!isValidTwilioRequest(authToken, request.headers.get("x-twilio-signature"), request.url, params)) {
    countWebhookVerificationFailed("twilio");
    throw new ExpectedError("forbidden", FORBIDDEN_MESSAGE);
  }
  // Verified as sent; stored with NUL characters replaced, since Twilio retries a refusal.
  return toStorableJson(params);
}

const TwilioStatusParams = z.object({
  MessageSid: z.string().min(1, "MessageSid is required"),
  MessageStatus: z.string().min(1, "MessageStatus is required"),
  ErrorCode: z.string().optional(),
  ErrorMessage: z.string().optional(),
});

/** Twilio's status callback: moves the message's lifecycle forward, once per (sid, status). */
export async function handleTwilioStatus(
  tenantDb: TenantDb | null,
  request: WebhookRequest,
  authToken: string | null,
): Promise<StatusUpdateResult> {
  const db = knownTenant(tenantDb);
  const params = TwilioStatusParams.safeParse(verifiedTwilioParams(request, authToken));
  if (!params.success) throw new ExpectedError("invalid", params.error.issues[0].message, String(params.error.issues[0].path[0]));
  const { MessageSid, MessageStatus, ErrorCode, ErrorMessage } = params.data;
  return applyStatusUpdate(db, {
    provider: TWILIO_PROVIDER,
    eventKey: `${MessageSid}:${MessageStatus.toLowerCase()}`,
    type: MessageStatus.toLowerCase(),
    messageId: new URL(request.url).searchParams.get("messageId"),
    providerMessageId: MessageSid,
    status: twilioStatus(MessageStatus),
    error: ErrorCode ? `Twilio error ${ErrorCode}${ErrorMessage ? `: ${ErrorMessage}` : ""}` : null,
    payload: params.data,
  });
}

const TwilioInboundParams = z.object({
  MessageSid: z.string().min(1, "MessageSid is required"),
  From: z.string().min(1, "From is required"),
  To: z.string().default(""),
  Body: z.string().default(""),
});

/** Twilio's incoming-message webhook: the reply lands on the lead; keywords apply at once. */
export async function handleTwilioInbound(
  tenantDb: TenantDb | null,
  request: WebhookRequest,
  authToken: string | null,
  deps: OutboundDeps = {},
): Promise<InboundResult> {
  const db = knownTenant(tenantDb);
  const params = TwilioInboundParams.safeParse(verifiedTwilioParams(request, authToken));
  if (!params.success) throw new ExpectedError("invalid", params.error.issues[0].message, String(params.error.issues[0].path[0]));
  const { MessageSid, From, To, Body } = params.data;
  return receiveInboundSms(db, { provider: TWILIO_PROVIDER, providerMessageId: MessageSid, from: From, to: To, body: Body, payload: { From, To, Body, MessageSid } }, deps);
}

/** An empty TwiML answer: Twilio sends nothing back itself (confirmations go through the outbound core). */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const SendgridEvent = z
  .object({
    sg_event_id: z.string().min(1),
    event: z.string().min(1),
    email: z.string().optional(),
    sg_message_id: z.string().optional(),
    reason: z.string().optional(),
    response: z.string().optional(),
    dealflow_message_id: z.string().optional(),
    dealflow_tenant: z.string().optional(),
  })
  .loose();
const SendgridEvents = z.array(SendgridEvent).max(10_000);

export interface SendgridWebhookResult {
  received: number;
  duplicates: number;
  changed: number;
  optedOut: number;
}

/**
 * The key that verifies a workspace's SendGrid events. A workspace's own key (stored with
 * its SendGrid credentials) binds by itself; the installation's key is shared by every
 * workspace, so its batches must also name the workspace inside what SendGrid signed.
 */
export interface SendgridVerificationKey {
  key: string;
  scope: "workspace" | "installation";
}

export async function sendgridVerificationKeyFor(db: TenantDb, env: Record<string, string | undefined> = process.env): Promise<SendgridVerificationKey | null> {
  const resolved = await resolveProviderCredentials(db, "SENDGRID", env);
  const own = resolved.source === "workspace" ? resolved.credentials.webhookVerificationKey?.trim() : undefined;
  if (own) return { key: own, scope: "workspace" };
  const installation = sendgridWebhookPublicKey(env);
  return installation ? { key: installation, scope: "installation" } : null;
}

/** How old a signed batch may be, and how far ahead of our clock its timestamp may run. */
export const SENDGRID_MAX_AGE_SECONDS = 10 * 60;
export const SENDGRID_MAX_SKEW_SECONDS = 5 * 60;

/** Whether a signature timestamp (Unix seconds) is recent enough to accept; a captured batch replayed later is not. */
export function isFreshWebhookTimestamp(timestamp: string | null, now: Date): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const age = Math.floor(now.getTime() / 1000) - Number(timestamp);
  return age <= SENDGRID_MAX_AGE_SECONDS && age >= -SENDGRID_MAX_SKEW_SECONDS;
}

/**
 * Every message leaves with its workspace's id as the custom argument `dealflow_tenant`,
 * which SendGrid copies into each event it signs. A batch naming another workspace (or,
 * under the shared installation key, none) was not meant for this URL.
 */
function isBoundToWorkspace(events: { dealflow_tenant?: string }[], tenantId: string, scope: SendgridVerificationKey["scope"]): boolean {
  return events.every((event) => (event.dealflow_tenant === undefined ? scope === "workspace" : event.dealflow_tenant === tenantId));
}

/** SendGrid's signed event webhook: a batch of events, each applied once by its sg_event_id. */
export async function handleSendgridEvents(
  tenantDb: TenantDb | null,
  request: WebhookRequest,
  verification: SendgridVerificationKey | null,
  now: Date = new Date(),
): Promise<SendgridWebhookResult> {
  const db = knownTenant(tenantDb);
  const timestamp = request.headers.get(SENDGRID_TIMESTAMP_HEADER);
  const valid = isValidSendgridRequest(verification?.key ?? null, request.rawBody, request.headers.get(SENDGRID_SIGNATURE_HEADER), timestamp);
  if (!valid || !verification) {
    countWebhookVerificationFailed("sendgrid");
    throw new ExpectedError("forbidden", FORBIDDEN_MESSAGE);
  }
  if (!isFreshWebhookTimestamp(timestamp, now)) {
    countWebhookVerificationFailed("sendgrid");
    throw new ExpectedError("forbidden", "The webhook's signature timestamp is more than 10 minutes old (or in the future)");
  }
  let json: unknown;
  try {
    // Verified as sent; stored with NUL characters and unpaired surrogates replaced, since
    // SendGrid retries a refusal.
    json = toStorableJson(JSON.parse(request.rawBody));
  } catch {
    throw new ExpectedError("bad_request", "The request body is not valid JSON");
  }
  const events = SendgridEvents.safeParse(json);
  if (!events.success) throw new ExpectedError("invalid", events.error.issues[0].message, events.error.issues[0].path.join("."));
  if (!isBoundToWorkspace(events.data, db.tenantId, verification.scope)) {
    countWebhookVerificationFailed("sendgrid");
    throw new ExpectedError("forbidden", "These events were not sent for this workspace");
  }
  const result: SendgridWebhookResult = { received: events.data.length, duplicates: 0, changed: 0, optedOut: 0 };
  for (const event of events.data) {
    const update = await applyStatusUpdate(db, {
      provider: SENDGRID_PROVIDER,
      eventKey: event.sg_event_id,
      type: event.event,
      messageId: event.dealflow_message_id ?? null,
      // sg_message_id is the X-Message-Id followed by ".filter..." routing details.
      providerMessageId: event.sg_message_id?.split(".")[0] ?? null,
      status: sendgridStatus(event.event),
      error: event.reason ?? event.response ?? null,
      payload: event,
    });
    if (update.duplicate) {
      result.duplicates += 1;
      continue;
    }
    if (update.changed) result.changed += 1;
    if (event.email && (await applyEmailOptOutEvent(db, { provider: SENDGRID_PROVIDER, type: event.event, email: event.email })).changed) {
      result.optedOut += 1;
    }
  }
  return result;
}
