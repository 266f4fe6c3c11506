import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/govcon/searches/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { alertAfterSync, runScheduledGovConAlerts } from "@/lib/govcon/alerts";
import { SavedSearchInput } from "@/lib/govcon/search-schema";
import { createSavedSearch, deleteSavedSearch, listRecentAlerts, listSavedSearches } from "@/lib/govcon/searches";
import type { AlertSink } from "@/lib/providers/discord";
import type { EmailProvider, OutboundEmail } from "@/lib/providers/messaging";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

const DAY = 86_400_000;
// 15:00 UTC is 10:00 in New York: the workspace's digest is due from 08:00 local.
const NOW = new Date("2026-03-10T15:00:00Z");
const ctx = { actorId: null, actorEmail: "ops@example.test", requestId: undefined };

let database: Database;
let db: TenantDb;
let ownerId: string;
let investorId: string;
let counter = 0;
const emails: OutboundEmail[] = [];
const posts: { title: string; body: string }[] = [];
let emailFails = false;
const email: EmailProvider = {
  name: "sendgrid",
  async send(message) {
    if (emailFails) throw new Error("SendGrid answered 503");
    emails.push(message);
    return { providerMessageId: `sg-${emails.length}`, from: "alerts@example.test" };
  },
};
const discord: AlertSink = {
  async send(message) {
    posts.push(message);
    return { delivered: true };
  },
};
const deps = { email, discord, baseUrl: "https://app.example.test" };

async function opportunity(fields: Record<string, unknown> = {}) {
  counter += 1;
  return db.opportunity.create({
    data: { noticeId: `N-${counter}`, title: `Roof replacement ${counter}`, noticeType: "Solicitation", naicsCode: "238160", setAside: "SBA", placeState: "OH", fitScore: 70, responseDeadline: new Date(NOW.getTime() + 20 * DAY), raw: {}, ...fields } as never,
  });
}

async function search(fields: Partial<Record<string, unknown>> = {}, owner = ownerId) {
  const input = SavedSearchInput.parse({ name: `Roofing ${++counter}`, filters: { naics: ["2381"], state: "OH" }, minFit: 0, delivery: "IMMEDIATE", channels: ["inApp", "email", "discord"], ...fields });
  return createSavedSearch(db, input, { userId: owner }, ctx, NOW);
}

const notificationsOf = (userId: string, kind = "govcon.alert") => db.notification.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const member = (address: string, role: "owner" | "investor") => ({ email: address, name: address.split("@")[0], password: "a-long-password-1", role });
  const tenant = await provisionTenant(database.prisma, { slug: "govcon-alerts", name: "Acme Builders", timeZone: "America/New_York", country: "US" }, [member("owner@gca.test", "owner"), member("investor@gca.test", "investor")]);
  db = scopeToTenant(database.prisma, tenant.id);
  ownerId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@gca.test" } })).id;
  investorId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "investor@gca.test" } })).id;
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  // Each case starts from no searches, alerts or notifications.
  await db.govConAlert.deleteMany({});
  await db.govConSearch.deleteMany({});
  await db.notification.deleteMany({});
  emails.length = 0;
  posts.length = 0;
  emailFails = false;
});

