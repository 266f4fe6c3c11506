/**
 * Provider webhooks: verify the signature, parse, hand off to lib/outbound/events. A request
 * whose signature does not verify (or names an unknown workspace) is refused with 403 and
 * changes nothing.
 */
import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { SENDGRID_PROVIDER, SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, isValidSendgridRequest } from "@/lib/providers/sendgrid";
import { TWILIO_PROVIDER, isValidTwilioRequest } from "@/lib/providers/twilio";
import { applyEmailOptOutEvent, applyStatusUpdate, receiveInboundSms, type InboundResult, type StatusUpdateResult } from "./events";
import { sendgridStatus, twilioStatus } from "./lifecycle";
import type { OutboundDeps } from "./service";

export interface WebhookRequest {
  /** The public URL the provider called, query included (what Twilio signs). */
  url: string;
  headers: Headers;
  rawBody: string;
}

const FORBIDDEN_MESSAGE = "Invalid webhook signature";

/** The workspace the edge resolved from the URL's slug; null when the slug names none. */
function knownTenant(db: TenantDb | null): TenantDb {
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

function verifiedTwilioParams(request: WebhookRequest, authToken: string | null): Record<string, string> {
  const params = Object.fromEntries(new URLSearchParams(request.rawBody));
  if (!isValidTwilioRequest(authToken, request.headers.get("x-twilio-signature"), request.url, params)) {
    throw new ExpectedError("forbidden", FORBIDDEN_MESSAGE);
  }
  return params;
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
  })
  .loose();
const SendgridEvents = z.array(SendgridEvent).max(10_000);

export interface SendgridWebhookResult {
  received: number;
  duplicates: number;
  changed: number;
  optedOut: number;
}

/** SendGrid's signed event webhook: a batch of events, each applied once by its sg_event_id. */
export async function handleSendgridEvents(
  tenantDb: TenantDb | null,
  request: WebhookRequest,
  publicKey: string | null,
): Promise<SendgridWebhookResult> {
  const db = knownTenant(tenantDb);
  const valid = isValidSendgridRequest(
    publicKey,
    request.rawBody,
    request.headers.get(SENDGRID_SIGNATURE_HEADER),
    request.headers.get(SENDGRID_TIMESTAMP_HEADER),
  );
  if (!valid) throw new ExpectedError("forbidden", FORBIDDEN_MESSAGE);
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    throw new ExpectedError("bad_request", "The request body is not valid JSON");
  }
  const events = SendgridEvents.safeParse(json);
  if (!events.success) throw new ExpectedError("invalid", events.error.issues[0].message, events.error.issues[0].path.join("."));
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
