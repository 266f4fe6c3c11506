import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as detailRoute } from "@/app/api/v1/govcon/opportunities/[noticeId]/route";
import { POST as statusRoute } from "@/app/api/v1/govcon/opportunities/[noticeId]/status/route";
import { GET as listRoute } from "@/app/api/v1/govcon/opportunities/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { OpportunityQuery } from "@/lib/govcon/filters";
import { addOpportunityNote, getOpportunityDetail, listOpportunities, setOpportunityStatus } from "@/lib/govcon/opportunities";
import { seedDemoOpportunityWork } from "@/lib/govcon/opportunities-demo";
import { callRoute } from "../helpers/api";
import { twoWorkspacesWithKeys } from "../helpers/api-tenants";
import { createTestDatabase } from "../helpers/db";

const NOW = new Date("2026-03-01T12:00:00Z");
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

let database: Database;
let db: TenantDb;
let other: TenantDb;
let ownerId: string;
let keys: { readKey: string; writeKey: string; otherKey: string };
const actor = () => ({ actorId: ownerId, actorEmail: "owner@opps.test", requestId: "req-opps" });

/** The feed the list tests read: each notice differs in the field a filter or sort looks at. */
const NOTICES = [
  { noticeId: "N-ROOF", title: "Roof replacement, Building 12", solicitationNumber: "W912-26-R-0001", naicsCode: "238160", setAside: "SBA", noticeType: "Solicitation", agency: "DEPT OF DEFENSE", subTier: "DEPT OF THE ARMY", office: "W072 ENDIST FORT WORTH", placeState: "TX", fitScore: 82, responseDeadline: day(5), postedAt: day(-10) },
  { noticeId: "N-HVAC", title: "HVAC maintenance", solicitationNumber: "VA-26-Q-0202", naicsCode: "238220", setAside: "SDVOSBC", noticeType: "Combined Synopsis/Solicitation", agency: "VETERANS AFFAIRS, DEPARTMENT OF", subTier: "VETERANS AFFAIRS", office: "NETWORK CONTRACT OFFICE 10", placeState: "OH", fitScore: 64, responseDeadline: day(20), postedAt: day(-2) },
  { noticeId: "N-JAN", title: "Janitorial services", solicitationNumber: null, naicsCode: "561720", setAside: null, noticeType: "Sources Sought", agency: "GENERAL SERVICES ADMINISTRATION", subTier: "PUBLIC BUILDINGS SERVICE", office: "PBS R7", placeState: "TX", fitScore: 40, responseDeadline: day(-3), postedAt: day(-30) },
  { noticeId: "N-BLDG", title: "New barracks construction", solicitationNumber: "W912-26-R-0099", naicsCode: "236220", setAside: "8A", noticeType: "Presolicitation", agency: "DEPT OF DEFENSE", subTier: "DEPT OF THE NAVY", office: "NAVFAC", placeState: "VA", fitScore: 64, responseDeadline: null, postedAt: day(-1) },
  { noticeId: "N-AWARD", title: "Award: paving", solicitationNumber: "W912-25-C-0007", naicsCode: "237310", setAside: null, noticeType: "Award Notice", agency: "DEPT OF DEFENSE", subTier: "DEPT OF THE ARMY", office: "W072 ENDIST FORT WORTH", placeState: "TX", fitScore: null, responseDeadline: null, postedAt: null },
];

const ids = (rows: { noticeId: string }[]) => rows.map((r) => r.noticeId);
const list = (raw: Record<string, unknown>) => listOpportunities(db, OpportunityQuery.parse(raw), NOW);

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const workspaces = await twoWorkspacesWithKeys(database, "opps", { read: "govcon:read", write: "govcon:write" });
  db = workspaces.db;
  keys = workspaces;
  ownerId = (await db.membership.findFirstOrThrow({ where: { role: "owner" } })).userId;
  other = scopeToTenant(database.prisma, (await database.prisma.tenant.findFirstOrThrow({ where: { slug: "opps-b" } })).id);
  for (const notice of NOTICES) await db.opportunity.create({ data: { ...notice, raw: {} } as never });
  await other.opportunity.create({ data: { noticeId: "N-OTHER", title: "Another workspace's notice", noticeType: "Solicitation", raw: {} } as never });
}, 120_000);
afterAll(() => database.close());

