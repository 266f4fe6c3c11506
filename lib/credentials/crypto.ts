import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring";

/** AES-256-GCM with a 96-bit random nonce per seal and the full 128-bit tag. */
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedSecret {
  ciphertext: string;
  iv: string;
  authTag: string;
  keyVersion: number;
}

/** Additional authenticated data: a sealed row opens only for its own workspace and provider. */
export function sealContext(tenantId: string, provider: string): string {
  return `dealflow.credentials:${tenantId}:${provider}`;
}

/** A sealed secret that cannot be opened: unknown key version, wrong key, or altered bytes. */
export class UnsealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsealError";
  }
}

/**
 * Encrypts `plaintext` under the keyring's newest key. `context` is bound as additional
 * authenticated data (the workspace and provider), so a ciphertext copied to another row
 * does not open there.
 */
export function sealSecret(keyring: Keyring, plaintext: string, context: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return {
    ciphertext: ciphertext.toString("base64"),
    iv: iv.toString("base64"),
    authTag: cipher.getAuthTag().toString("base64"),
    keyVersion: keyring.current.version,
  };
}

export function openSecret(keyring: Keyring, sealed: SealedSecret, context: string): string {
  const key = keyring.byVersion.get(sealed.keyVersion);
  if (!key) throw new UnsealError(`Key version ${sealed.keyVersion} is not in CREDENTIALS_KEY`);
  const authTag = Buffer.from(sealed.authTag, "base64");
  if (authTag.length !== TAG_BYTES) throw new UnsealError("The stored authentication tag is malformed");
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, "base64"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError(`The stored secret does not open with key version ${sealed.keyVersion} (wrong key or altered data)`);
  }
}
