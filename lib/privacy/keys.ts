/**
 * The installation's two privacy secrets, both 256-bit:
 * - the hash key (PRIVACY_HASH_KEY) keys the HMAC-SHA256 of normalized phones and emails in
 *   suppression entries and person keys. It must never change: a new key forgets every
 *   suppression. Without it, it is derived from NEXTAUTH_SECRET / AUTH_SECRET (HKDF), which
 *   then must not be rotated.
 * - the wrapping key (PRIVACY_KEY_WRAP_KEY) wraps each person's data key. Without it, it is
 *   derived the same way under another label.
 * Both accept 64 hex digits or base64 of 32 bytes; any other text is stretched with HKDF.
 */
import { createHash, hkdfSync } from "node:crypto";

const DEVELOPMENT_SECRET = "dealflow-development-only-privacy-secret";

function appSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET?.trim() || process.env.AUTH_SECRET?.trim();
  if (secret) return secret;
  // Fail closed in production: hashes under a well-known secret would protect nobody.
  if (process.env.NODE_ENV === "production") {
    throw new Error("Set PRIVACY_HASH_KEY and PRIVACY_KEY_WRAP_KEY (or NEXTAUTH_SECRET) to use privacy features");
  }
  return DEVELOPMENT_SECRET;
}

function derive(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "dealflow-privacy", label, 32));
}

/** 64 hex digits or base64 of 32 bytes is the key itself; other text is stretched. */
export function keyFromText(text: string, label: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  const decoded = Buffer.from(value, "base64");
  if (decoded.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(value)) return decoded;
  return derive(value, label);
}

let cached: { source: string; hash: Buffer; wrap: Buffer } | null = null;

function keys() {
  const hashText = process.env.PRIVACY_HASH_KEY?.trim();
  const wrapText = process.env.PRIVACY_KEY_WRAP_KEY?.trim();
  const source = createHash("sha256").update(`${hashText ?? ""}\u0000${wrapText ?? ""}\u0000${hashText && wrapText ? "" : appSecret()}`).digest("hex");
  if (cached?.source !== source) {
    cached = {
      source,
      hash: hashText ? keyFromText(hashText, "hash") : derive(appSecret(), "hash"),
      wrap: wrapText ? keyFromText(wrapText, "wrap") : derive(appSecret(), "wrap"),
    };
  }
  return cached;
}

export function privacyHashKey(): Buffer {
  return keys().hash;
}

export function privacyWrapKey(): Buffer {
  return keys().wrap;
}
