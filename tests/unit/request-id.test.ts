import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/observability/request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("resolveRequestId", () => {
  it("uses the x-request-id header", () => expect(REQUEST_ID_HEADER).toBe("x-request-id"));

  it.each([
    "abcdefgh",
    "req-1234.5678:abc_DEF",
    "3f2b8c1e-6a4d-4e2f-9b1a-0c5d7e8f9a0b",
    "a".repeat(128),
  ])("keeps a well-formed id %s", (id) => {
    expect(resolveRequestId(id)).toBe(id);
  });

  it.each([
    ["a space", "abc defgh"],
    ["a newline", "abcdefgh\n"],
    ["a forged log line", "abcdefgh\nlevel=error msg=forged"],
    ["a carriage return", "abcd\refgh"],
    ["7 characters", "abcdefg"],
    ["129 characters", "a".repeat(129)],
    ["a slash", "abcd/efgh"],
    ["non-ASCII", "abcdéfgh"],
    ["an empty string", ""],
  ])("replaces an id with %s", (_label, id) => {
    const resolved = resolveRequestId(id);
    expect(resolved).not.toBe(id);
    expect(resolved).toMatch(UUID);
  });

  it("generates a fresh UUID when there is no id", () => {
    const a = resolveRequestId(null);
    const b = resolveRequestId(undefined);
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it("property: the result is always a safe token, and a safe input is kept", () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 200 }), { nil: undefined }), (incoming) => {
        const resolved = resolveRequestId(incoming);
        expect(resolved).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
        const safe = incoming !== undefined && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming);
        if (safe) expect(resolved).toBe(incoming);
        else expect(resolved).toMatch(UUID);
      }),
    );
  });
});
