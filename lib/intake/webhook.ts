import { countWebhookVerificationFailed } from "@/lib/observability/metrics";
import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/security/signed-token";
import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { getTenantSettings } from "@/lib/tenants/settings";

/**
 * The inbound-email webhook's body (the shape mail services post, normalized). Text the
 * database cannot store (NUL, unpaired surrogates) is not refused here: a signed delivery
 * would only be retried, so ingestDealEmail stores it with those characters replaced.
 */
export const InboundEmailPayload = z
  .object({
    messageId: z.string().trim().min(3, "messageId is required").max(998),
    from: z.string().trim().max(500).optional(),
    to: z.string().trim().max(500).optional(),
    subject: z.string().max(2000).optional(),
    text: z.string().max(2_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
    /** Threading headers: a reply to one of our messages is threaded on its lead, not taken in as a deal. */
    inReplyTo: z.string().max(2000).optional(),
    references: z.union([z.string().max(20_000), z.array(z.string().max(2000)).max(100)]).optional(),
    /** The raw header block, as SendGrid Inbound Parse posts it; In-Reply-To, References and To are read from it. */
    headers: z.string().max(100_000).optional(),
  })
  .refine((m) => m.text || m.html || m.subject, { message: "Send text, html or a subject", path: ["text"] });
export type InboundEmailPayload = z.infer<typeof InboundEmailPayload>;

/**
 * The signature header's value. With a timestamp (Unix seconds, sent in
 * `X-Dealflow-Timestamp`) the HMAC covers `<timestamp>.<raw body>`, so a captured delivery
 * cannot be replayed later; without one it covers the body alone (the original scheme).
 */
export function signInboundEmail(secret: string, rawBody: string, timestamp?: string): string {
  const signed = timestamp === undefined ? rawBody : `${timestamp}.${rawBody}`;
  return `sha256=${createHmac("sha256", secret).update(signed).digest("hex")}`;
}

/** How far a signed timestamp may be from our clock, either way. */
export const INBOUND_EMAIL_MAX_SKEW_SECONDS = 10 * 60;

function isFreshTimestamp(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) <= INBOUND_EMAIL_MAX_SKEW_SECONDS;
}

/**
 * Verifies a delivery: `X-Dealflow-Signature: sha256=<HMAC-SHA256>` with the tenant's
 * secret, over `<X-Dealflow-Timestamp>.<raw body>` when the timestamp header is sent (and
 * then only within 10 minutes of it), else over the raw body; or the shared secret itself
 * in `X-Dealflow-Secret` for mail services that cannot sign. A replay is a no-op either
 * way (deliveries are idempotent by messageId). Unconfigured tenants accept nothing.
 */
export function verifyInboundEmail(secret: string | undefined, rawBody: string, headers: Headers, now: Date = new Date()): boolean {
  if (!secret) return false;
  const signature = headers.get("x-dealflow-signature");
  const timestamp = headers.get("x-dealflow-timestamp");
  if (signature && timestamp !== null) {
    return safeEqual(signature, signInboundEmail(secret, rawBody, timestamp)) && isFreshTimestamp(timestamp, now);
  }
  if (signature) return safeEqual(signature, signInboundEmail(secret, rawBody));
  const shared = headers.get("x-dealflow-secret");
  return Boolean(shared) && safeEqual(shared!, secret);
}

/**
 * Verifies a delivery for the workspace the edge resolved from the URL's slug (`db` is null
 * when the slug names none).
 */
export async function authenticateInboundEmail(db: TenantDb | null, rawBody: string, headers: Headers): Promise<TenantDb> {
  // Same answer for an unknown slug and a bad signature: don't reveal which tenants exist.
  if (!db) throw new ExpectedError("unauthorized", "Invalid webhook signature");
  const settings = await getTenantSettings(db);
  if (!verifyInboundEmail(settings.inboundEmailSecret, rawBody, headers)) {
    countWebhookVerificationFailed("inbound-email");
    throw new ExpectedError("unauthorized", "Invalid webhook signature");
  }
  return db;
}
