import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { readSamGovUsage } from "@/lib/govcon/quota";
import { syncOpportunities } from "@/lib/govcon/sync";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";
import { startFakeSamGov, type FakeSamGov } from "../helpers/samgov-server";

const NOW = new Date("2026-03-10T15:00:00Z");
let database: Database;
let db: TenantDb;
let sam: FakeSamGov;
let keyCounter = 0;

/** A fresh key for each test, so each starts with its own day's budget. */
function envWith(budget: number) {
  keyCounter++;
  return { SAM_GOV_API_KEY: `test-key-${keyCounter}-${Date.now()}`, SAM_GOV_DAILY_BUDGET: String(budget), SAM_GOV_API_URL: sam.baseUrl };
}

function notice(id: string | null, fields: Partial<SamNotice> = {}): SamNotice {
  return {
    ...(id === null ? {} : { noticeId: id }),
    title: `Parking lot repaving ${id}`,
    solicitationNumber: `W912-${id}`,
    fullParentPathName: "DEPT OF DEFENSE.DEPT OF THE ARMY.W7NR USA CONTRACTING CMD",
    postedDate: "2026-03-02 14:05:00+00",
    type: "Solicitation",
    typeOfSetAside: "SBA",
    responseDeadLine: "2026-04-20T14:00:00-05:00",
    naicsCode: "237310",
    active: "Yes",
    description: `${sam.baseUrl}/prod/opportunities/v1/noticedesc?noticeid=${id}`,
    resourceLinks: ["https://sam.gov/files/1/download"],
    placeOfPerformance: { state: { code: "TX" } },
    ...fields,
  };
}

