import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { enrichPerson } from "@/lib/enrichment/service";
import { consentsOfLead } from "@/lib/outbound/consent-api";
import { batchDataSkipTracer, localSkipTracer, refusingSkipTracer, skipTracerFor, type SkipTraceResult, type SkipTracer } from "@/lib/providers/skiptrace";
import { saveIntentSettings } from "@/lib/signals/settings";
import { DEFAULT_INTENT_CONFIG } from "@/lib/signals/settings-schema";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let streetNumber = 100;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "enrich-a", name: "A", timeZone: "America/Chicago", country: "US" }, [{ email: "o@enrich.test", name: "O", password: "a-long-password-1", role: "owner" }]);
  db = scopeToTenant(database.prisma, tenant.id);
});
afterAll(() => database.close());

async function makeDeal(fields: { contactName?: string | null; contactPhone?: string | null; contactEmail?: string | null; raw?: object; street?: string; deletedAt?: Date }) {
  const street = fields.street ?? `${streetNumber++} Maple St`;
  return db.deal.create({
    data: {
      source: "CSV", street, city: "Austin", region: "TX", postalCode: "78701", addressKey: `${street.toUpperCase()}||AUSTIN|TX|78701`,
      contactName: fields.contactName ?? null, contactPhone: fields.contactPhone ?? null, contactEmail: fields.contactEmail ?? null,
      raw: fields.raw ?? {}, deletedAt: fields.deletedAt ?? null,
    },
  });
}

/** A tracer that finds what it is given and counts its lookups. */
function fakeTracer(costCents: number, result: SkipTraceResult = { phones: [], emails: [] }): SkipTracer & { calls: number } {
  const tracer = { name: "fake", costCents, calls: 0, async lookup() { tracer.calls++; return result; } };
  return tracer;
}

const callsOf = (dealId: string) => db.enrichmentCall.findMany({ where: { dealId }, orderBy: { createdAt: "asc" } });

