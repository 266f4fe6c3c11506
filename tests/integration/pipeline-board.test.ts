import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { changeDealStatus, assignDealOwner } from "@/lib/deals/workflow";
import { DEAL_STATUSES } from "@/lib/intake/schema";
import { seedMarketPolicies } from "@/lib/policy";
import { addDealsToDoNotContact, BulkDoNotContactInput, startLaddersForDeals } from "@/lib/prospects/bulk-actions";
import { prospectsCsvStream, PROSPECT_CSV_COLUMNS } from "@/lib/prospects/export";
import { listPipeline, type PipelineColumn } from "@/lib/prospects/pipeline";
import { ProspectQuery } from "@/lib/prospects/query";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
let ownerId = "";
const ctx = () => ({ actorId: ownerId, actorEmail: "owner@board.test", requestId: "req-board" });

/** 28 deals, four per status, with spreads that make each column's sum distinct; two are owned, one is deleted. */
const deals = DEAL_STATUSES.flatMap((status, s) =>
  [0, 1, 2, 3].map((i) => ({
    id: `deal-${status}-${i}`,
    status,
    source: "CSV" as const,
    addressKey: `key-${status}-${i}`,
    street: `${s * 10 + i} Main St`,
    region: i % 2 === 0 ? "TX" : "FL",
    market: i % 2 === 0 ? "Dallas" : "Tampa",
    spread: i === 3 ? null : (s + 1) * 1_000 + i * 100 - (i === 2 ? 50_000 : 0),
    score: 10 * i,
    contactPhone: i === 0 ? `+1512555${String(s).padStart(4, "0")}` : null,
    contactEmail: i === 1 ? `lead-${s}@example.com` : null,
    createdAt: new Date(Date.UTC(2026, 2, 1 + s, 12, i)),
    raw: {},
  })),
);
const live = deals.filter((d) => d.id !== "deal-NEGOTIATING-0");

const q = (input: Record<string, unknown> = {}) => ProspectQuery.parse(input);
const column = (board: PipelineColumn[], status: string) => board.find((c) => c.status === status)!;
const expectedSum = (keep: (d: (typeof deals)[number]) => boolean) => live.filter(keep).reduce((sum, d) => sum + (d.spread ?? 0), 0);

beforeAll(async () => {
  database = await createTestDatabase();
  const a = await database.prisma.tenant.create({ data: { slug: "board-a", name: "Board A", timeZone: "America/Chicago" } });
  const b = await database.prisma.tenant.create({ data: { slug: "board-b", name: "Board B", timeZone: "America/Chicago" } });
  db = scopeToTenant(database.prisma, a.id);
  other = scopeToTenant(database.prisma, b.id);
  const owner = await database.prisma.user.create({ data: { email: "owner@board.test", name: "Olive Owner", passwordHash: "x" } });
  await database.prisma.membership.create({ data: { tenantId: a.id, userId: owner.id, role: "owner" } });
  ownerId = owner.id;
  await database.prisma.deal.createMany({
    data: deals.map((d) => ({ ...d, tenantId: a.id, ownerId: d.id.endsWith("-1") && d.status === "NEW" ? owner.id : null })),
  });
  await database.prisma.deal.update({ where: { id: "deal-NEGOTIATING-0" }, data: { deletedAt: new Date() } });
  // The other workspace's deals match every filter and must never count.
  await database.prisma.deal.createMany({ data: deals.map((d) => ({ ...d, id: `other-${d.id}`, tenantId: b.id })) });
  await seedMarketPolicies(db, null);
});
afterAll(() => database.close());