describe("saved-search alerts after a sync", () => {
  it("tells the owner of a matching search once, in-app, by email and on Discord, linking to the notice", async () => {
    const s = await search();
    const found = await opportunity();
    const first = await alertAfterSync(db, { newOpportunityIds: [found.id], amendedOpportunityIds: [] }, NOW, deps);
    expect(first).toEqual({ alerted: 1, queued: 0, failed: 0 });
    const notes = await notificationsOf(ownerId);
    expect(notes).toHaveLength(1);
    expect(notes[0].body).toContain(found.title);
    expect(notes[0].data).toMatchObject({ href: `/govcon/${found.noticeId}` });
    expect(emails).toHaveLength(1);
    expect(emails[0].to).toBe("owner@gca.test");
    expect(emails[0].text).toContain(`https://app.example.test/govcon/${found.noticeId}`);
    expect(emails[0].text).toContain(s.name);
    expect(posts).toHaveLength(1);

    const second = await alertAfterSync(db, { newOpportunityIds: [found.id], amendedOpportunityIds: [] }, NOW, deps);
    expect(second).toEqual({ alerted: 0, queued: 0, failed: 0 });
    expect(await notificationsOf(ownerId)).toHaveLength(1);
    expect(emails).toHaveLength(1);
    expect(await notificationsOf(investorId)).toHaveLength(0);
  });

  it("leaves out notices under the minimum fit or outside the filters", async () => {
    await search({ minFit: 60 });
    const lowFit = await opportunity({ fitScore: 40 });
    const unscored = await opportunity({ fitScore: null, noticeType: "Award Notice" });
    const otherState = await opportunity({ placeState: "TX" });
    const otherTrade = await opportunity({ naicsCode: "561720" });
    const match = await opportunity({ fitScore: 60 });
    const report = await alertAfterSync(db, { newOpportunityIds: [lowFit.id, unscored.id, otherState.id, otherTrade.id, match.id], amendedOpportunityIds: [] }, NOW, deps);
    expect(report.alerted).toBe(1);
    const alerts = await db.govConAlert.findMany({});
    expect(alerts.map((a) => a.opportunityId)).toEqual([match.id]);
  });

  it("tells only the channels the search asked for, and skips Discord without a webhook", async () => {
    await search({ channels: ["inApp", "discord"] });
    const found = await opportunity();
    await alertAfterSync(db, { newOpportunityIds: [found.id], amendedOpportunityIds: [] }, NOW, { ...deps, discord: null });
    expect(emails).toHaveLength(0);
    expect(await notificationsOf(ownerId)).toHaveLength(1);
    expect((await db.govConAlert.findFirstOrThrow({})).deliveredAt).not.toBeNull();
  });

  it("tells of an amended notice that still matches, once per version", async () => {
    await search({ channels: ["inApp"] });
    const found = await opportunity();
    await alertAfterSync(db, { newOpportunityIds: [found.id], amendedOpportunityIds: [] }, NOW, deps);
    await db.opportunity.update({ where: { id: found.id }, data: { version: 2 } });
    const report = await alertAfterSync(db, { newOpportunityIds: [], amendedOpportunityIds: [found.id] }, NOW, deps);
    expect(report.alerted).toBe(1);
    const notes = await notificationsOf(ownerId);
    expect(notes.map((n) => n.body.split(" ")[0])).toEqual(["New", "Amended"]);
  });
});

describe("email fails closed", () => {
  it("keeps an alert whose email failed undelivered, and the next run tells it without a second in-app notification", async () => {
    await search({ channels: ["inApp", "email", "discord"] });
    const found = await opportunity();
    emailFails = true;
    const failed = await alertAfterSync(db, { newOpportunityIds: [found.id], amendedOpportunityIds: [] }, NOW, deps);
    expect(failed).toEqual({ alerted: 0, queued: 0, failed: 1 });
    expect((await db.govConAlert.findFirstOrThrow({})).deliveredAt).toBeNull();
    expect(posts).toHaveLength(0);

    emailFails = false;
    const retried = await runScheduledGovConAlerts(db, NOW, deps);
    expect(retried.alerted).toBe(1);
    expect(emails).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expect(await notificationsOf(ownerId)).toHaveLength(1);
    expect((await db.govConAlert.findFirstOrThrow({})).deliveredAt).not.toBeNull();
  });
});