describe("enrichPerson", () => {
  it("makes no call for a person who has a phone and an email", async () => {
    const deal = await makeDeal({ contactName: "Full Contact", contactPhone: "+15125550101", contactEmail: "full@example.test" });
    const tracer = fakeTracer(20);
    const outcome = await enrichPerson(db, { kind: "lead", dealId: deal.id }, { tracer });
    expect(outcome).toMatchObject({ status: "NOT_NEEDED", provider: null, spentCents: 0 });
    expect(tracer.calls).toBe(0);
    expect(await callsOf(deal.id)).toHaveLength(0);
  });

  it("finds a lead's phone and email in the workspace's own records, fills the empty fields, audits, gives no consent", async () => {
    const lead = await makeDeal({ contactName: "Jane O'Brien" });
    const sameOwner = await makeDeal({ contactName: "JANE OBRIEN", contactPhone: "+15125550142" });
    await makeDeal({ contactName: "Jane O'Brien", contactEmail: "deleted@example.test", deletedAt: new Date() });
    await makeDeal({ contactName: "John O'Brien", contactEmail: "john@example.test" });
    await db.buyer.create({ data: { name: "Jane O’Brien", emails: ["jane@example.test"], phones: ["+15125550199"] } });

    const outcome = await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer: localSkipTracer(db), actor: { actorId: null, actorEmail: "va@enrich.test", requestId: "req-1" } });
    expect(outcome).toMatchObject({ status: "FOUND", provider: "local", spentCents: 0, filled: { phone: "+15125550142", email: "jane@example.test" } });
    expect(outcome.detail).toContain(`deal ${sameOwner.street}, Austin (same owner name)`);
    expect(outcome.detail).toContain("no consent");

    const after = await db.deal.findUniqueOrThrow({ where: { id: lead.id } });
    expect([after.contactPhone, after.contactEmail]).toEqual(["+15125550142", "jane@example.test"]);
    const [call] = await callsOf(lead.id);
    expect(call).toMatchObject({ provider: "local", status: "FOUND", costCents: 0 });
    expect(JSON.stringify(call.found)).not.toContain("deleted@example.test");
    const audit = await db.auditEvent.findFirst({ where: { action: "enrichment.lookup", entityId: lead.id } });
    // The line is sealed (a person's data, crypto-shredded on erasure): its presence is what this checks.
    expect(audit).toMatchObject({ entity: "Deal", requestId: "req-1" });
    expect(await consentsOfLead(db, { phone: after.contactPhone, email: after.contactEmail })).toEqual([]);
  });

  it("matches the owner's mailing address to another deal", async () => {
    const home = await makeDeal({ street: "9 Oak Street", contactName: "Somebody Else", contactEmail: "owner@example.test" });
    await db.deal.update({ where: { id: home.id }, data: { addressKey: (await import("@/lib/geo")).normalizeAddress({ street: "9 Oak St", city: "Austin", region: "TX", postalCode: "78701" }).addressKey } });
    const lead = await makeDeal({ contactName: "Sam", contactPhone: "+15125550177", raw: { "Mailing Address": "9 Oak St.", "Mailing City": "Austin", "Mailing State": "TX", "Mailing Zip": "78701" } });
    const outcome = await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer: localSkipTracer(db) });
    expect(outcome).toMatchObject({ status: "FOUND", filled: { email: "owner@example.test" } });
    expect(outcome.detail).toContain("the owner's mailing address");
  });

  it("never overwrites a field that has a value", async () => {
    const lead = await makeDeal({ contactName: "Has Phone", contactPhone: "+15125550111" });
    const tracer = fakeTracer(0, { phones: [{ value: "+15125550222", source: "fake" }], emails: [{ value: "found@example.test", source: "fake" }] });
    const outcome = await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer });
    expect(outcome.filled).toEqual({ email: "found@example.test" });
    expect((await db.deal.findUniqueOrThrow({ where: { id: lead.id } })).contactPhone).toBe("+15125550111");
  });

  it("appends to a buyer's phones and emails without duplicates", async () => {
    const buyer = await db.buyer.create({ data: { name: "Cash Buyer", phones: ["+15125550300"] } });
    const tracer = fakeTracer(0, { phones: [{ value: "+15125550300", source: "fake" }, { value: "+15125550301", source: "fake" }], emails: [{ value: "cash@example.test", source: "fake" }] });
    const outcome = await enrichPerson(db, { kind: "buyer", buyerId: buyer.id }, { tracer });
    expect(outcome).toMatchObject({ status: "FOUND", filled: { phone: "+15125550301", email: "cash@example.test" } });
    const after = await db.buyer.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(after.phones).toEqual(["+15125550300", "+15125550301"]);
    expect(after.emails).toEqual(["cash@example.test"]);
    expect(await db.auditEvent.count({ where: { action: "enrichment.lookup", entity: "Buyer", entityId: buyer.id } })).toBe(1);
  });

  it("does not make a call that would pass the 50-cent cap, and records it", async () => {
    const lead = await makeDeal({ contactName: "Budget Person" });
    const tracer = fakeTracer(20);
    const now = new Date("2026-12-10T12:00:00Z");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer, now })).status);
    expect(statuses).toEqual(["NOT_FOUND", "NOT_FOUND", "OVER_BUDGET"]);
    expect(tracer.calls).toBe(2);
    const calls = await callsOf(lead.id);
    expect(calls.map((c) => [c.status, c.costCents])).toEqual([["NOT_FOUND", 20], ["NOT_FOUND", 20], ["OVER_BUDGET", 0]]);
    const refused = await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer, now });
    expect(refused).toMatchObject({ status: "OVER_BUDGET", monthSpentCents: 40, capCents: 50 });
    expect(refused.detail).toBe("A fake lookup costs $0.20 and $0.40 of this person's $0.50 for 2026-12 is spent: not made.");
    // Refusals are audited too: two, one per refused lookup.
    expect(await db.auditEvent.count({ where: { action: "enrichment.refused", entityId: lead.id } })).toBe(2);
  });

  it("allows a call landing exactly on the cap, and starts again in the next UTC month", async () => {
    const lead = await makeDeal({ contactName: "Exact Person" });
    const tracer = fakeTracer(25);
    const december = new Date("2026-12-31T23:59:00Z");
    expect((await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer, now: december })).monthSpentCents).toBe(25);
    expect((await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer, now: december })).monthSpentCents).toBe(50);
    expect((await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer, now: december })).status).toBe("OVER_BUDGET");
    const january = await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer, now: new Date("2027-01-01T00:00:00Z") });
    expect(january).toMatchObject({ status: "NOT_FOUND", spentCents: 25, monthSpentCents: 25 });
    expect(tracer.calls).toBe(3);
  });

  it("lets only one of two simultaneous lookups spend what is left", async () => {
    const lead = await makeDeal({ contactName: "Race Person" });
    const tracer = fakeTracer(30);
    const results = await Promise.allSettled([0, 1].map(() => enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer })));
    // PostgreSQL may abort one of the two serializable reservations instead of refusing it.
    const statuses = results.map((r) => (r.status === "fulfilled" ? r.value.status : "ABORTED")).sort();
    expect(statuses).toContain("NOT_FOUND");
    expect(statuses.filter((s) => s !== "NOT_FOUND")).toEqual([expect.stringMatching(/^(OVER_BUDGET|ABORTED)$/)]);
    expect(tracer.calls).toBe(1);
    const spent = (await callsOf(lead.id)).reduce((sum, c) => sum + c.costCents, 0);
    expect(spent).toBe(30);
  });

  it("follows the workspace's cap setting", async () => {
    const other = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "enrich-b", name: "B", timeZone: "America/Chicago", country: "US" }, [{ email: "o@enrichb.test", name: "O", password: "a-long-password-1", role: "owner" }])).id);
    await saveIntentSettings(other, { ...DEFAULT_INTENT_CONFIG, enrichmentMonthlyCapCents: 10 }, { actorId: null, actorEmail: "o@enrichb.test", requestId: undefined });
    const lead = await other.deal.create({ data: { source: "CSV", addressKey: "1 X", raw: {}, contactName: "Capped" } });
    const outcome = await enrichPerson(other, { kind: "lead", dealId: lead.id }, { tracer: fakeTracer(20) });
    expect(outcome).toMatchObject({ status: "OVER_BUDGET", capCents: 10 });
  });

  it("writes the ERROR row and its audit line, and nothing else, when the provider fails", async () => {
    const lead = await makeDeal({ contactName: "Error Person" });
    const auditsBefore = await db.auditEvent.count();
    const outcome = await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer: { ...refusingSkipTracer, costCents: 20 } });
    expect(outcome.status).toBe("ERROR");
    expect(outcome.detail).toContain("laboratory runs never call a provider");
    const calls = await callsOf(lead.id);
    expect(calls.map((c) => [c.status, c.costCents, c.found])).toEqual([["ERROR", 0, null]]);
    expect(calls[0].error).toContain("never call a provider");
    expect(await db.auditEvent.count()).toBe(auditsBefore + 1);
    expect(await db.auditEvent.findFirst({ where: { action: "enrichment.failed", entityId: lead.id } })).not.toBeNull();
    const after = await db.deal.findUniqueOrThrow({ where: { id: lead.id } });
    expect([after.contactPhone, after.contactEmail]).toEqual([null, null]);
  });
});

