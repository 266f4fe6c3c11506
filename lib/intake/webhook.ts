import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { getTenantSettings } from "@/lib/tenants/settings";

/** The inbound-email webhook's body (the shape mail services post, normalized). */
export const InboundEmailPayload = z
  .object({
    messageId: z.string().trim().min(3, "messageId is required").max(998),
    from: z.string().trim().max(500).optional(),
    to: z.string().trim().max(500).optional(),
    subject: z.string().max(2000).optional(),
    text: z.string().max(2_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
  })
  .refine((m) => m.text || m.html || m.subject, { message: "Send text, html or a subject", path: ["text"] });
export type InboundEmailPayload = z.infer<typeof InboundEmailPayload>;

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function signInboundEmail(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/**
 * Verifies a delivery: `X-Dealflow-Signature: sha256=<HMAC-SHA256 of the raw body>` with
 * the tenant's secret, or the shared secret itself in `X-Dealflow-Secret` for mail
 * services that cannot sign. Unconfigured tenants accept nothing.
 */
export function verifyInboundEmail(secret: string | undefined, rawBody: string, headers: Headers): boolean {
  if (!secret) return false;
  const signature = headers.get("x-dealflow-signature");
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
    throw new ExpectedError("unauthorized", "Invalid webhook signature");
  }
  return db;
}