describe("listOpportunities", () => {
  it("sorts by fit, best first, unscored last, ties by id; and pages with the total", async () => {
    const all = await list({});
    expect(all.total).toBe(5);
    expect(all.rows[0].noticeId).toBe("N-ROOF");
    expect(all.rows.at(-1)?.noticeId).toBe("N-AWARD");
    const tied = all.rows.filter((r) => r.fitScore === 64).map((r) => r.id);
    expect(tied).toEqual([...tied].sort().reverse());
    // The smallest page is 10 rows: page 2 of these five is empty, the total still five.
    expect(await list({ pageSize: 10, page: 2 })).toMatchObject({ total: 5, page: 2, pageSize: 10, rows: [] });
  });

  it("sorts by deadline soonest first and by posted newest first, empty dates last either way", async () => {
    expect(ids((await list({ sort: "deadline", dir: "asc" })).rows).slice(0, 3)).toEqual(["N-JAN", "N-ROOF", "N-HVAC"]);
    expect(ids((await list({ sort: "deadline", dir: "desc" })).rows).slice(0, 3)).toEqual(["N-HVAC", "N-ROOF", "N-JAN"]);
    expect(ids((await list({ sort: "posted", dir: "desc" })).rows)).toEqual(["N-BLDG", "N-HVAC", "N-ROOF", "N-JAN", "N-AWARD"]);
  });

  it.each([
    ["q in the title", { q: "hvac" }, ["N-HVAC"]],
    ["q in the solicitation number", { q: "w912-26" }, ["N-ROOF", "N-BLDG"]],
    ["NAICS prefixes", { naics: "2381,561" }, ["N-ROOF", "N-JAN"]],
    ["set-aside", { setAside: "SBA,8A" }, ["N-ROOF", "N-BLDG"]],
    ["notice type", { noticeType: "Sources Sought" }, ["N-JAN"]],
    ["agency words across sub-tier and office", { agency: "army fort worth" }, ["N-ROOF", "N-AWARD"]],
    ["state", { state: "oh" }, ["N-HVAC"]],
    ["deadline within 7 days leaves past deadlines out", { deadlineWithinDays: "7" }, ["N-ROOF"]],
    ["deadline days", { deadlineFrom: "2026-02-20", deadlineTo: "2026-03-06" }, ["N-ROOF", "N-JAN"]],
    ["minimum fit", { fitMin: "64" }, ["N-ROOF", "N-HVAC", "N-BLDG"]],
  ])("filters by %s", async (_name, raw, expected) => {
    const page = await list({ ...raw, sort: "fit" });
    expect(ids(page.rows).sort()).toEqual([...expected].sort());
    expect(page.total).toBe(expected.length);
  });
});

