import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAuditQuery } from "@/lib/audit/query";
import { DealInput } from "@/lib/intake/schema";
import { parseProspectQuery, ProspectQuery } from "@/lib/prospects/query";
import { isUnstorableTextError } from "@/lib/http/errors";
import { exceedsServerActionLimit, isServerActionRequest, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http/server-action-size";
import { findUnstorableText, isStorableText, parseStorable, toStorableJson, toStorableText } from "@/lib/validation/text";

describe("storable text", () => {
  it("refuses a NUL or an unpaired surrogate anywhere in a deal, naming the field", () => {
    for (const bad of ["12 Main\u0000 St", "12 Main \ud800 St", "\udc00"]) {
      const parsed = parseStorable(DealInput, { street: bad, city: "Austin" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].path).toEqual(["street"]);
    }
    expect(parseStorable(DealInput, { street: "12 Main St", nested: { notes: ["ok", "x\u0000"] } }).error?.issues[0].path).toEqual(["nested", "notes", 1]);
    expect(findUnstorableText({ street: "12 Main St 😀", city: "Austin" })).toBeNull();
  });

  it("property: toStorableText always yields storable text, and leaves storable text alone", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom("\u0000", "\ud800", "\udfff", "a", "é"), fc.string({ unit: "grapheme", maxLength: 1 })) }), (value) => {
        const fixed = toStorableText(value);
        expect(isStorableText(fixed)).toBe(true);
        if (isStorableText(value)) expect(fixed).toBe(value);
        expect(findUnstorableText({ value }) === null).toBe(isStorableText(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe("storable provider payloads", () => {
  it("replaces NUL and unpaired surrogates in every string and key of a parsed payload, in place", () => {
    const payload = JSON.parse('[{"sg_event_id":"e\\u0000","reason":"bad \\ud800 mailbox","k\\u0000ey":{"deep":["\\udc00",1,null,true]}}]');
    expect(findUnstorableText(payload)).not.toBeNull();
    expect(toStorableJson(payload)).toBe(payload);
    expect(payload).toEqual([{ sg_event_id: "e\uFFFD", reason: "bad \uFFFD mailbox", "k\uFFFDey": { deep: ["\uFFFD", 1, null, true] } }]);
    expect(toStorableJson("a\u0000")).toBe("a\uFFFD");
    const ownProto = toStorableJson(JSON.parse('{"__proto__":"a\\u0000"}'));
    expect(Object.getOwnPropertyDescriptor(ownProto, "__proto__")?.value).toBe("a\uFFFD");
  });

  it("property: whatever JSON comes in, what comes out is storable and keeps storable text as it was", () => {
    const unit = fc.oneof(fc.constantFrom("\u0000", "\ud800", "\udfff", "a"), fc.string({ unit: "grapheme", maxLength: 1 }));
    const text = fc.string({ unit, maxLength: 8 });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, text, fc.integer(), fc.constant(null), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(text, tie("value"), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const storable = findUnstorableText(value) === null;
        const before = structuredClone(value);
        const fixed = toStorableJson(value);
        expect(findUnstorableText(fixed)).toBeNull();
        if (storable) expect(fixed).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe("database refusals of unstorable text", () => {
  it("recognizes PostgreSQL's 22021 and 22P05 however the driver wraps them, and nothing else", () => {
    expect(isUnstorableTextError({ name: "DriverAdapterError", cause: { kind: "postgres", code: "22021" } })).toBe(true);
    expect(isUnstorableTextError({ cause: { originalCode: "22P05", code: "22P05" } })).toBe(true);
    expect(isUnstorableTextError(new Error("Invalid `prisma.tenant.update()` invocation:\nJSON Error: unexpected end of hex escape at line 1 column 132"))).toBe(true);
    expect(isUnstorableTextError({ cause: { kind: "postgres", code: "23505" } })).toBe(false);
    expect(isUnstorableTextError(new Error("connection refused"))).toBe(false);
    expect(isUnstorableTextError(null)).toBe(false);
  });
});

describe("server-action body limit", () => {
  const action = (headers: Record<string, string>) => new Headers({ "next-action": "abc123", ...headers });
  const stream = (sizes: number[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const size of sizes) controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    });

  it("applies to action posts only: the Next-Action header, or a form posted to a page", () => {
    expect(isServerActionRequest("POST", "/deals/new", action({}))).toBe(true);
    expect(isServerActionRequest("POST", "/deals/new", new Headers({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(isServerActionRequest("POST", "/deals/new", new Headers({ "content-type": "application/x-www-form-urlencoded" }))).toBe(true);
    expect(isServerActionRequest("POST", "/api/auth/callback/credentials", new Headers({ "content-type": "application/x-www-form-urlencoded" }))).toBe(false);
    expect(isServerActionRequest("GET", "/deals/new", action({}))).toBe(false);
    expect(isServerActionRequest("POST", "/deals/new", new Headers({ "content-type": "application/json" }))).toBe(false);
  });

  it("decides by Content-Length when there is one, and counts a chunked body up to one byte past the limit", async () => {
    const limit = SERVER_ACTION_BODY_LIMIT_BYTES;
    expect(limit).toBe(1024 * 1024);
    expect(await exceedsServerActionLimit(action({ "content-length": String(limit) }), null)).toBe(false);
    expect(await exceedsServerActionLimit(action({ "content-length": String(limit + 1) }), null)).toBe(true);
    expect(await exceedsServerActionLimit(action({ "content-length": String(2 * limit) }), stream([1]))).toBe(true);
    expect(await exceedsServerActionLimit(action({}), stream([limit / 2, limit / 2]))).toBe(false);
    expect(await exceedsServerActionLimit(action({}), stream([limit / 2, limit / 2, 1]))).toBe(true);
    expect(await exceedsServerActionLimit(action({}), null)).toBe(false);
  });
});

describe("query parameters", () => {
  it("answers ?region=%00 and ?q=%00 with an invalid field on the API, and ignores them on the page", () => {
    for (const key of ["region", "q", "market", "owner"]) {
      const api = parseStorable(ProspectQuery, { [key]: "\u0000" });
      expect(api.success).toBe(false);
      expect(api.error?.issues[0].path).toEqual([key]);
      const page = parseProspectQuery({ [key]: "\u0000", status: "NEW" });
      expect(page[key as keyof typeof page]).toBeUndefined();
      expect(page.status).toEqual(["NEW"]);
    }
  });

  it("reads /audit?from=garbage&page=NaN as the first page without that filter, saying what it ignored", () => {
    const { query, ignored } = parseAuditQuery({ from: "garbage", page: "NaN", action: "member" });
    expect(query).toMatchObject({ page: 1, action: "member" });
    expect(query.from).toBeUndefined();
    expect(ignored).toEqual(["from"]);
    expect(parseAuditQuery({ actor: "\u0000", to: "2026-02-30" }).ignored.sort()).toEqual(["actor", "to"]);
    expect(parseAuditQuery({ page: "1e300" }).query.page).toBe(1);
  });
});