/** Notices the profile does not match (NAICS 541511, no keyword): fetched, counted, not stored. */
const unrelated = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => notice(`${prefix}-${i}`, { naicsCode: "541511", title: "Software licences" }));

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await provisionTenant(database.prisma, { slug: "govcon-sync", name: "GovCon Sync", timeZone: "America/Chicago", country: "US" }, [
    { email: "owner@govcon-sync.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  await db.govConProfile.create({ data: { naicsCodes: ["2373"], keywords: ["roofing"], setAsides: ["SBA"], descriptionMinFit: 0 } });
  sam = await startFakeSamGov();
}, 120_000);

afterAll(async () => {
  await sam?.close();
  await database?.close();
});

beforeEach(() => {
  sam.notices = [];
  sam.searches = [];
  sam.descriptions = [];
  sam.pageSize = 1000;
  sam.throttleAfter = null;
  sam.failWith = null;
  sam.answered = 0;
});

const sync = (env: Record<string, string>, now = NOW) => syncOpportunities(db, { env, now, previousWindow: null });

describe("the day's budget", () => {
  it("counts every request before it is sent and makes none once the budget is spent", async () => {
    sam.notices = unrelated(50, "budget");
    sam.pageSize = 5;
    const env = envWith(3);
    const first = await sync(env);
    expect(sam.requests).toBe(3);
    expect(first).toMatchObject({ requests: 3, fetched: 15, budgetLeft: 0, stoppedBy: "budget", window: { nextOffset: 15 } });
    const second = await sync(env, new Date(NOW.getTime() + 3_600_000));
    expect(second).toMatchObject({ requests: 0, stoppedBy: "budget" });
    expect(sam.requests).toBe(3);
    expect(await readSamGovUsage(db, NOW, env)).toMatchObject({ source: "environment", budget: 3, used: 3, left: 0, lastStatus: 200 });
  });

  it("two syncs at once never exceed the budget together", async () => {
    sam.notices = unrelated(100, "race");
    sam.pageSize = 2;
    const env = envWith(7);
    const reports = await Promise.all([sync(env), sync(env), sync(env)]);
    expect(sam.searches).toHaveLength(7);
    expect(reports.reduce((sum, r) => sum + r.requests, 0)).toBe(7);
    expect((await readSamGovUsage(db, NOW, env)).used).toBe(7);
  });

  it("after a 429 makes no request until 00:00 UTC, then resumes", async () => {
    sam.notices = unrelated(40, "throttle");
    sam.pageSize = 10;
    sam.throttleAfter = 2;
    const env = envWith(100);
    const report = await sync(env);
    expect(sam.searches).toHaveLength(3); // two pages, then the 429
    expect(report).toMatchObject({ requests: 3, fetched: 20, stoppedBy: "throttled", budgetLeft: 0, window: { nextOffset: 20 } });
    const usage = await readSamGovUsage(db, NOW, env);
    expect(usage.exhaustedUntil?.toISOString()).toBe("2026-03-11T00:00:00.000Z");
    expect(usage).toMatchObject({ lastStatus: 429, left: 0 });
    expect(usage.lastMessage).toMatch(/Message throttled out.*code 900804/);

    sam.throttleAfter = null; // SAM.gov would answer again; the quota must still hold back
    const lateThatDay = await sync(env, new Date("2026-03-10T23:59:00Z"));
    expect(lateThatDay).toMatchObject({ requests: 0, stoppedBy: "throttled" });
    expect(sam.searches).toHaveLength(3);

    const nextDay = await sync(env, new Date("2026-03-11T00:00:00Z"));
    expect(nextDay).toMatchObject({ requests: 4, fetched: 40, stoppedBy: null });
    expect(sam.searches).toHaveLength(3 + 4);
    expect((await readSamGovUsage(db, new Date("2026-03-11T00:00:00Z"), env)).exhaustedUntil).toBeNull();
  });
});

describe("SAM.gov's refusals", () => {
  it.each([
    [401, '{"error":{"code":"API_KEY_INVALID","message":"An invalid api_key was supplied. Get one at https://api.data.gov:443"}}', /SAM\.gov refused the search \(HTTP 401\): An invalid api_key was supplied/, /^An invalid api_key was supplied\. .*\(code API_KEY_INVALID\)$/],
    [400, '{"errorCode":"400","errorMessage":"Date range must be 1 year(s) apart"}', /\(HTTP 400\): Date range must be 1 year\(s\) apart/, /^Date range must be 1 year\(s\) apart/],
  ])("HTTP %s is recorded with its message and nothing is stored", async (status, body, message, recorded) => {
    sam.notices = [notice(`refused-${status}`)];
    sam.failWith = { status, body };
    const env = envWith(10);
    await expect(sync(env)).rejects.toThrow(message);
    expect(await db.opportunity.count({ where: { noticeId: `refused-${status}` } })).toBe(0);
    const usage = await readSamGovUsage(db, NOW, env);
    expect(usage).toMatchObject({ lastStatus: status, used: 1 });
    expect(usage.lastMessage).toMatch(recorded);
    expect(usage.lastMessage).not.toContain(env.SAM_GOV_API_KEY);
    // The message stays on the settings page the next day, until a request is answered.
    expect((await readSamGovUsage(db, new Date("2026-03-11T09:00:00Z"), env)).lastStatus).toBe(status);
  });

  it("a failure on a later page keeps the pages before it whole, and writes none of its own", async () => {
    sam.notices = [notice("page-1a"), notice("page-1b"), notice("page-2a")];
    sam.pageSize = 2;
    sam.throttleAfter = null;
    const env = envWith(10);
    const original = sam.failWith;
    let calls = 0;
    // First page answered, second refused with a server error.
    const failing = (async (input: RequestInfo | URL) => {
      calls++;
      if (calls === 2) return new Response('{"message":"Internal Server Error"}', { status: 500 });
      return fetch(input);
    }) as typeof fetch;
    await expect(syncOpportunities(db, { env, now: NOW, previousWindow: null, fetchImpl: failing })).rejects.toThrow(/HTTP 500\): Internal Server Error/);
    sam.failWith = original;
    const stored = await db.opportunity.findMany({ where: { noticeId: { startsWith: "page-" } }, select: { noticeId: true } });
    expect(stored.map((o) => o.noticeId).sort()).toEqual(["page-1a", "page-1b"]);
  });
});