describe("setOpportunityStatus", () => {
  const idOf = async (noticeId: string) => (await db.opportunity.findFirstOrThrow({ where: { noticeId } })).id;

  it("tracking makes the actor the owner, and is audited", async () => {
    const id = await idOf("N-HVAC");
    const result = await setOpportunityStatus(db, { opportunityId: id, status: "TRACKING" }, actor());
    expect(result).toMatchObject({ status: "TRACKING", ownerId, pursuitId: null });
    const audit = await db.auditEvent.findFirst({ where: { entity: "Opportunity", entityId: id, action: "govcon.opportunity_status_changed" } });
    expect(audit?.after).toMatchObject({ status: "TRACKING" });
  });

  it("no-bid needs a reason (422 on reason) and keeps it, with who and when; reopening clears them", async () => {
    const id = await idOf("N-JAN");
    await expect(setOpportunityStatus(db, { opportunityId: id, status: "NO_BID", reason: " " }, actor())).rejects.toMatchObject({ code: "invalid", field: "reason" });
    expect((await db.opportunity.findFirstOrThrow({ where: { id } })).status).toBe("NEW");
    await setOpportunityStatus(db, { opportunityId: id, status: "NO_BID", reason: "Outside the states we staff" }, actor(), NOW);
    expect(await db.opportunity.findFirstOrThrow({ where: { id } })).toMatchObject({ status: "NO_BID", noBidReason: "Outside the states we staff", noBidById: ownerId, noBidAt: NOW });
    expect(ids((await list({ excludeNoBid: "1" })).rows)).not.toContain("N-JAN");
    expect(ids((await list({ status: "NO_BID" })).rows)).toEqual(["N-JAN"]);
    await setOpportunityStatus(db, { opportunityId: id, status: "TRACKING" }, actor());
    expect(await db.opportunity.findFirstOrThrow({ where: { id } })).toMatchObject({ status: "TRACKING", noBidReason: null, noBidById: null, noBidAt: null });
  });

  it("pursuing puts one card on the Pursuits board, however often it is pressed", async () => {
    const id = await idOf("N-ROOF");
    const first = await setOpportunityStatus(db, { opportunityId: id, status: "PURSUING" }, actor());
    const second = await setOpportunityStatus(db, { opportunityId: id, status: "PURSUING" }, actor());
    expect(first.pursuitId).toBeTruthy();
    expect(second.pursuitId).toBe(first.pursuitId);
    expect(await db.pursuit.count({ where: { opportunityId: id } })).toBe(1);
    expect((await getOpportunityDetail(db, "N-ROOF")).pursuit?.id).toBe(first.pursuitId);
  });

  it("another workspace's opportunity is not found", async () => {
    const foreign = await other.opportunity.findFirstOrThrow({ where: { noticeId: "N-OTHER" } });
    await expect(setOpportunityStatus(db, { opportunityId: foreign.id, status: "TRACKING" }, actor())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("notes and the detail", () => {
  it("keeps notes newest first with their author, and the versions newest first", async () => {
    const id = (await db.opportunity.findFirstOrThrow({ where: { noticeId: "N-BLDG" } })).id;
    await addOpportunityNote(db, { opportunityId: id, body: "Walk the site first" }, actor());
    await addOpportunityNote(db, { opportunityId: id, body: "Ask about the bonding" }, actor());
    await db.opportunityVersion.createMany({
      data: [
        { opportunityId: id, version: 2, previous: {}, changes: [{ field: "Response deadline", before: "none", after: "2026-03-20 17:00 UTC" }] },
        { opportunityId: id, version: 3, previous: {}, changes: [{ field: "Title", before: "Barracks", after: "New barracks construction" }] },
      ] as never,
    });
    const detail = await getOpportunityDetail(db, "N-BLDG");
    expect(detail.notes.map((n) => n.body)).toEqual(["Ask about the bonding", "Walk the site first"]);
    expect(detail.notes[0].authorName).toBe("o@oppsa.test");
    expect(detail.versions.map((v) => v.version)).toEqual([3, 2]);
    expect(detail.versions[0].changes[0]).toEqual({ field: "Title", before: "Barracks", after: "New barracks construction" });
    expect(detail).not.toHaveProperty("raw");
  });
});

describe("API v1 opportunities", () => {
  const detail = (noticeId: string) => callRoute(detailRoute, `/api/v1/govcon/opportunities/${noticeId}`, { key: keys.readKey, params: { noticeId } });
  const post = (noticeId: string, body: unknown, key = keys.writeKey) =>
    callRoute(statusRoute, `/api/v1/govcon/opportunities/${noticeId}/status`, { key, method: "POST", body, params: { noticeId } });

  it("lists with the page's filters and paging", async () => {
    const response = await callRoute(listRoute, "/api/v1/govcon/opportunities?setAside=SBA,8A&sort=fit", { key: keys.readKey });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; rows: { noticeId: string }[] };
    expect(body.total).toBe(2);
    expect(ids(body.rows)).toEqual(["N-ROOF", "N-BLDG"]);
    expect((await callRoute(listRoute, "/api/v1/govcon/opportunities?setAside=NOPE", { key: keys.readKey })).status).toBe(400);
  });

  it("answers one notice, 404 for an unknown one and for another workspace's", async () => {
    const ok = await detail("N-HVAC");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ noticeId: "N-HVAC", title: "HVAC maintenance" });
    expect((await detail("N-NONE")).status).toBe(404);
    expect((await detail("N-OTHER")).status).toBe(404);
  });

  it("sets the status with govcon:write; a no-bid without a reason is 422 naming reason", async () => {
    expect((await post("N-AWARD", { status: "TRACKING" }, keys.readKey)).status).toBe(403);
    const bad = await post("N-AWARD", { status: "NO_BID" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0].path).toBe("reason");
    const ok = await post("N-AWARD", { status: "NO_BID", reason: "Already awarded" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "NO_BID" });
    expect((await post("N-OTHER", { status: "TRACKING" }, keys.writeKey)).status).toBe(404);
    expect((await other.opportunity.findFirstOrThrow({ where: { noticeId: "N-OTHER" } })).status).toBe("NEW");
  });

  it("is in the OpenAPI document", () => {
    const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths["/api/v1/govcon/opportunities"]?.get).toBeDefined();
    expect(doc.paths["/api/v1/govcon/opportunities/{noticeId}"]?.get).toBeDefined();
    expect(doc.paths["/api/v1/govcon/opportunities/{noticeId}/status"]?.post).toBeDefined();
  });
});

describe("seedDemoOpportunityWork", () => {
  it("tracks the best-fit open notices and declines a weak one, once", async () => {
    const fresh = scopeToTenant(database.prisma, (await database.prisma.tenant.findFirstOrThrow({ where: { slug: "opps-b" } })).id);
    const scores = [90, 85, 70, 55, 30, 20];
    for (const [i, fitScore] of scores.entries()) {
      await fresh.opportunity.create({ data: { noticeId: `D-${i}`, title: `Demo ${i}`, noticeType: "Solicitation", raw: {}, fitScore, responseDeadline: day(10 + i) } as never });
    }
    const seeded = await seedDemoOpportunityWork(fresh, { now: NOW, ownerId: null, investorId: null });
    expect(seeded).toEqual({ tracked: 3, declined: 1 });
    const rows = await fresh.opportunity.findMany({ where: { noticeId: { startsWith: "D-" } }, orderBy: { noticeId: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["TRACKING", "TRACKING", "TRACKING", "NEW", "NO_BID", "NEW"]);
    expect(rows[4].noBidReason).toBeTruthy();
    expect(await fresh.opportunityNote.count()).toBe(2);
    expect(await seedDemoOpportunityWork(fresh, { now: NOW, ownerId: null, investorId: null })).toEqual({ tracked: 0, declined: 0 });
  });
});
