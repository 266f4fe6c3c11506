/**
 * Signed tokens for links the app puts in messages (unsubscribe, open and click tracking):
 * "<base64url JSON claim>.<base64url HMAC-SHA256>", keyed by the link's purpose and the app's
 * secret, so a token made for one purpose never verifies for another.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Constant-time comparison of two strings (signatures, shared secrets). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** What the MAC covers besides the claim (a click's URL): the claim's payload alone by default. */
type SignedText = (payload: string) => string;
const payloadOnly: SignedText = (payload) => payload;

function mac(purpose: string, secret: string, text: string): string {
  return createHmac("sha256", `${purpose}:${secret}`).update(text).digest("base64url");
}

export function signClaimToken(purpose: string, claim: Record<string, string>, secret: string, signed: SignedText = payloadOnly): string {
  const payload = Buffer.from(JSON.stringify(claim), "utf8").toString("base64url");
  return `${payload}.${mac(purpose, secret, signed(payload))}`;
}

/** The claim of a genuine token (its fields still to be checked by the caller); null for anything tampered, truncated or signed for another purpose or secret. */
export function readClaimToken(purpose: string, token: string, secret: string | null, options: { maxLength: number; signed?: SignedText }): Record<string, unknown> | null {
  if (!secret || typeof token !== "string" || token.length > options.maxLength) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  if (!safeEqual(mac(purpose, secret, (options.signed ?? payloadOnly)(payload)), signature)) return null;
  try {
    const data: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return data && typeof data === "object" ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
