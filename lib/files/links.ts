/**
 * Signed download links of stored documents: short-lived, and bound to one file, one tenant and
 * one holder (the signed-in user, or an API key), so a link copied to someone else, or kept past
 * its expiry, opens nothing. The token is the expiry and an HMAC-SHA256 of the claim under a
 * key derived from AUTH_SECRET for this use alone.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Ten minutes: long enough to click, short enough that a forwarded link is dead. */
export const FILE_LINK_TTL_MS = 10 * 60 * 1000;

export interface FileLinkClaim {
  fileId: string;
  tenantId: string;
  /** "user:<id>" for a signed-in member, "key:<id>" for an API key. */
  holder: string;
}

export type FileLinkCheck = { ok: true } | { ok: false; reason: "malformed" | "expired" | "bad_signature" };

export function fileLinkSecret(env: Record<string, string | undefined> = process.env): string | null {
  return env.AUTH_SECRET?.trim() || env.NEXTAUTH_SECRET?.trim() || null;
}

function mac(secret: string, claim: FileLinkClaim, expires: number): Buffer {
  const payload = [claim.fileId, claim.tenantId, claim.holder, String(expires)].join("\n");
  return createHmac("sha256", `file-link:${secret}`).update(payload).digest();
}

/** Pure (given the clock): the token of a link valid until now + ttl: "<expiry seconds>.<mac>". */
export function signFileLink(claim: FileLinkClaim, secret: string, now: Date = new Date(), ttlMs = FILE_LINK_TTL_MS): string {
  const expires = Math.floor((now.getTime() + ttlMs) / 1000);
  return `${expires}.${mac(secret, claim, expires).toString("base64url")}`;
}

/**
 * Pure: whether `token` was signed for exactly this claim and is still valid at `now`. Any
 * difference in the file, the tenant or the holder fails the signature.
 */
export function verifyFileLink(token: string | null | undefined, claim: FileLinkClaim, secret: string, now: Date = new Date()): FileLinkCheck {
  const match = typeof token === "string" ? /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!match) return { ok: false, reason: "malformed" };
  const expires = Number(match[1]);
  // Compared as text: base64url's last character carries spare bits, so two spellings can
  // decode to the same bytes, and a link must have exactly one.
  const given = Buffer.from(match[2]);
  const expected = Buffer.from(mac(secret, claim, expires).toString("base64url"));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  if (now.getTime() >= expires * 1000) return { ok: false, reason: "expired" };
  return { ok: true };
}

/** The link a holder downloads the file by. */
export function signedFileUrl(fileId: string, token: string): string {
  return `/api/files/${encodeURIComponent(fileId)}/download?token=${encodeURIComponent(token)}`;
}
