import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import awardsFile from "@/fixtures/usaspending/awards.json";
import noticesFile from "@/fixtures/samgov/notices.json";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { awardsForOpportunity } from "@/lib/govcon/awards";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { fixtureUsaSpendingFetch } from "@/lib/providers/usaspending/fixture";
import type { FixtureAwardsFile } from "@/lib/providers/usaspending/fixture-types";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

vi.setConfig({ testTimeout: 60_000 });

const AWARDS = (awardsFile as unknown as FixtureAwardsFile).awards;
const NOTICES = (noticesFile as unknown as { notices: SamNotice[] }).notices;
const DAY = 86_400_000;
const NOW = new Date("2026-12-07T15:00:00Z");
const LOCAL = { env: {} };

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;

async function newTenant(prefix: string): Promise<TenantDb> {
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `${prefix}-${tag}`, name: `Awards ${tag}`, timeZone: "America/New_York", country: "US" },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  return scopeToTenant(database.prisma, tenant.id);
}

/** Stores a feed notice as the sync would: the fields the lookup reads. */
async function storeNotice(tenantDb: TenantDb, notice: SamNotice): Promise<string> {
  const [agency] = notice.fullParentPathName!.split(".");
  const row = await tenantDb.opportunity.create({
    data: {
      noticeId: notice.noticeId!, title: notice.title!, noticeType: notice.type!, solicitationNumber: notice.solicitationNumber, agency, agencyPath: notice.fullParentPathName,
      naicsCode: notice.naicsCode, pscCode: notice.classificationCode, raw: notice as object,
    },
  });
  return row.id;
}

/** The local USAspending with every request counted; `failing` turns it into an outage. */
function countingUsaSpending() {
  const local = fixtureUsaSpendingFetch(() => NOW);
  const state = { requests: 0, failing: false };
  const fetchImpl: typeof fetch = async (input, init) => {
    state.requests += 1;
    if (state.failing) return new Response(JSON.stringify({ detail: "Service temporarily unavailable" }), { status: 503 });
    return local(input, init);
  };
  return { state, fetchImpl };
}

const incumbentAward = AWARDS.find((a) => a.solicitation_identifier && NOTICES.some((n) => n.solicitationNumber === a.solicitation_identifier && n.type === "Solicitation"))!;
const withIncumbent = NOTICES.find((n) => n.solicitationNumber === incumbentAward.solicitation_identifier)!;
const anotherWithIncumbent = NOTICES.find((n) => n.noticeId !== withIncumbent.noticeId && n.type === "Solicitation" && AWARDS.some((a) => a.solicitation_identifier === n.solicitationNumber))!;
const solicitations = new Set(AWARDS.map((a) => a.solicitation_identifier));
const withoutIncumbent = NOTICES.find((n) => n.type === "Solicitation" && !solicitations.has(n.solicitationNumber!) && n.naicsCode === withIncumbent.naicsCode)
  ?? NOTICES.find((n) => n.type === "Solicitation" && !solicitations.has(n.solicitationNumber!))!;

beforeAll(async () => {
  database = await createTestDatabase();
  db = await newTenant("awd");
  otherDb = await newTenant("awo");
}, 240_000);

afterAll(async () => {
  await database?.close();
});