describe("the BatchData skip tracer", () => {
  let server: Server;
  let baseUrl: string;
  const requests: { auth: string | undefined; path: string | undefined; body: unknown }[] = [];
  let reply: { status: number; body: unknown; delayMs?: number } = { status: 200, body: {} };

  const read = (req: IncomingMessage) => new Promise<string>((resolve) => { let data = ""; req.on("data", (c) => (data += c)); req.on("end", () => resolve(data)); });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      requests.push({ auth: req.headers.authorization, path: req.url, body: JSON.parse(await read(req)) });
      setTimeout(() => { res.writeHead(reply.status, { "content-type": "application/json" }); res.end(JSON.stringify(reply.body)); }, reply.delayMs ?? 0);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

  const query = { subject: { kind: "lead" as const, dealId: "d1" }, name: "Jane Q Doe", propertyAddress: { street: "123 Main St", city: "Austin", state: "TX", zip: "78701" }, mailingAddress: null };

  it("posts the address and name with the key, and reads the persons' phones and emails", async () => {
    reply = {
      status: 200,
      body: {
        status: { code: 200, text: "OK" },
        results: {
          persons: [
            {
              propertyAddress: { street: "123 Main St", city: "Austin", state: "TX", zip: "78701" },
              name: { first: "Jane", last: "Doe", full: "Jane Q Doe" },
              phoneNumbers: [{ number: "5125550142", type: "Mobile", carrier: "T-Mobile", reachable: true, score: 100, dnc: false }, { number: "5125550143", type: "Land Line", dnc: true }],
              emails: [{ email: "JANE.DOE@example.com", tested: true }],
              mailingAddress: { street: "PO Box 1", city: "Austin", state: "TX", zip: "78701" },
              meta: { matched: true },
            },
          ],
          meta: { results: { requestCount: 1, matchCount: 1, noMatchCount: 0, errorCount: 0 } },
        },
      },
    };
    const tracer = batchDataSkipTracer({ apiKey: "bd-key", baseUrl: `${baseUrl}/`, costCents: 20 });
    const found = await tracer.lookup(query);
    expect(requests.at(-1)).toEqual({
      auth: "Bearer bd-key",
      path: "/api/v1/property/skip-trace",
      body: { requests: [{ propertyAddress: { street: "123 Main St", city: "Austin", state: "TX", zip: "78701" }, name: { first: "Jane", last: "Doe" } }] },
    });
    expect(found.phones.map((p) => p.value)).toEqual(["+15125550142", "+15125550143"]);
    expect(found.emails).toEqual([{ value: "jane.doe@example.com", source: "BatchData (Jane Q Doe)" }]);
  });

  it("surfaces the provider's message on a refusal", async () => {
    reply = { status: 401, body: { status: { code: 401, text: "Unauthorized", message: "Invalid API token" } } };
    await expect(batchDataSkipTracer({ apiKey: "bad", baseUrl, costCents: 20 }).lookup(query)).rejects.toThrow("BatchData answered 401: Invalid API token");
  });

  it("gives up after its timeout", async () => {
    reply = { status: 200, body: {}, delayMs: 500 };
    await expect(batchDataSkipTracer({ apiKey: "k", baseUrl, costCents: 20, timeoutMs: 100 }).lookup(query)).rejects.toThrow("did not answer within");
  });

  it("is the workspace's tracer when the key is set, priced from the credentials", async () => {
    const chosen = await skipTracerFor(db, { SKIPTRACE_API_KEY: "k", SKIPTRACE_BASE_URL: baseUrl, SKIPTRACE_COST_CENTS: "35" });
    expect([chosen.name, chosen.costCents]).toEqual(["batchdata", 35]);
    expect((await skipTracerFor(db, {})).name).toBe("local");
  });

  it("records its cost against the budget when enrichment uses it", async () => {
    reply = { status: 200, body: { status: { code: 200 }, results: { persons: [{ phoneNumbers: [{ number: "5125550188" }], emails: [] }] } } };
    const lead = await makeDeal({ contactName: "Paid Lookup" });
    const outcome = await enrichPerson(db, { kind: "lead", dealId: lead.id }, { tracer: batchDataSkipTracer({ apiKey: "k", baseUrl, costCents: 20 }) });
    expect(outcome).toMatchObject({ status: "FOUND", provider: "batchdata", spentCents: 20, filled: { phone: "+15125550188" } });
    expect((await callsOf(lead.id)).map((c) => [c.status, c.costCents])).toEqual([["FOUND", 20]]);
  });
});
