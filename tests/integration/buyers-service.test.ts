import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { listBuyers } from "@/lib/buyers/query";
import { parseBuyerQuery } from "@/lib/buyers/query-params";
import { BuyerInput } from "@/lib/buyers/schema";
import { buyersInSegment, deleteSegment, listSegments, saveSegment } from "@/lib/buyers/segments";
import { buyerDedupeKeys, buyerTimeZone, createBuyer, deleteBuyer, getBuyer, updateBuyer } from "@/lib/buyers/service";
import { getBuyerTimeline } from "@/lib/buyers/timeline";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
const actor = { actorId: null, actorEmail: "test@buyers.test", requestId: "req-buyers" };
const input = (raw: Record<string, unknown>) => BuyerInput.parse(raw);

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  const a = await provisionTenant(database.prisma, { slug: "buyers-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("o@ba.test"));
  const b = await provisionTenant(database.prisma, { slug: "buyers-b", name: "B", timeZone: "America/Toronto", country: "CA" }, owner("o@bb.test"));
  db = scopeToTenant(database.prisma, a.id);
  other = scopeToTenant(database.prisma, b.id);
});
afterAll(() => database.close());

describe("buyer service", () => {
  it("creates a buyer with its buy box, derives its time zone and audits it", async () => {
    const buyer = await createBuyer(db, input({ name: "Jane Cash", phones: "(713) 555-0100", emails: "Jane@Cash.test", markets: "TX:Houston, TX:Katy", postalCodes: "77002", priceMin: "$100k", priceMax: "250000", propertyTypes: ["SFR"] }), actor);
    expect(buyer).toMatchObject({ phones: ["+17135550100"], emails: ["jane@cash.test"], markets: ["TX:Houston", "TX:Katy"], priceMin: 100_000, priceMax: 250_000, timeZone: "America/Chicago", status: "ACTIVE", rehabAppetite: "ANY" });
    const audit = await db.auditEvent.findFirst({ where: { action: "buyer.created", entityId: buyer.id } });
    expect(audit).not.toBeNull();
  });

  it("judges the zone from the first market, else the postal codes", () => {
    expect(buyerTimeZone({ markets: ["ON:Toronto"] })).toBe("America/Toronto");
    expect(buyerTimeZone({ markets: ["AZ:Phoenix"] })).toBe("America/Phoenix");
    expect(buyerTimeZone({ markets: [], postalCodes: ["90210"] })).toBe("America/Los_Angeles");
    expect(buyerTimeZone({ markets: [], postalCodes: [] })).toBeNull();
  });

  it("refuses a phone or email already on a live buyer of the workspace, naming the field", async () => {
    await expect(createBuyer(db, input({ name: "Copy", phones: "+1 713 555 0100" }), actor)).rejects.toMatchObject({ code: "conflict", field: "phones", message: "+17135550100 is already on buyer Jane Cash" });
    await expect(createBuyer(db, input({ name: "Copy", emails: "JANE@cash.test" }), actor)).rejects.toMatchObject({ code: "conflict", field: "emails" });
    // Another workspace may hold the same person.
    await expect(createBuyer(other, input({ name: "Jane in B", phones: "+17135550100" }), actor)).resolves.toMatchObject({ name: "Jane in B" });
    expect(buyerDedupeKeys({ phones: ["+17135550100", "+17135550100"], emails: ["A@B.test"] })).toEqual({ phones: ["+17135550100"], emails: ["a@b.test"] });
  });

  it("patches only what is given, re-derives the zone, and refuses a range that is not one", async () => {
    const buyer = await createBuyer(db, input({ name: "Patchy", markets: "TX:Dallas", priceMin: 50_000 }), actor);
    const { buyer: edited, changed } = await updateBuyer(db, buyer.id, { markets: ["ON:Ottawa"], notes: "likes duplexes" }, actor);
    expect(changed.sort()).toEqual(["markets", "notes"]);
    expect(edited).toMatchObject({ markets: ["ON:Ottawa"], notes: "likes duplexes", priceMin: 50_000, timeZone: "America/Toronto" });
    await expect(updateBuyer(db, buyer.id, { priceMax: 10_000 }, actor)).rejects.toMatchObject({ code: "invalid", field: "priceMin" });
    expect((await updateBuyer(db, buyer.id, { priceMin: null }, actor)).buyer.priceMin).toBeNull();
    await expect(updateBuyer(db, buyer.id, { emails: ["jane@cash.test"] }, actor)).rejects.toMatchObject({ code: "conflict", field: "emails" });
    expect(await db.auditEvent.count({ where: { action: "buyer.edited", entityId: buyer.id } })).toBe(2);
  });

  it("soft-deletes: the buyer is gone from reads and lists, and its phone is free again", async () => {
    const buyer = await createBuyer(db, input({ name: "Gone Soon", phones: "+14155550199" }), actor);
    await deleteBuyer(db, buyer.id, actor);
    await expect(getBuyer(db, buyer.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listBuyers(db, parseBuyerQuery({ q: "Gone Soon" }))).total).toBe(0);
    await expect(createBuyer(db, input({ name: "Came Back", phones: "+14155550199" }), actor)).resolves.toBeTruthy();
    await expect(updateBuyer(db, buyer.id, { name: "x" }, actor)).rejects.toMatchObject({ code: "not_found" });
  });

  it("hides another workspace's buyer", async () => {
    const theirs = await createBuyer(other, input({ name: "Theirs" }), actor);
    await expect(getBuyer(db, theirs.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteBuyer(db, theirs.id, actor)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("buyer list and segments", () => {
  let seeded: TenantDb;
  beforeAll(async () => {
    const t = await provisionTenant(database.prisma, { slug: "buyers-list", name: "L", timeZone: "America/Chicago", country: "US" }, [{ email: "o@bl.test", name: "o", password: "a-long-password-1", role: "owner" }]);
    seeded = scopeToTenant(database.prisma, t.id);
    const rows = [
      { name: "Alpha Homes", company: "Alpha LLC", markets: "TX:Houston", propertyTypes: ["SFR"], strategies: ["FLIP"], tags: "cash", proofOfFundsAmount: 500_000 },
      { name: "Bravo Capital", markets: "TX:Dallas", propertyTypes: ["MULTI"], strategies: ["RENTAL"], status: "INACTIVE", proofOfFundsAmount: 2_000_000 },
      { name: "Charlie Buys", company: "Charlie Co", postalCodes: "77002", propertyTypes: ["SFR", "CONDO"], strategies: ["FLIP", "RENTAL"], emails: "charlie@buys.test" },
      { name: "Delta Flips", markets: "TX:Houston", strategies: ["WHOLESALE"], tags: "cash, quick" },
    ];
    for (const row of rows) await createBuyer(seeded, input(row), actor);
  });

  const names = async (raw: Record<string, string>) => (await listBuyers(seeded, parseBuyerQuery(raw))).rows.map((r) => r.name);

  it("filters by market, postal code, type, strategy, tag, status and search", async () => {
    expect(await names({ market: "tx:Houston", sort: "name", dir: "asc" })).toEqual(["Alpha Homes", "Delta Flips"]);
    expect(await names({ postalCode: "77002" })).toEqual(["Charlie Buys"]);
    expect(await names({ propertyType: "SFR", strategy: "RENTAL" })).toEqual(["Charlie Buys"]);
    expect(await names({ tag: "cash", sort: "name", dir: "asc" })).toEqual(["Alpha Homes", "Delta Flips"]);
    expect(await names({ status: "INACTIVE" })).toEqual(["Bravo Capital"]);
    expect(await names({ q: "charlie co" })).toEqual(["Charlie Buys"]);
    expect(await names({ q: "CHARLIE@buys.test" })).toEqual(["Charlie Buys"]);
  });

  it("sorts with empty values last and pages without overlap", async () => {
    expect(await names({ sort: "proofOfFunds", dir: "desc" })).toEqual(["Bravo Capital", "Alpha Homes", expect.any(String), expect.any(String)]);
    expect((await names({ sort: "company", dir: "asc" })).slice(0, 2)).toEqual(["Alpha Homes", "Charlie Buys"]);
    const first = await listBuyers(seeded, parseBuyerQuery({ sort: "name", dir: "asc", pageSize: "10" }));
    expect(first.total).toBe(4);
    expect(first.nextCursor).toBeNull();
    const byTwo = { sort: "name" as const, dir: "asc" as const, pageSize: 10 };
    const all = await listBuyers(seeded, { ...parseBuyerQuery({}), ...byTwo });
    expect(all.rows.map((r) => r.name)).toEqual(["Alpha Homes", "Bravo Capital", "Charlie Buys", "Delta Flips"]);
    const page1 = await listBuyers(seeded, { ...parseBuyerQuery({}), sort: "name", dir: "asc", pageSize: 10, page: 1 });
    expect(page1.page).toBe(1);
  });

  it("pages by cursor", async () => {
    const base = parseBuyerQuery({ sort: "name", dir: "asc" });
    // A page of one: a small pageSize is below the schema's minimum, so build it directly.
    const first = await listBuyers(seeded, { ...base, pageSize: 2 as number });
    expect(first.rows.map((r) => r.name)).toEqual(["Alpha Homes", "Bravo Capital"]);
    const second = await listBuyers(seeded, { ...base, pageSize: 2, after: first.nextCursor! });
    expect(second.rows.map((r) => r.name)).toEqual(["Charlie Buys", "Delta Flips"]);
    expect(second.nextCursor).toBeNull();
  });

  it("sorts by intent, ties broken by id in the sort direction, across cursor pages", async () => {
    const scores: Record<string, number> = { "Alpha Homes": 40, "Bravo Capital": 80, "Charlie Buys": 40, "Delta Flips": 0 };
    for (const [name, intentScore] of Object.entries(scores)) await database.prisma.buyer.updateMany({ where: { tenantId: seeded.tenantId, name }, data: { intentScore } });
    const rows = (await listBuyers(seeded, parseBuyerQuery({ sort: "intentScore", dir: "desc" }))).rows;
    const expected = [...rows].sort((a, b) => b.intentScore - a.intentScore || (a.id < b.id ? 1 : -1));
    expect(rows.map((r) => r.intentScore)).toEqual([80, 40, 40, 0]);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const asc = await listBuyers(seeded, parseBuyerQuery({ sort: "intentScore", dir: "asc" }));
    expect(asc.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse());
    const base = parseBuyerQuery({ sort: "intentScore", dir: "desc" });
    const first = await listBuyers(seeded, { ...base, pageSize: 2 as number });
    const second = await listBuyers(seeded, { ...base, pageSize: 2, after: first.nextCursor! });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it("saves a segment and lists the buyers it selects today", async () => {
    const segment = await saveSegment(seeded, "Houston", parseBuyerQuery({ market: "TX:Houston", page: "3" }));
    expect(segment.query).toBe("market=TX%3AHouston");
    expect((await listSegments(seeded)).map((s) => s.name)).toEqual(["Houston"]);
    expect(await buyersInSegment(seeded, segment.id)).toHaveLength(2);
    const delta = (await listBuyers(seeded, parseBuyerQuery({ q: "Delta" }))).rows[0];
    await deleteBuyer(seeded, delta.id, actor);
    expect(await buyersInSegment(seeded, segment.id)).toHaveLength(1);
    await expect(buyersInSegment(db, segment.id)).rejects.toMatchObject({ code: "not_found" });
    // Another workspace cannot delete it: as missing as a segment that never existed.
    await expect(deleteSegment(db, segment.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listSegments(seeded)).toHaveLength(1);
    await deleteSegment(seeded, segment.id);
    expect(await listSegments(seeded)).toEqual([]);
    await expect(deleteSegment(seeded, segment.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveSegment(seeded, "  ", "")).rejects.toMatchObject({ field: "name" });
  });
});

describe("buyer timeline", () => {
  it("merges feedback, blasts and offers newest first with the deal's address, and is empty for a new buyer", async () => {
    const buyer = await createBuyer(db, input({ name: "Timeline Tess" }), actor);
    expect(await getBuyerTimeline(db, buyer.id)).toEqual([]);
    const deal = await db.deal.create({ data: { source: "MANUAL", addressKey: "tl-1", raw: {}, street: "1 Main St", city: "Houston", region: "TX", postalCode: "77002" } });
    const blast = await db.blast.create({ data: { dealId: deal.id, channels: ["SMS"], createdAt: new Date("2026-01-01T10:00:00Z") } });
    await db.blastRecipient.create({ data: { blastId: blast.id, buyerId: buyer.id, channel: "SMS", state: "SENT", createdAt: new Date("2026-01-01T10:00:00Z") } });
    await db.buyerFeedbackEvent.create({ data: { buyerId: buyer.id, dealId: deal.id, kind: "VIEWED", occurredAt: new Date("2026-01-02T10:00:00Z") } });
    await db.buyerOffer.create({ data: { dealId: deal.id, buyerId: buyer.id, amount: 120_000, createdAt: new Date("2026-01-03T10:00:00Z") } });
    const timeline = await getBuyerTimeline(db, buyer.id);
    expect(timeline.map((e) => e.kind)).toEqual(["offer", "feedback", "blast"]);
    expect(timeline[0].dealAddress).toBe("1 Main St, Houston, TX 77002");
  });
});
