/**
 * Sealing personal data in rows that are never rewritten. Each person (a phone, an email, a
 * record tied to them) has a random 256-bit data key, stored wrapped with the installation's
 * wrapping key. A sealed value is encrypted (AES-256-GCM) under a content key derived from
 * the data keys of every subject it concerns, so destroying any one of them makes it
 * unreadable: erasing a person shreds every sealed value that names them.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { privacyWrapKey } from "./keys";

const IV_BYTES = 12;
const TAG_BYTES = 16;

function encrypt(key: Buffer, plain: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

function decrypt(key: Buffer, sealed: string): Buffer {
  const data = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, IV_BYTES));
  decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function wrapDataKey(key: Buffer, wrapKey = privacyWrapKey()): string {
  return encrypt(wrapKey, key);
}

export function unwrapDataKey(wrapped: string, wrapKey = privacyWrapKey()): Buffer {
  return decrypt(wrapKey, wrapped);
}

/** What a sealed value carries besides its ciphertext: which keys open it. */
export interface SealedEnvelope {
  v: 1;
  /** PersonKey ids, sorted: every one of them is needed. */
  k: string[];
  s: string;
  d: string;
}

function contentKey(keys: readonly Buffer[], salt: Buffer): Buffer {
  const material = createHash("sha256");
  for (const key of keys) material.update(key);
  return Buffer.from(hkdfSync("sha256", material.digest(), salt, "dealflow-sealed-value", 32));
}

/** Seals a JSON value under every given person key (id → data key). */
export function sealValue(value: unknown, keys: ReadonlyMap<string, Buffer>): SealedEnvelope {
  const ids = [...keys.keys()].sort();
  if (ids.length === 0) throw new Error("A sealed value needs at least one person key");
  const salt = randomBytes(16);
  const data = encrypt(contentKey(ids.map((id) => keys.get(id)!), salt), Buffer.from(JSON.stringify(value), "utf8"));
  return { v: 1, k: ids, s: salt.toString("base64"), d: data };
}

/** The value, or null when a key it needs was destroyed (the person was erased). */
export function openValue(envelope: SealedEnvelope, keys: ReadonlyMap<string, Buffer>): { value: unknown } | null {
  const found = envelope.k.map((id) => keys.get(id));
  if (found.some((key) => !key)) return null;
  const plain = decrypt(contentKey(found as Buffer[], Buffer.from(envelope.s, "base64")), envelope.d);
  return { value: JSON.parse(plain.toString("utf8")) as unknown };
}

export function isSealedEnvelope(value: unknown): value is SealedEnvelope {
  const v = value as Partial<SealedEnvelope> | null;
  return typeof v === "object" && v !== null && v.v === 1 && Array.isArray(v.k) && typeof v.s === "string" && typeof v.d === "string";
}
