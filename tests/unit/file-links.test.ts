import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FILE_LINK_TTL_MS, signedFileUrl, signFileLink, verifyFileLink, type FileLinkClaim } from "@/lib/files/links";

const SECRET = "test-secret-0123456789abcdef";
const CLAIM: FileLinkClaim = { fileId: "file_1", tenantId: "tenant_a", holder: "user:u1" };
const NOW = new Date("2026-12-07T12:00:00Z");

describe("signed document links", () => {
  it("open for the holder, file and workspace they were signed for, until they expire", () => {
    const token = signFileLink(CLAIM, SECRET, NOW);
    expect(verifyFileLink(token, CLAIM, SECRET, NOW)).toEqual({ ok: true });
    expect(verifyFileLink(token, CLAIM, SECRET, new Date(NOW.getTime() + FILE_LINK_TTL_MS - 1000))).toEqual({ ok: true });
    expect(verifyFileLink(token, CLAIM, SECRET, new Date(NOW.getTime() + FILE_LINK_TTL_MS))).toEqual({ ok: false, reason: "expired" });
    expect(FILE_LINK_TTL_MS).toBe(10 * 60 * 1000);
  });

  it("refuse another user, another file, another workspace, another key and another secret", () => {
    const token = signFileLink(CLAIM, SECRET, NOW);
    for (const claim of [
      { ...CLAIM, holder: "user:u2" },
      { ...CLAIM, holder: "key:u1" },
      { ...CLAIM, fileId: "file_2" },
      { ...CLAIM, tenantId: "tenant_b" },
    ]) {
      expect(verifyFileLink(token, claim, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" });
    }
    expect(verifyFileLink(token, CLAIM, "another-secret", NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuse a token whose expiry was pushed back, or that is not a token at all", () => {
    const token = signFileLink(CLAIM, SECRET, NOW);
    const [expires, mac] = token.split(".");
    expect(verifyFileLink(`${Number(expires) + 3600}.${mac}`, CLAIM, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" });
    for (const bad of [null, undefined, "", "abc", `${expires}.`, `${expires}.${mac}x`, `x${expires}.${mac}`]) {
      expect(verifyFileLink(bad, CLAIM, SECRET, NOW).ok).toBe(false);
    }
  });

  it("refuse any one-character change of a token", () => {
    const token = signFileLink(CLAIM, SECRET, NOW);
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_.";
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (at, char) => {
        fc.pre(token[at] !== char);
        const changed = token.slice(0, at) + char + token.slice(at + 1);
        return verifyFileLink(changed, CLAIM, SECRET, NOW).ok === false;
      }),
      { numRuns: 300 },
    );
  });

  it("carry the token in the download URL", () => {
    expect(signedFileUrl("file 1", "123.abc")).toBe("/api/files/file%201/download?token=123.abc");
  });
});
