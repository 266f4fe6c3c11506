import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import {
  DEFAULT_RULES,
  STRICTER_RULES,
  checkContact,
  getEffectivePolicy,
  listMarketPolicies,
  seedMarketPolicies,
  upsertMarketPolicy,
  type MarketPolicyUpsertInput,
} from "@/lib/policy";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
const ctx = { actorId: "user-admin", actorEmail: "admin@policy.test", requestId: "req-policy-1" };

async function auditEvents(tenant: TenantDb, action?: string) {
  return tenant.auditEvent.findMany({ where: action ? { action } : { entity: "MarketPolicy" }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Plain tenant rows: this file needs no members (and stays off the auth code's hashing).
  const a = await database.prisma.tenant.create({ data: { slug: "policy-a", name: "Policy A", timeZone: "America/Toronto", country: "CA" } });
  const b = await database.prisma.tenant.create({ data: { slug: "policy-b", name: "Policy B", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, a.id);
  other = scopeToTenant(database.prisma, b.id);
});
afterAll(() => database.close());

describe("seedMarketPolicies", () => {
  it("creates the 64 defaults once and is idempotent", async () => {
    expect(await seedMarketPolicies(db, ctx)).toEqual({ created: 64 });
    expect(await db.marketPolicy.count()).toBe(64);
    expect(await seedMarketPolicies(db, ctx)).toEqual({ created: 0 });
    expect(await db.marketPolicy.count()).toBe(64);
    expect(await auditEvents(db, "market_policy.seeded")).toHaveLength(1);

    const ri = await getEffectivePolicy(db, "RI", "ALL");
    expect(ri).toMatchObject({ region: "RI", market: "ALL", enabled: true, version: 1, rules: STRICTER_RULES["US:RI"] });
    expect((await getEffectivePolicy(db, "ON", null))?.rules).toEqual(DEFAULT_RULES);
  });

  it("leaves edited rows alone when seeding again", async () => {
    await upsertMarketPolicy(db, { region: "YT", enabled: true, rules: { ...DEFAULT_RULES, minLeadScore: 80 }, reason: "Stricter in Yukon" }, ctx);
    expect(await seedMarketPolicies(db, ctx)).toEqual({ created: 0 });
    expect((await getEffectivePolicy(db, "YT"))?.rules.minLeadScore).toBe(80);
  });
});

describe("upsertMarketPolicy", () => {
  const toronto: MarketPolicyUpsertInput = {
    region: "on",
    market: "toronto",
    enabled: true,
    rules: { ...DEFAULT_RULES, minLeadScore: 70 },
    reason: "Q1 expansion",
  };

  it("creates a market policy at version 1 with one audit event", async () => {
    const created = await upsertMarketPolicy(db, toronto, ctx);
    expect(created).toMatchObject({ region: "ON", market: "TORONTO", version: 1, reason: "Q1 expansion", updatedById: "user-admin" });
    const events = (await auditEvents(db, "market_policy.created")).filter((e) => e.entityId === created.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity: "MarketPolicy", before: null, actorId: "user-admin", actorEmail: "admin@policy.test", requestId: "req-policy-1" });
    expect(events[0].after).toMatchObject({ region: "ON", market: "TORONTO", version: 1, reason: "Q1 expansion", rules: { minLeadScore: 70 } });
  });

  it("bumps the version on a change and records before/after and the reason in exactly one event", async () => {
    const before = await auditEvents(db);
    const updated = await upsertMarketPolicy(db, { ...toronto, rules: { ...DEFAULT_RULES, minLeadScore: 75 }, reason: "Too many cold leads" }, { ...ctx, requestId: "req-policy-2" });
    expect(updated).toMatchObject({ market: "TORONTO", version: 2, reason: "Too many cold leads", rules: { minLeadScore: 75 } });
    const after = await auditEvents(db);
    expect(after).toHaveLength(before.length + 1);
    const added = after.filter((e) => !before.some((b) => b.id === e.id));
    expect(added).toHaveLength(1);
    const event = added[0];
    expect(event).toMatchObject({ action: "market_policy.updated", entity: "MarketPolicy", entityId: updated.id, requestId: "req-policy-2" });
    expect(event.before).toMatchObject({ version: 1, reason: "Q1 expansion", rules: { minLeadScore: 70 } });
    expect(event.after).toMatchObject({ version: 2, reason: "Too many cold leads", rules: { minLeadScore: 75 } });
    const row = await db.marketPolicy.findFirstOrThrow({ where: { region: "ON", market: "TORONTO" } });
    expect(row).toMatchObject({ version: 2, reason: "Too many cold leads", updatedById: "user-admin" });
  });

  it("requires a reason and valid rules, and changes nothing without them", async () => {
    const count = (await auditEvents(db)).length;
    const { reason: _reason, ...withoutReason } = toronto;
    await expect(upsertMarketPolicy(db, withoutReason as MarketPolicyUpsertInput, ctx)).rejects.toMatchObject({
      code: "invalid",
      field: "reason",
    });
    await expect(upsertMarketPolicy(db, { ...toronto, reason: "x" }, ctx)).rejects.toBeInstanceOf(ExpectedError);
    await expect(
      upsertMarketPolicy(db, { ...toronto, rules: { ...DEFAULT_RULES, contactWindows: [{ days: [0], start: "20:00", end: "09:00" }] } }, ctx),
    ).rejects.toMatchObject({ code: "invalid", field: "rules.contactWindows.0.end" });
    await expect(upsertMarketPolicy(db, { ...toronto, region: "ZZ" }, ctx)).rejects.toMatchObject({ field: "region" });
    expect((await auditEvents(db)).length).toBe(count);
    expect((await getEffectivePolicy(db, "ON", "TORONTO"))?.version).toBe(2);
  });
});

describe("tenancy", () => {
  it("keeps another tenant's policies out of sight", async () => {
    expect(await listMarketPolicies(other)).toEqual([]);
    expect(await getEffectivePolicy(other, "ON", "TORONTO")).toBeNull();
    const decision = await checkContact(other, { region: "ON", market: "TORONTO", at: "2026-03-09T14:00:00Z", channel: "SMS", score: 90 });
    expect(decision).toMatchObject({ ok: false, reason: "no_policy", policy: null });

    await upsertMarketPolicy(other, { region: "ON", market: "TORONTO", enabled: false, rules: DEFAULT_RULES, reason: "Not working Ontario" }, ctx);
    expect((await getEffectivePolicy(db, "ON", "TORONTO"))?.enabled).toBe(true);
    expect(await listMarketPolicies(other)).toHaveLength(1);
    expect(await listMarketPolicies(db)).toHaveLength(65);
  });
});

describe("getEffectivePolicy and listMarketPolicies on real rows", () => {
  it("falls back from the market to the region's ALL, else nothing", async () => {
    expect((await getEffectivePolicy(db, "ON", "TORONTO"))?.market).toBe("TORONTO");
    expect((await getEffectivePolicy(db, "on", "ottawa"))?.market).toBe("ALL");
    expect((await getEffectivePolicy(db, "ON"))?.market).toBe("ALL");
    expect(await getEffectivePolicy(db, "ZZ", "ALL")).toBeNull();
  });

  it("does not fall back past a disabled market policy", async () => {
    await upsertMarketPolicy(db, { region: "QC", market: "MONTREAL", enabled: false, rules: DEFAULT_RULES, reason: "Paused: French templates pending" }, ctx);
    expect(await getEffectivePolicy(db, "QC", "MONTREAL")).toMatchObject({ market: "MONTREAL", enabled: false });
    const decision = await checkContact(db, { region: "QC", market: "MONTREAL", at: "2026-03-09T14:00:00Z", channel: "SMS", score: 90, timeZone: "America/Toronto" });
    expect(decision).toMatchObject({ ok: false, reason: "policy_disabled", policy: { market: "MONTREAL", enabled: false } });
  });

  it("filters the list", async () => {
    expect((await listMarketPolicies(db, { region: "on" })).map((p) => p.market)).toEqual(["ALL", "TORONTO"]);
    expect((await listMarketPolicies(db, { enabled: false })).map((p) => `${p.region}/${p.market}`)).toEqual(["QC/MONTREAL"]);
  });

  it("treats stored rules that no longer parse as disabled (fail closed)", async () => {
    await db.marketPolicy.update({ where: { id: (await getEffectivePolicy(db, "PE"))!.id }, data: { rules: { contactWindows: "always" } } });
    expect(await getEffectivePolicy(db, "PE")).toMatchObject({ enabled: false });
    const decision = await checkContact(db, { region: "PE", at: "2026-03-09T14:00:00Z", channel: "SMS", score: 90 });
    expect(decision).toMatchObject({ ok: false, reason: "policy_disabled" });
  });
});

describe("checkContact end to end", () => {
  it("reads the windows in every zone of the region when only the region is known", async () => {
    // Monday 2026-03-09, 09:30 in New York = 08:30 in Chicago: Florida has both.
    const early = await checkContact(db, { region: "fl", at: "2026-03-09T13:30:00Z", channel: "sms", score: "80" });
    expect(early).toMatchObject({
      ok: false,
      reason: "outside_window",
      timeZone: "America/Chicago",
      localTime: "2026-03-09T08:30:00-05:00",
      zoneSource: "region",
      timeZones: ["America/New_York", "America/Chicago"],
      region: "FL",
      market: "ALL",
      policy: { region: "FL", market: "ALL", version: 1, enabled: true },
    });
    expect(await checkContact(db, { region: "FL", at: "2026-03-09T14:00:00Z", channel: "SMS", score: 80 })).toMatchObject({ ok: true, reason: "within_window" });
  });

  it("uses the lead's zone when given, else the postal code resolver, else the region", async () => {
    const at = "2026-03-09T13:30:00Z";
    const byZone = await checkContact(db, { region: "FL", at, channel: "SMS", score: 80, timeZone: "America/New_York" });
    expect(byZone).toMatchObject({ ok: true, zoneSource: "query", localTime: "2026-03-09T09:30:00-04:00" });

    const resolver = (postalCode: string) => (postalCode === "33101" ? "America/New_York" : null);
    expect(await checkContact(db, { region: "FL", postalCode: "33101", at, channel: "SMS", score: 80 }, resolver)).toMatchObject({
      ok: true,
      zoneSource: "postal_code",
      timeZones: ["America/New_York"],
    });
    expect(await checkContact(db, { region: "FL", postalCode: "32501", at, channel: "SMS", score: 80 }, resolver)).toMatchObject({
      ok: false,
      zoneSource: "region",
    });
  });

  it("applies the market policy's own minimum score and the state's stricter seed", async () => {
    const at = "2026-03-09T14:00:00Z"; // 10:00 in Toronto
    expect(await checkContact(db, { region: "ON", market: "TORONTO", at, channel: "CALL", score: 70 })).toMatchObject({ ok: false, reason: "score_below_minimum" });
    expect(await checkContact(db, { region: "ON", market: "OTTAWA", at, channel: "CALL", score: 70 })).toMatchObject({ ok: true, policy: { market: "ALL" } });
    // 18:00 in Rhode Island is closed; Connecticut is open.
    const evening = "2026-03-09T22:00:00Z";
    expect(await checkContact(db, { region: "RI", at: evening, channel: "CALL", score: 90 })).toMatchObject({ ok: false, reason: "outside_window" });
    expect(await checkContact(db, { region: "CT", at: evening, channel: "CALL", score: 90 })).toMatchObject({ ok: true });
  });

  it("rejects a malformed query as an expected error", async () => {
    await expect(checkContact(db, { region: "ON", at: "tomorrow", channel: "SMS", score: 80 })).rejects.toMatchObject({ code: "invalid", field: "at" });
  });
});