describe("daily digest", () => {
  it("waits, then goes out once with every waiting alert, then not again that day", async () => {
    const digest = await search({ delivery: "DIGEST", channels: ["inApp", "email"] });
    const a = await opportunity();
    const b = await opportunity();
    const early = new Date("2026-03-10T11:00:00Z"); // 07:00 in New York: before the digest hour
    const report = await alertAfterSync(db, { newOpportunityIds: [a.id, b.id], amendedOpportunityIds: [] }, early, deps);
    expect(report).toEqual({ alerted: 0, queued: 2, failed: 0 });
    expect(emails).toHaveLength(0);
    expect((await runScheduledGovConAlerts(db, early, deps)).digests).toBe(0);

    const sent = await runScheduledGovConAlerts(db, NOW, deps);
    expect(sent.digests).toBe(1);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain("2 notices");
    expect(emails[0].text).toContain(a.title);
    expect(emails[0].text).toContain(b.title);
    const inApp = await notificationsOf(ownerId, "govcon.digest");
    expect(inApp).toHaveLength(1);
    expect(await db.govConAlert.count({ where: { searchId: digest.id, deliveredAt: null } })).toBe(0);

    const c = await opportunity();
    await alertAfterSync(db, { newOpportunityIds: [c.id], amendedOpportunityIds: [] }, NOW, deps);
    expect((await runScheduledGovConAlerts(db, new Date(NOW.getTime() + 3_600_000), deps)).digests).toBe(0);
    expect(emails).toHaveLength(1);
    // The next morning it carries the one that arrived after.
    const tomorrow = await runScheduledGovConAlerts(db, new Date(NOW.getTime() + DAY), deps);
    expect(tomorrow.digests).toBe(1);
    expect(emails[1].text).toContain(c.title);
    expect(emails[1].text).not.toContain(a.title);
  });

  it("keeps the digest waiting when its email fails", async () => {
    await search({ delivery: "DIGEST", channels: ["email"] });
    const a = await opportunity();
    await alertAfterSync(db, { newOpportunityIds: [a.id], amendedOpportunityIds: [] }, NOW, deps);
    emailFails = true;
    const failed = await runScheduledGovConAlerts(db, NOW, deps);
    expect(failed).toMatchObject({ digests: 0, failed: 1 });
    expect(await db.govConAlert.count({ where: { deliveredAt: null } })).toBe(1);
    emailFails = false;
    expect((await runScheduledGovConAlerts(db, NOW, deps)).digests).toBe(1);
  });
});

describe("amendment alerts to owners", () => {
  it("tells whoever tracks an amended opportunity what changed", async () => {
    const tracked = await opportunity({ status: "TRACKING", ownerId: investorId, version: 2 });
    await db.opportunityVersion.create({
      data: { opportunityId: tracked.id, version: 2, previous: {}, changes: [{ field: "Response deadline", before: "2026-03-20", after: "2026-03-27" }] } as never,
    });
    const untracked = await opportunity({ version: 2 });
    await alertAfterSync(db, { newOpportunityIds: [], amendedOpportunityIds: [tracked.id, untracked.id] }, NOW, deps);
    const notes = await notificationsOf(investorId);
    expect(notes).toHaveLength(1);
    expect(notes[0].body).toContain("Response deadline: 2026-03-20 → 2026-03-27");
    expect(emails.map((e) => e.to)).toEqual(["investor@gca.test"]);
    expect(await notificationsOf(ownerId)).toHaveLength(0);
  });

  it("tells the pursuit's owner when the opportunity itself names nobody", async () => {
    const pursued = await opportunity({ status: "PURSUING", version: 3 });
    await db.pursuit.create({ data: { opportunityId: pursued.id, title: pursued.title, ownerId } as never });
    await alertAfterSync(db, { newOpportunityIds: [], amendedOpportunityIds: [pursued.id] }, NOW, deps);
    expect(await notificationsOf(ownerId)).toHaveLength(1);
  });
});

describe("deadline reminders", () => {
  it("tells at 7, 3 and 1 days, each once, only for tracked and pursued opportunities with a future deadline", async () => {
    const deadline = new Date(NOW.getTime() + 10 * DAY);
    const tracked = await opportunity({ status: "TRACKING", ownerId, responseDeadline: deadline });
    await opportunity({ status: "NEW", ownerId, responseDeadline: deadline });
    await opportunity({ status: "NO_BID", ownerId, responseDeadline: deadline });
    await opportunity({ status: "TRACKING", ownerId, responseDeadline: new Date(NOW.getTime() - DAY) });
    const at = (daysBefore: number, extraMs = 0) => new Date(deadline.getTime() - daysBefore * DAY + extraMs);

    expect((await runScheduledGovConAlerts(db, at(8), deps)).deadline).toBe(0);
    for (const days of [7, 3, 1]) {
      expect((await runScheduledGovConAlerts(db, at(days, 60_000), deps)).deadline).toBe(1);
      expect((await runScheduledGovConAlerts(db, at(days, 120_000), deps)).deadline).toBe(0);
    }
    expect((await runScheduledGovConAlerts(db, at(0, 60_000), deps)).deadline).toBe(0);
    const alerts = await db.govConAlert.findMany({ orderBy: { createdAt: "asc" } });
    expect(alerts.map((a) => a.kind)).toEqual(["deadline-7", "deadline-3", "deadline-1"]);
    expect(new Set(alerts.map((a) => a.opportunityId))).toEqual(new Set([tracked.id]));
    expect((await notificationsOf(ownerId)).map((n) => n.title)).toEqual(["Deadline within 7 days", "Deadline within 3 days", "Deadline within 1 day"]);
  });
});

