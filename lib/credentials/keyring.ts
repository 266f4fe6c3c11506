/**
 * The keys that encrypt workspace credentials, read from CREDENTIALS_KEY. One key is a
 * base64 string of 32 random bytes (`openssl rand -base64 32`) and is version 1; during a
 * rotation the variable lists several as `<version>:<base64>` separated by commas, e.g.
 * `2:NEW...,1:OLD...`. New secrets are sealed with the highest version; older versions stay
 * only so rows not yet rotated can be read (`dealflow credentials-rotate` re-seals them).
 */

export const KEY_BYTES = 32;

export interface CredentialKey {
  version: number;
  key: Buffer;
}

export interface Keyring {
  /** The newest key: every save and every rotation seals with it. */
  current: CredentialKey;
  byVersion: ReadonlyMap<number, Buffer>;
}

/** CREDENTIALS_KEY is set but cannot be used; the message names what is wrong, never the key. */
export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyringError";
  }
}

function decodeKey(encoded: string, label: string): Buffer {
  const key = Buffer.from(encoded, "base64");
  if (key.length !== KEY_BYTES || key.toString("base64").replace(/=+$/, "") !== encoded.replace(/=+$/, "")) {
    throw new KeyringError(`CREDENTIALS_KEY ${label} must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
  }
  return key;
}

/** Parses the variable's value; throws KeyringError when it is malformed. */
export function parseKeyring(value: string): Keyring {
  const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new KeyringError("CREDENTIALS_KEY is empty");
  const byVersion = new Map<number, Buffer>();
  for (const entry of entries) {
    const match = /^(\d{1,6}):(.+)$/.exec(entry);
    if (!match && entries.length > 1) throw new KeyringError("CREDENTIALS_KEY lists several keys: write each as <version>:<base64 key>");
    const version = match ? Number(match[1]) : 1;
    if (version < 1) throw new KeyringError("CREDENTIALS_KEY versions start at 1");
    if (byVersion.has(version)) throw new KeyringError(`CREDENTIALS_KEY lists version ${version} twice`);
    byVersion.set(version, decodeKey(match ? match[2] : entry, `version ${version}`));
  }
  const newest = Math.max(...byVersion.keys());
  return { current: { version: newest, key: byVersion.get(newest)! }, byVersion };
}

export type KeyringState = { status: "ready"; keyring: Keyring } | { status: "missing" } | { status: "invalid"; reason: string };

/** The installation's keyring: missing (secrets cannot be saved), invalid (with why) or ready. */
export function keyringFromEnv(env: Record<string, string | undefined> = process.env): KeyringState {
  const value = env.CREDENTIALS_KEY?.trim();
  if (!value) return { status: "missing" };
  try {
    return { status: "ready", keyring: parseKeyring(value) };
  } catch (error) {
    if (error instanceof KeyringError) return { status: "invalid", reason: error.message };
    throw error;
  }
}
