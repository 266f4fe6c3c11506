import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, UnsealError, type SealedSecret } from "@/lib/credentials/crypto";
import { keyringFromEnv, KeyringError, parseKeyring } from "@/lib/credentials/keyring";
import { maskSecret } from "@/lib/credentials/mask";

const newKey = () => randomBytes(32).toString("base64");
const CONTEXT = "dealflow.credentials:tenant-a:TWILIO";

function flipByte(base64: string, index = 0): string {
  const bytes = Buffer.from(base64, "base64");
  bytes[index % bytes.length] ^= 0x01;
  return bytes.toString("base64");
}

describe("sealing workspace secrets with AES-256-GCM", () => {
  it("opens what it sealed, for any text, with a fresh nonce each time", () => {
    const keyring = parseKeyring(newKey());
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (secret) => {
        const sealed = sealSecret(keyring, secret, CONTEXT);
        expect(openSecret(keyring, sealed, CONTEXT)).toBe(secret);
        expect(sealSecret(keyring, secret, CONTEXT).iv).not.toBe(sealed.iv);
      }),
      { numRuns: 200 },
    );
  });

  it("does not keep the secret readable in the ciphertext", () => {
    const keyring = parseKeyring(newKey());
    const secret = "sk_live_0123456789abcdef";
    const sealed = sealSecret(keyring, secret, CONTEXT);
    expect(JSON.stringify(sealed)).not.toContain(secret);
    expect(Buffer.from(sealed.ciphertext, "base64").toString("utf8")).not.toContain(secret);
  });

  it("refuses to open with another key of the same version", () => {
    const sealed = sealSecret(parseKeyring(newKey()), "auth-token-value", CONTEXT);
    expect(() => openSecret(parseKeyring(newKey()), sealed, CONTEXT)).toThrow(UnsealError);
  });

  it("refuses a ciphertext, nonce or tag altered by one bit, and a row moved to another workspace", () => {
    const keyring = parseKeyring(newKey());
    const sealed = sealSecret(keyring, "auth-token-value", CONTEXT);
    const altered: SealedSecret[] = [
      { ...sealed, ciphertext: flipByte(sealed.ciphertext, 3) },
      { ...sealed, iv: flipByte(sealed.iv) },
      { ...sealed, authTag: flipByte(sealed.authTag, 15) },
      { ...sealed, authTag: sealed.authTag.slice(0, 8) },
    ];
    for (const tampered of altered) expect(() => openSecret(keyring, tampered, CONTEXT)).toThrow(UnsealError);
    expect(() => openSecret(keyring, sealed, "dealflow.credentials:tenant-b:TWILIO")).toThrow(UnsealError);
  });

  it("rotates: a new version seals, the old one still opens old rows, and dropping it makes them unreadable", () => {
    const [oldKey, nextKey] = [newKey(), newKey()];
    const before = parseKeyring(oldKey);
    const sealedOld = sealSecret(before, "refresh-token", CONTEXT);
    expect(sealedOld.keyVersion).toBe(1);

    const during = parseKeyring(`2:${nextKey},1:${oldKey}`);
    expect(during.current.version).toBe(2);
    expect(openSecret(during, sealedOld, CONTEXT)).toBe("refresh-token");
    const resealed = sealSecret(during, openSecret(during, sealedOld, CONTEXT), CONTEXT);
    expect(resealed.keyVersion).toBe(2);

    const after = parseKeyring(`2:${nextKey}`);
    expect(openSecret(after, resealed, CONTEXT)).toBe("refresh-token");
    expect(() => openSecret(after, sealedOld, CONTEXT)).toThrow(/Key version 1 is not in CREDENTIALS_KEY/);
  });
});

describe("the CREDENTIALS_KEY keyring", () => {
  it("is missing, invalid with a reason that never echoes the key, or ready", () => {
    expect(keyringFromEnv({})).toEqual({ status: "missing" });
    const short = randomBytes(16).toString("base64");
    const invalid = keyringFromEnv({ CREDENTIALS_KEY: short });
    expect(invalid.status).toBe("invalid");
    expect(JSON.stringify(invalid)).not.toContain(short);
    expect(keyringFromEnv({ CREDENTIALS_KEY: newKey() }).status).toBe("ready");
  });

  it("refuses unversioned keys in a list, duplicate versions and version 0", () => {
    expect(() => parseKeyring(`${newKey()},${newKey()}`)).toThrow(KeyringError);
    expect(() => parseKeyring(`1:${newKey()},1:${newKey()}`)).toThrow(/twice/);
    expect(() => parseKeyring(`0:${newKey()}`)).toThrow(KeyringError);
    expect(() => parseKeyring("not base64 at all!")).toThrow(KeyringError);
  });
});

describe("masked hints", () => {
  it("show only the last four characters of a long secret, nothing of a short one", () => {
    expect(maskSecret("SG.abcdefghijklmnop.a1f3")).toBe("…a1f3");
    expect(maskSecret("short")).toBe("…");
  });
});