describe("awardsForOpportunity", () => {
  it("finds the incumbent and similar awards, then serves them from the cache for 7 days", async () => {
    const opportunityId = await storeNotice(db, withIncumbent);
    const usaSpending = countingUsaSpending();

    const first = await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: NOW, fetchImpl: usaSpending.fetchImpl });
    expect(usaSpending.state.requests).toBe(2);
    expect(first).toMatchObject({ source: "fixture", error: null, stale: false });
    expect(first.fetchedAt).toEqual(NOW);
    expect(first.incumbent).toMatchObject({ awardId: incumbentAward["Award ID"], recipient: incumbentAward["Recipient Name"], amountDollars: incumbentAward["Award Amount"] });
    expect(first.incumbent!.url).toMatch(/^https:\/\/www\.usaspending\.gov\/award\/CONT_AWD_/);
    expect(first.similar.length).toBeGreaterThan(0);
    expect(first.similar.every((award) => award.naics === withIncumbent.naicsCode && award.awardId !== first.incumbent!.awardId)).toBe(true);

    const sixDaysOn = await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: new Date(NOW.getTime() + 6 * DAY), fetchImpl: usaSpending.fetchImpl });
    expect(usaSpending.state.requests).toBe(2);
    expect(sixDaysOn.incumbent).toEqual(first.incumbent);
    expect(sixDaysOn.similar).toEqual(first.similar);
    expect(sixDaysOn.fetchedAt).toEqual(NOW);

    const eightDaysOn = new Date(NOW.getTime() + 8 * DAY);
    const refreshed = await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: eightDaysOn, fetchImpl: usaSpending.fetchImpl });
    expect(usaSpending.state.requests).toBe(4);
    expect(refreshed.fetchedAt).toEqual(eightDaysOn);
    expect(refreshed.incumbent?.awardId).toBe(incumbentAward["Award ID"]);
    const rows = await db.opportunityAwards.findMany({ where: { opportunityId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].fetchedAt).toEqual(eightDaysOn);
  });

  it("keeps the stale awards with the error when USAspending fails, and looks again next time", async () => {
    const opportunityId = await storeNotice(db, { ...withIncumbent, noticeId: randomBytes(16).toString("hex") });
    const usaSpending = countingUsaSpending();
    const fresh = await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: NOW, fetchImpl: usaSpending.fetchImpl });

    usaSpending.state.failing = true;
    const later = new Date(NOW.getTime() + 10 * DAY);
    const stale = await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: later, fetchImpl: usaSpending.fetchImpl });
    expect(stale).toMatchObject({ stale: true, fetchedAt: NOW, incumbent: fresh.incumbent, similar: fresh.similar });
    expect(stale.error).toBe("USAspending: Service temporarily unavailable");
    const row = await db.opportunityAwards.findFirstOrThrow({ where: { opportunityId } });
    expect(row).toMatchObject({ fetchedAt: NOW, error: "USAspending: Service temporarily unavailable" });

    usaSpending.state.failing = false;
    const recovered = await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: later, fetchImpl: usaSpending.fetchImpl });
    expect(recovered).toMatchObject({ stale: false, error: null, fetchedAt: later });
    expect((await db.opportunityAwards.findFirstOrThrow({ where: { opportunityId } })).error).toBeNull();
  });

  it("shows the error alone, and stores nothing, when the first lookup fails", async () => {
    const opportunityId = await storeNotice(db, { ...withIncumbent, noticeId: randomBytes(16).toString("hex") });
    const usaSpending = countingUsaSpending();
    usaSpending.state.failing = true;
    const view = await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: NOW, fetchImpl: usaSpending.fetchImpl });
    expect(view).toMatchObject({ fetchedAt: null, incumbent: null, similar: [], error: "USAspending: Service temporarily unavailable" });
    expect(await db.opportunityAwards.count({ where: { opportunityId } })).toBe(0);
  });

  it("says there is no incumbent for a requirement no contract names", async () => {
    const opportunityId = await storeNotice(db, withoutIncumbent);
    const view = await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: NOW });
    expect(view.error).toBeNull();
    expect(view.incumbent).toBeNull();
    expect(view.similar.length).toBeGreaterThan(0);
  });

  it("refreshes when the source changes to live USAspending, through USASPENDING_API_URL", async () => {
    const opportunityId = await storeNotice(db, anotherWithIncumbent);
    expect((await awardsForOpportunity(db, opportunityId, { ...LOCAL, now: NOW })).source).toBe("fixture");
    const urls: string[] = [];
    const local = fixtureUsaSpendingFetch(() => NOW);
    const live = await awardsForOpportunity(db, opportunityId, {
      env: { USASPENDING_API_URL: "http://usaspending.test" },
      now: new Date(NOW.getTime() + DAY),
      fetchImpl: async (input, init) => {
        urls.push(String(input));
        return local(input, init);
      },
    });
    expect(live.source).toBe("usaspending");
    expect(urls).toEqual(["http://usaspending.test/api/v2/search/spending_by_award/", "http://usaspending.test/api/v2/search/spending_by_award/"]);
  });

  it("looks a real SAM.gov notice up on USAspending itself, never in the sample", async () => {
    const opportunityId = await storeNotice(db, { ...withIncumbent, noticeId: randomBytes(16).toString("hex") });
    const urls: string[] = [];
    const view = await awardsForOpportunity(db, opportunityId, {
      ...LOCAL,
      now: NOW,
      fetchImpl: async (input) => {
        urls.push(String(input));
        return new Response(JSON.stringify({ limit: 10, results: [], page_metadata: { page: 1, hasNext: false }, messages: [] }), { status: 200 });
      },
    });
    expect(urls).toEqual(["https://api.usaspending.gov/api/v2/search/spending_by_award/", "https://api.usaspending.gov/api/v2/search/spending_by_award/"]);
    expect(view).toMatchObject({ source: "usaspending", incumbent: null, similar: [], error: null });
  });

  it("does not reach another workspace's opportunity", async () => {
    const opportunityId = await storeNotice(otherDb, { ...withIncumbent, noticeId: randomBytes(16).toString("hex") });
    await expect(awardsForOpportunity(db, opportunityId, { ...LOCAL, now: NOW })).rejects.toMatchObject({ code: "not_found" });
  });
});
