/**
 * The inbound CRM signal webhook: `POST /api/webhooks/signals/<slug>/<provider>`.
 * Authenticated like the inbound-email webhook (the workspace secret, or an HMAC of the body),
 * or for HubSpot by its own v3 signature with the workspace secret as the app secret. The
 * provider's adapter normalizes the payload; each signal is matched to a lead or a buyer and
 * stored once by its dedupe key, so a replay answers 200 and stores nothing new.
 */
import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/security/signed-token";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { ExpectedError } from "@/lib/errors";
import { verifyInboundEmail } from "@/lib/intake/webhook";
import { countSignal, countWebhookVerificationFailed } from "@/lib/observability/metrics";
import { getTenantSettings } from "@/lib/tenants/settings";
import type { NormalizedSignal, PersonHint, SignalAdapter } from "./adapters";
import { recordSignals, type SignalInput } from "./service";
import type { SignalSubject } from "./types";

const INVALID_SIGNATURE = "Invalid webhook signature";
/** How old a HubSpot v3 signature's timestamp may be (HubSpot's own guidance). */
export const HUBSPOT_MAX_AGE_MS = 5 * 60 * 1000;

/** HubSpot's v3 signature: base64 HMAC-SHA256 of method + URL + body + timestamp, with the app secret. */
export function signHubspotV3(secret: string, method: string, url: string, rawBody: string, timestamp: string): string {
  return createHmac("sha256", secret).update(`${method}${url}${rawBody}${timestamp}`).digest("base64");
}

export function verifyHubspotV3(secret: string | undefined, request: { method: string; url: string; rawBody: string; headers: Headers }, now: Date): boolean {
  const signature = request.headers.get("x-hubspot-signature-v3");
  const timestamp = request.headers.get("x-hubspot-request-timestamp");
  if (!secret || !signature || !timestamp || !/^\d{1,15}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() - Number(timestamp)) > HUBSPOT_MAX_AGE_MS) return false;
  return safeEqual(signature, signHubspotV3(secret, request.method, request.url, request.rawBody, timestamp));
}

export interface SignalWebhookRequest {
  method: string;
  /** The public URL the sender called (what HubSpot signs). */
  url: string;
  rawBody: string;
  headers: Headers;
}

/** The workspace's db when the request is signed by it; 401 otherwise (also for an unknown slug). */
export async function authenticateSignalWebhook(db: TenantDb | null, adapter: SignalAdapter, request: SignalWebhookRequest, now = new Date()): Promise<TenantDb> {
  // Same answer for an unknown slug and a bad signature: don't reveal which workspaces exist.
  const secret = db ? (await getTenantSettings(db)).inboundEmailSecret : undefined;
  const valid =
    verifyInboundEmail(secret, request.rawBody, request.headers, now) ||
    (adapter.provider === "hubspot" && verifyHubspotV3(secret, request, now));
  if (!db || !valid) {
    countWebhookVerificationFailed(`signals:${adapter.provider}`);
    throw new ExpectedError("unauthorized", INVALID_SIGNATURE);
  }
  return db;
}

export interface SignalWebhookResult {
  received: number;
  stored: number;
  duplicates: number;
  /** The scores this delivery changed. */
  scores: { dealId?: string; buyerId?: string; before: number; after: number }[];
}

/**
 * Normalizes, matches and stores one delivery. A malformed payload, or a signal whose
 * person matches nobody, is a 422 naming the field, and nothing of the delivery is stored.
 */
export async function ingestWebhookSignals(db: TenantDb, adapter: SignalAdapter, rawBody: string, now = new Date()): Promise<SignalWebhookResult> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    countSignal(adapter.source, "unknown", "rejected");
    throw new ExpectedError("bad_request", "The request body is not valid JSON");
  }
  let normalized: NormalizedSignal[];
  try {
    normalized = adapter.normalize(body, now);
  } catch (error) {
    countSignal(adapter.source, "unknown", "rejected");
    throw error;
  }
  if (normalized.length === 0) return { received: 0, stored: 0, duplicates: 0, scores: [] };

  return db.$transaction(async (tx) => {
    const inputs: SignalInput[] = [];
    for (const signal of normalized) {
      const subject = await matchPerson(tx, signal.person);
      if (!subject) {
        countSignal(adapter.source, signal.type, "unmatched");
        throw new ExpectedError("invalid", "No lead or buyer of this workspace matches this signal", signal.personField);
      }
      inputs.push({ subject, type: signal.type, source: adapter.source, occurredAt: signal.occurredAt, dedupeKey: signal.dedupeKey, payload: signal.payload });
    }
    const result = await recordSignals(tx, inputs, { now });
    return {
      received: normalized.length,
      stored: result.stored,
      duplicates: result.duplicates,
      scores: result.scores.map((s) => ({ ...(s.subject.kind === "lead" ? { dealId: s.subject.dealId } : { buyerId: s.subject.buyerId }), before: s.before, after: s.after })),
    };
  });
}

/**
 * The person a signal speaks of: the deal or buyer it names; else the deal a CRM record was
 * taken in from (its sourceRef); else the newest live deal, then buyer, with that email or phone.
 */
export async function matchPerson(tx: TenantTransaction, person: PersonHint): Promise<SignalSubject | null> {
  if (person.dealId) {
    const deal = await tx.deal.findFirst({ where: { id: person.dealId, deletedAt: null }, select: { id: true } });
    return deal ? { kind: "lead", dealId: deal.id } : null;
  }
  if (person.buyerId) {
    const buyer = await tx.buyer.findFirst({ where: { id: person.buyerId, deletedAt: null }, select: { id: true } });
    return buyer ? { kind: "buyer", buyerId: buyer.id } : null;
  }
  if (person.crmIds?.length) {
    const deal = await tx.deal.findFirst({ where: { sourceRef: { in: person.crmIds }, deletedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (deal) return { kind: "lead", dealId: deal.id };
  }
  const email = normalizeEmail(person.email);
  const phone = normalizePhone(person.phone);
  if (email || phone) {
    const contact = [...(email ? [{ contactEmail: { equals: email, mode: "insensitive" as const } }] : []), ...(phone ? [{ contactPhone: phone }] : [])];
    const deal = await tx.deal.findFirst({ where: { deletedAt: null, OR: contact }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (deal) return { kind: "lead", dealId: deal.id };
    const reach = [...(email ? [{ emails: { has: email } }] : []), ...(phone ? [{ phones: { has: phone } }] : [])];
    const buyer = await tx.buyer.findFirst({ where: { deletedAt: null, OR: reach }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (buyer) return { kind: "buyer", buyerId: buyer.id };
  }
  return null;
}