describe("storing notices", () => {
  it("skips and counts notices without a noticeId, filters by the profile, dedupes by noticeId", async () => {
    sam.notices = [notice("keep-1"), notice(null), notice("keep-1"), notice("   "), ...unrelated(3, "other"), notice("kw-1", { naicsCode: "238160", title: "Roofing repairs, Hangar 3" })];
    const report = await sync(envWith(10));
    expect(report).toMatchObject({ fetched: 8, skipped: 2, filteredOut: 3, new: 2 });
    expect(await db.opportunity.count({ where: { noticeId: { in: ["keep-1", "kw-1"] } } })).toBe(2);
    expect(await db.opportunity.count({ where: { noticeId: { startsWith: "other-" } } })).toBe(0);
    const stored = await db.opportunity.findFirstOrThrow({ where: { noticeId: "keep-1" } });
    expect(stored).toMatchObject({ title: "Parking lot repaving keep-1", agency: "DEPT OF DEFENSE", setAside: "SBA", responseDeadlineRaw: "2026-04-20T14:00:00-05:00", version: 1 });
    expect(stored.fitScore).toEqual(expect.any(Number));
    expect((stored.fitReasons as { text: string }[]).length).toBeGreaterThan(0);
  });

  it("a changed deadline and attachment list make version 2 with those changes; an unchanged notice gets no version", async () => {
    sam.notices = [notice("amend-a"), notice("amend-b")];
    const env = envWith(20);
    const first = await sync(env);
    expect(first.new).toBe(2);
    const a = await db.opportunity.findFirstOrThrow({ where: { noticeId: "amend-a" } });
    const b = await db.opportunity.findFirstOrThrow({ where: { noticeId: "amend-b" } });

    sam.notices = [
      notice("amend-a", { postedDate: "2026-03-09 10:00:00+00", responseDeadLine: "2026-04-27T14:00:00-05:00", resourceLinks: ["https://sam.gov/files/1/download", "https://sam.gov/files/2/download"] }),
      notice("amend-b"),
    ];
    const later = new Date(NOW.getTime() + 86_400_000);
    const second = await sync(env, later);
    expect(second).toMatchObject({ new: 0, amended: 1, amendedOpportunityIds: [a.id] });

    const amended = await db.opportunity.findUniqueOrThrow({ where: { id: a.id } });
    expect(amended).toMatchObject({ version: 2, responseDeadlineRaw: "2026-04-27T14:00:00-05:00" });
    expect(amended.lastAmendedAt?.toISOString()).toBe(later.toISOString());
    const versions = await db.opportunityVersion.findMany({ where: { opportunityId: a.id } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 2,
      changes: [
        { field: "Response deadline", before: "2026-04-20 19:00 UTC", after: "2026-04-27 19:00 UTC" },
        { field: "Attachments", before: "1 attachment", after: "2 attachments (1 added)" },
      ],
    });
    expect((versions[0].previous as SamNotice).responseDeadLine).toBe("2026-04-20T14:00:00-05:00");

    expect(await db.opportunityVersion.count({ where: { opportunityId: b.id } })).toBe(0);
    const unchanged = await db.opportunity.findUniqueOrThrow({ where: { id: b.id } });
    expect(unchanged.version).toBe(1);
    expect(unchanged.lastSeenAt.toISOString()).toBe(later.toISOString());
  });

  it("fetches descriptions for the best fits only, leaving a request for the next sync, and re-scores them", async () => {
    sam.notices = [notice("desc-1"), notice("desc-2"), notice("desc-3"), notice("desc-4"), notice("desc-5")];
    const env = envWith(4);
    const report = await sync(env);
    // One search, then descriptions while more than one request is left: 4 - 1 - 1 = 2.
    expect(report).toMatchObject({ requests: 3, descriptions: 2, budgetLeft: 1 });
    expect(sam.descriptions).toHaveLength(2);
    expect(sam.descriptions[0].searchParams.get("api_key")).toBe(env.SAM_GOV_API_KEY);
    const described = await db.opportunity.findMany({ where: { noticeId: { startsWith: "desc-" }, description: { not: null } } });
    expect(described).toHaveLength(2);
    expect(described[0].description).toMatch(/^Scope of work for desc-\d: paving and striping\.$/);
    expect(described[0].descriptionFetchedAt?.toISOString()).toBe(NOW.toISOString());
  });
});