describe("saved searches", () => {
  it("counts the matches now, lists a member's own, and deletes waiting alerts with the search", async () => {
    await opportunity();
    await opportunity({ placeState: "TX" });
    const mine = await search({ delivery: "DIGEST" });
    await search({}, investorId);
    expect(mine.matchesNow).toBeGreaterThanOrEqual(1);
    const count = await db.opportunity.count({ where: { naicsCode: { startsWith: "2381" }, placeState: "OH" } });
    expect(mine.matchesNow).toBe(count);
    expect((await listSavedSearches(db, { userId: ownerId })).map((s) => s.id)).toEqual([mine.id]);
    expect(await listSavedSearches(db, { userId: ownerId, seesAll: true })).toHaveLength(2);

    const fresh = await opportunity();
    await alertAfterSync(db, { newOpportunityIds: [fresh.id], amendedOpportunityIds: [] }, NOW, deps);
    expect((await listRecentAlerts(db, ownerId)).map((a) => a.deliveredAt)).toEqual([null]);
    await expect(deleteSavedSearch(db, mine.id, { userId: investorId }, ctx)).rejects.toMatchObject({ code: "not_found" });
    await deleteSavedSearch(db, mine.id, { userId: ownerId }, ctx);
    expect(await db.govConAlert.count({ where: { searchId: mine.id } })).toBe(0);
  });
});

describe("GET/POST /api/v1/govcon/searches", () => {
  it("saves for the key's member, needs ownerEmail from a workspace key, and names a bad field", async () => {
    const as = { actorId: ownerId, actorEmail: "owner@gca.test", requestId: "r" };
    const bound = (await createApiKey(db, { name: "mine", scopes: ["govcon:read", "govcon:write"], bindToUser: true }, as)).key;
    const workspace = (await createApiKey(db, { name: "ci", scopes: ["govcon:read", "govcon:write"] }, as)).key;
    const reader = (await createApiKey(db, { name: "read", scopes: ["govcon:read"] }, as)).key;
    const body = { name: "Ohio roofing", filters: { naics: ["238160"], state: "OH" }, minFit: 50, delivery: "DIGEST", channels: ["email"] };

    const created = await callRoute(createRoute, "/api/v1/govcon/searches", { key: bound, method: "POST", body });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: "Ohio roofing", ownerId, minFit: 50, delivery: "DIGEST", channels: ["email"] });

    const noOwner = await callRoute(createRoute, "/api/v1/govcon/searches", { key: workspace, method: "POST", body });
    expect(noOwner.status).toBe(422);
    expect((await noOwner.json()).issues).toEqual([expect.objectContaining({ path: "ownerEmail" })]);
    const forInvestor = await callRoute(createRoute, "/api/v1/govcon/searches", { key: workspace, method: "POST", body: { ...body, ownerEmail: "investor@gca.test" } });
    expect(await forInvestor.json()).toMatchObject({ ownerId: investorId });

    const badFit = await callRoute(createRoute, "/api/v1/govcon/searches", { key: bound, method: "POST", body: { ...body, minFit: 140 } });
    expect(badFit.status).toBe(422);
    expect((await badFit.json()).issues).toEqual([expect.objectContaining({ path: "minFit" })]);
    const badNaics = await callRoute(createRoute, "/api/v1/govcon/searches", { key: bound, method: "POST", body: { ...body, filters: { naics: ["23A"] } } });
    expect(badNaics.status).toBe(422);
    expect((await badNaics.json()).issues[0].path).toBe("filters.naics.0");
    const noChannel = await callRoute(createRoute, "/api/v1/govcon/searches", { key: bound, method: "POST", body: { ...body, channels: [] } });
    expect((await noChannel.json()).issues).toEqual([expect.objectContaining({ path: "channels" })]);

    expect((await callRoute(createRoute, "/api/v1/govcon/searches", { key: reader, method: "POST", body })).status).toBe(403);
    const listed = await (await callRoute(listRoute, "/api/v1/govcon/searches", { key: bound })).json();
    expect(listed.searches.map((s: { ownerId: string }) => s.ownerId)).toEqual([ownerId]);
    const all = await (await callRoute(listRoute, "/api/v1/govcon/searches", { key: reader })).json();
    expect(all.searches).toHaveLength(2);
  });
});
