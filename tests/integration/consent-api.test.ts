import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as grant } from "@/app/api/v1/consent/route";
import { DELETE as withdraw, GET as lookUp } from "@/app/api/v1/consent/[contact]/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let readKey: string;
let writeKey: string;
let fullKey: string;
let otherKey: string;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-consent" };

const WORDING = "I agree to receive texts and calls about my property at this number. Reply STOP to opt out.";

const post = (key: string | undefined, body: unknown) => callRoute(grant, "/api/v1/consent", { key, method: "POST", body });
const get = (key: string | undefined, contact: string) =>
  callRoute(lookUp, `/api/v1/consent/${encodeURIComponent(contact)}`, { key, params: { contact: encodeURIComponent(contact) } });
const del = (key: string | undefined, contact: string, query = "") =>
  callRoute(withdraw, `/api/v1/consent/${encodeURIComponent(contact)}${query}`, { key, method: "DELETE", params: { contact: encodeURIComponent(contact) } });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const a = await database.prisma.tenant.create({ data: { slug: "consent-a", name: "Consent A", timeZone: "America/Toronto", country: "CA" } });
  const b = await database.prisma.tenant.create({ data: { slug: "consent-b", name: "Consent B", timeZone: "America/Toronto", country: "CA" } });
  db = scopeToTenant(database.prisma, a.id);
  readKey = (await createApiKey(db, { name: "reader", scopes: ["consent:read"] }, ctx)).key;
  writeKey = (await createApiKey(db, { name: "writer", scopes: ["consent:write"] }, ctx)).key;
  fullKey = (await createApiKey(db, { name: "crm", scopes: ["consent:read", "consent:write"] }, ctx)).key;
  otherKey = (await createApiKey(scopeToTenant(database.prisma, b.id), { name: "other", scopes: ["consent:read", "consent:write"] }, ctx)).key;
});
afterAll(() => database.close());