describe("listPipeline", () => {
  it("has one column per status, in pipeline order, with its count and spread sum", async () => {
    const board = await listPipeline(db, q());
    expect(board.map((c) => c.status)).toEqual([...DEAL_STATUSES]);
    for (const status of DEAL_STATUSES) {
      const col = column(board, status);
      expect(col.count, status).toBe(live.filter((d) => d.status === status).length);
      expect(col.totalSpread, status).toBe(expectedSum((d) => d.status === status));
      expect(col.cards.map((c) => c.id).sort()).toEqual(live.filter((d) => d.status === status).map((d) => d.id).sort());
    }
  });

  it("leaves out deleted deals from counts, sums and cards", async () => {
    const negotiating = column(await listPipeline(db, q()), "NEGOTIATING");
    expect(negotiating.count).toBe(3);
    expect(negotiating.cards.some((c) => c.id === "deal-NEGOTIATING-0")).toBe(false);
    expect(negotiating.totalSpread).toBe(expectedSum((d) => d.status === "NEGOTIATING"));
  });

  it("applies the prospects filters: region, spread range, owner and a status list", async () => {
    const texas = await listPipeline(db, q({ region: "tx" }));
    expect(column(texas, "CLOSED").count).toBe(2);
    expect(column(texas, "CLOSED").totalSpread).toBe(expectedSum((d) => d.status === "CLOSED" && d.region === "TX"));

    const positive = await listPipeline(db, q({ spreadMin: 0 }));
    expect(positive.reduce((n, c) => n + c.count, 0)).toBe(live.filter((d) => d.spread !== null && d.spread >= 0).length);

    const owned = await listPipeline(db, q({ owner: ownerId }));
    expect(owned.map((c) => c.count)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    const unowned = await listPipeline(db, q({ owner: "none" }));
    expect(unowned.reduce((n, c) => n + c.count, 0)).toBe(live.length - 1);

    const open = await listPipeline(db, q({ status: "NEW,DEAD" }));
    expect(open.map((c) => c.count)).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(column(open, "CONTACTED").cards).toEqual([]);
  });

  it("reads only the first cards of a column, in the table's sort, while counting them all", async () => {
    const board = await listPipeline(db, q({ sort: "score", dir: "desc" }), { cardsPerColumn: 2 });
    const contacted = column(board, "CONTACTED");
    expect(contacted.count).toBe(4);
    expect(contacted.cards.map((c) => c.score)).toEqual([30, 20]);
  });

  it("follows a status change made through the workflow", async () => {
    const result = await changeDealStatus(db, ctx(), { dealIds: ["deal-NEW-0", "deal-CLOSED-0"], to: "UNDERWRITTEN" });
    expect(result.changed).toEqual(["deal-NEW-0"]);
    expect(result.refused).toEqual([{ dealId: "deal-CLOSED-0", reason: expect.stringMatching(/cannot move from Closed/) }]);
    const board = await listPipeline(db, q());
    expect(column(board, "NEW").count).toBe(3);
    expect(column(board, "UNDERWRITTEN").count).toBe(5);
    expect(column(board, "UNDERWRITTEN").totalSpread).toBe(expectedSum((d) => d.status === "UNDERWRITTEN" || d.id === "deal-NEW-0"));
  });
});

describe("bulk actions", () => {
  it("assigns an owner and reports deals already owned, deleted or unknown as refused", async () => {
    const result = await assignDealOwner(db, ctx(), { dealIds: ["deal-NEW-1", "deal-NEW-2", "deal-NEGOTIATING-0", "other-deal-NEW-2"], ownerId });
    expect(result.changed).toEqual(["deal-NEW-2"]);
    expect(result.refused.map((r) => r.dealId).sort()).toEqual(["deal-NEGOTIATING-0", "deal-NEW-1", "other-deal-NEW-2"]);
  });

  it("starts ladders and refuses a deal whose ladder runs, a deleted one and another workspace's", async () => {
    const first = await startLaddersForDeals(db, ctx(), { dealIds: ["deal-CONTACTED-0", "deal-CONTACTED-1"] });
    expect(first.changed.sort()).toEqual(["deal-CONTACTED-0", "deal-CONTACTED-1"]);
    expect(first.refused).toEqual([]);
    const second = await startLaddersForDeals(db, ctx(), { dealIds: ["deal-CONTACTED-0", "deal-CONTACTED-2", "deal-NEGOTIATING-0", "other-deal-NEW-0"] });
    expect(second.changed).toEqual(["deal-CONTACTED-2"]);
    expect(second.refused).toEqual(
      expect.arrayContaining([
        { dealId: "deal-CONTACTED-0", reason: "A ladder is already running" },
        { dealId: "deal-NEGOTIATING-0", reason: "No such deal" },
        { dealId: "other-deal-NEW-0", reason: "No such deal" },
      ]),
    );
    expect(await db.followUpLadder.count({ where: { status: "ACTIVE" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "ladder.started" } })).toBe(3);
  });

  it("lists contacts as do-not-contact and says why the others were refused", async () => {
    const input = BulkDoNotContactInput.parse({ dealIds: ["deal-DEAD-0", "deal-DEAD-1", "deal-DEAD-2"], reason: "Asked us to stop" });
    const result = await addDealsToDoNotContact(db, ctx(), input);
    expect(result.changed.sort()).toEqual(["deal-DEAD-0", "deal-DEAD-1"]);
    expect(result.refused).toEqual([{ dealId: "deal-DEAD-2", reason: "No phone or email to list" }]);
    expect((await db.doNotContact.findMany({ orderBy: { value: "asc" } })).map((r) => r.value)).toEqual(["+15125550006", "lead-6@example.com"]);
    const again = await addDealsToDoNotContact(db, ctx(), { ...input, dealIds: ["deal-DEAD-0"] });
    expect(again.changed).toEqual([]);
    expect(again.refused[0].reason).toMatch(/already on the do-not-contact list/);
    expect(await other.doNotContact.count()).toBe(0);
  });

  it("refuses a bulk do-not-contact without a reason", () => {
    expect(BulkDoNotContactInput.safeParse({ dealIds: ["deal-DEAD-0"], reason: " " }).success).toBe(false);
  });
});

describe("prospectsCsvStream", () => {
  it("exports the selected live deals of this workspace with their owner by name", async () => {
    const stream = await prospectsCsvStream(db, { ids: ["deal-NEW-1", "deal-CLOSED-2", "deal-NEGOTIATING-0", "other-deal-NEW-3"] }, { batchSize: 1 });
    const lines = (await new Response(stream).text()).trim().split("\r\n");
    expect(lines[0]).toBe(PROSPECT_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(3);
    const byId = Object.fromEntries(lines.slice(1).map((line) => [line.split(",")[0], line.split(",")]));
    const col = (name: (typeof PROSPECT_CSV_COLUMNS)[number]) => PROSPECT_CSV_COLUMNS.indexOf(name);
    expect(byId["deal-NEW-1"][col("owner")]).toBe("Olive Owner");
    expect(byId["deal-NEW-1"][col("contact_email")]).toBe("lead-0@example.com");
    // A negative number would start with "-": the CSV helper neutralises it against formula injection.
    expect(byId["deal-CLOSED-2"][col("spread")]).toBe("'-43800");
    expect(byId["deal-CLOSED-2"][col("status")]).toBe("CLOSED");
  });
});