describe("/api/v1/consent", () => {
  it("refuses without a key (401) and without the scope (403)", async () => {
    expect((await post(undefined, { contact: "+14165550100", source: "web form" })).status).toBe(401);
    expect((await get("dfk_nope", "+14165550100")).status).toBe(401);
    expect((await post(readKey, { contact: "+14165550100", source: "web form" })).status).toBe(403);
    expect((await del(readKey, "+14165550100")).status).toBe(403);
    expect((await get(writeKey, "+14165550100")).status).toBe(403);
  });

  it("answers 400 for a body that is not JSON and 422 naming the field for bad fields", async () => {
    expect((await post(writeKey, "not json")).status).toBe(400);
    const issueOf = async (body: unknown) => {
      const response = await post(writeKey, body);
      expect(response.status).toBe(422);
      return (await response.json()).issues[0];
    };
    expect(await issueOf({ source: "web form" })).toMatchObject({ path: "contact" });
    expect(await issueOf({ contact: "+14165550100" })).toMatchObject({ path: "source" });
    expect(await issueOf({ contact: "+14165550100", source: "web", basis: "MAYBE" })).toMatchObject({ path: "basis" });
    expect(await issueOf({ contact: "+14165550100", source: "web", basis: "PRIOR_EXPRESS_WRITTEN" })).toMatchObject({ path: "wording" });
    expect(await issueOf({ contact: "+14165550100", source: "web", givenAt: "2999-01-01" })).toMatchObject({ path: "givenAt" });
    expect(await issueOf({ contact: "not a contact", source: "web" })).toMatchObject({ path: "contact" });
    expect(await issueOf({ contact: "jane@example.com", source: "web", channel: "SMS" })).toMatchObject({ path: "channel" });
    expect(await db.contactConsent.count()).toBe(0);
  });

  it("GET of a contact with nothing on record is 404; a malformed contact 400 naming it", async () => {
    const missing = await get(readKey, "+14165550199");
    expect(missing.status).toBe(404);
    expect((await missing.json()).issues[0]).toMatchObject({ path: "contact" });
    const bad = await get(readKey, "hello");
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0]).toMatchObject({ path: "contact" });
  });

  it("records a phone's consent for SMS and calls with its basis, source, time, words and evidence, and reads it back", async () => {
    const givenAt = "2026-03-01T15:04:00.000Z";
    const created = await post(fullKey, { contact: "(416) 555-0100", source: "Landing page form", givenAt, wording: WORDING, evidence: "203.0.113.7" });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ contact: "+14165550100", kind: "phone", created: true });
    expect(body.records.map((r: { channel: string }) => r.channel)).toEqual(["SMS", "CALL"]);
    for (const record of body.records) {
      expect(record).toMatchObject({ status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "Landing page form", givenAt, wording: WORDING, evidence: "203.0.113.7" });
    }

    const read = await get(readKey, "+14165550100");
    expect(read.status).toBe(200);
    const readBody = await read.json();
    expect(readBody.records.map((r: { channel: string; basis: string }) => [r.channel, r.basis])).toEqual([["SMS", "PRIOR_EXPRESS_WRITTEN"], ["CALL", "PRIOR_EXPRESS_WRITTEN"]]);
    // Another workspace's key sees nothing of it.
    expect((await get(otherKey, "+14165550100")).status).toBe(404);

    // One audit event per channel (its personal fields are sealed, so only its shape is read here).
    const audit = await db.auditEvent.findMany({ where: { action: "consent.granted" } });
    expect(audit).toHaveLength(2);
    expect(audit.every((event) => event.entity === "ContactConsent")).toBe(true);
  });

  it("an email takes EMAIL only; a basis chosen wins, and consent without words has none unless chosen", async () => {
    const relationship = await post(writeKey, { contact: "Jane@Example.com", source: "closing file", basis: "established_relationship" });
    expect(relationship.status).toBe(201);
    expect(await relationship.json()).toMatchObject({ contact: "jane@example.com", kind: "email", records: [{ channel: "EMAIL", basis: "ESTABLISHED_RELATIONSHIP", wording: null }] });
    const bare = await post(writeKey, { contact: "+14165550101", channel: "sms", source: "phone call" });
    expect(await bare.json()).toMatchObject({ records: [{ channel: "SMS", basis: "NONE" }] });
    expect(await db.contactConsent.count({ where: { address: "+14165550101" } })).toBe(1);
  });

  it("is idempotent with an Idempotency-Key: the replay changes nothing and answers the same", async () => {
    const body = { contact: "+14165550102", source: "web form", wording: WORDING };
    const headers = { "idempotency-key": "consent-once" };
    const auditedBefore = await db.auditEvent.count({ where: { action: "consent.granted" } });
    const first = await callRoute(grant, "/api/v1/consent", { key: writeKey, method: "POST", body, headers });
    const again = await callRoute(grant, "/api/v1/consent", { key: writeKey, method: "POST", body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    const audited = await db.auditEvent.count({ where: { action: "consent.granted" } });
    expect(audited).toBe(auditedBefore + 2); // SMS and CALL, once
  });

  it("DELETE withdraws every channel of the contact, audited; consent dated before the withdrawal cannot undo it", async () => {
    const response = await del(fullKey, "+14165550100", "?source=phone%20call&note=asked%20us%20to%20stop");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ contact: "+14165550100", withdrawn: ["SMS", "CALL"] });
    for (const record of body.records) expect(record).toMatchObject({ status: "OPTED_OUT", basis: "NONE", source: "phone call", note: "asked us to stop" });
    expect(await db.auditEvent.count({ where: { action: "consent.withdrawn" } })).toBe(2);

    const stale = await post(writeKey, { contact: "+14165550100", source: "old list", givenAt: "2026-03-01T15:04:00.000Z", wording: WORDING });
    expect(stale.status).toBe(409);
    expect((await stale.json()).issues[0]).toMatchObject({ path: "givenAt" });
    const undated = await post(writeKey, { contact: "+14165550100", source: "old list", wording: WORDING });
    expect(undated.status).toBe(409);
    expect((await (await get(readKey, "+14165550100")).json()).records.every((r: { status: string }) => r.status === "OPTED_OUT")).toBe(true);

    const renewed = await post(writeKey, { contact: "+14165550100", channel: "SMS", source: "new form", givenAt: new Date().toISOString(), wording: WORDING });
    expect(renewed.status).toBe(200);
    expect(await renewed.json()).toMatchObject({ records: [{ channel: "SMS", status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN" }] });
  });

  it("DELETE of a contact never recorded still records the opt-out; a channel that does not fit is 400", async () => {
    const response = await del(writeKey, "never@recorded.example");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ withdrawn: ["EMAIL"], records: [{ channel: "EMAIL", status: "OPTED_OUT" }] });
    const mismatch = await del(writeKey, "+14165550100", "?channel=EMAIL");
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).issues[0]).toMatchObject({ path: "channel" });
    expect((await del(writeKey, "nobody")).status).toBe(400);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/api/v1/consent"])).toEqual(["post"]);
    expect(Object.keys(doc.paths["/api/v1/consent/{contact}"]).sort()).toEqual(["delete", "get"]);
  });
});
