import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createBatch } from "@/app/api/v1/deals/batch/route";
import { POST as createDealRoute } from "@/app/api/v1/deals/route";
import { POST as inboundEmail } from "@/app/api/webhooks/inbound-email/[tenantSlug]/route";
import { API_SCOPES, createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createDeal } from "@/lib/deals/create";
import { LimitExceededError } from "@/lib/errors";
import type { ColumnMapping } from "@/lib/imports/schema";
import { createImportJob, runImport } from "@/lib/imports/service";
import { signInboundEmail } from "@/lib/intake/webhook";
import type { Plan } from "@/lib/plans/plans";
import { changePlan, getWorkspaceUsage } from "@/lib/plans/service";
import { sendMessage } from "@/lib/outbound";
import { upsertMarketPolicy } from "@/lib/policy";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { provisionTenant } from "@/lib/tenants/provision";
import { updateTenantSettings } from "@/lib/tenants/settings";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
const actor = { actorId: null, actorEmail: "owner@example.test", requestId: "req-quota" };
const SECRET = "quota-inbound-secret-0123456789";

async function newTenant(plan: Plan): Promise<{ db: TenantDb; slug: string }> {
  const tag = randomBytes(4).toString("hex");
  const slug = `quota-${tag}`;
  const tenant = await provisionTenant(
    database.prisma,
    { slug, name: `Quota ${tag}`, timeZone: "America/Chicago", country: "US", plan },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  return { db: scopeToTenant(database.prisma, tenant.id), slug };
}

/** `count` deals created now, and five last month that the quota must not count. */
async function seedDeals(db: TenantDb, count: number) {
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1) - 86_400_000);
  await database.prisma.deal.createMany({
    data: [
      ...Array.from({ length: count }, (_, i) => ({ tenantId: db.tenantId, source: "MANUAL" as const, addressKey: `seed-${i}`, raw: {} })),
      ...Array.from({ length: 5 }, (_, i) => ({ tenantId: db.tenantId, source: "MANUAL" as const, addressKey: `old-${i}`, raw: {}, createdAt: lastMonth })),
    ],
  });
}

const MAPPING: ColumnMapping = [
  { header: "Address", field: "street" },
  { header: "City", field: "city" },
  { header: "State", field: "region" },
  { header: "Zip", field: "postalCode" },
];
const address = (n: number) => ({ street: `${n} Quota Street`, city: "Memphis", region: "TN", postalCode: "38103" });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
});
afterAll(() => database.close());

describe("monthly property quota", () => {
  it("an import keeps the rows that fit and reports each other one as a row error naming the quota", async () => {
    const { db } = await newTenant("FREE");
    await seedDeals(db, 97);
    const csv = ["Address,City,State,Zip", ...[1, 2, 3, 4, 5, 6].map((n) => `${n} Quota Street,Memphis,TN,38103`)].join("\n");
    const job = await createImportJob(db, { fileName: "leads.csv", mapping: MAPPING, totalRows: 6 }, actor);
    const done = await runImport(db, job.id, Readable.from([csv]), { batchSize: 2, actor });

    expect(done).toMatchObject({ status: "DONE", processedRows: 6, created: 3, errorCount: 3 });
    const errors = await db.importRowError.findMany({ where: { jobId: job.id }, orderBy: { rowNumber: "asc" } });
    expect(errors.map((e) => e.rowNumber)).toEqual([5, 6, 7]);
    for (const error of errors) {
      expect(error.message).toMatch(/Free plan's quota of 100 new properties a month is used \(100 of 100\); it resets on \d+ \w+ \d{4} at 00:00 UTC/);
    }
    expect(errors[0].raw).toEqual(["4 Quota Street", "Memphis", "TN", "38103"]);
    expect(await db.deal.count({ where: { addressKey: { not: { startsWith: "seed-" } }, NOT: { addressKey: { startsWith: "old-" } } } })).toBe(3);
  });

  it("the API refuses a deal past the quota with 429, Retry-After until the month resets, and the quota named", async () => {
    const { db } = await newTenant("FREE");
    await seedDeals(db, 100);
    const key = (await createApiKey(db, { name: "crm", scopes: [...API_SCOPES] }, actor)).key;
    const refused = await callRoute(createDealRoute, "/api/v1/deals", { key, method: "POST", body: address(1) });
    expect(refused.status).toBe(429);
    const json = (await refused.json()) as { error: string; limit: { kind: string; name: string; limit: number; used: number; resetsAt: string } };
    expect(json.limit).toMatchObject({ kind: "quota", name: "monthly-properties", limit: 100, used: 100 });
    expect(json.error).toContain("resets on");
    const resetsAt = new Date(json.limit.resetsAt);
    expect(resetsAt.getUTCDate()).toBe(1);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Math.abs(Date.now() + retryAfter * 1000 - resetsAt.getTime())).toBeLessThan(5_000);
    expect(await db.deal.count()).toBe(105);
  });

  it("a batch keeps the deals that fit and lists the rest by index", async () => {
    const { db } = await newTenant("FREE");
    await seedDeals(db, 98);
    const key = (await createApiKey(db, { name: "crm", scopes: [...API_SCOPES] }, actor)).key;
    const response = await callRoute(createBatch, "/api/v1/deals/batch", { key, method: "POST", body: { deals: [1, 2, 3, 4].map(address) } });
    expect(response.status).toBe(200);
    const json = (await response.json()) as { created: unknown[]; overQuota: { index: number; error: string }[]; quota: { limit: number } };
    expect(json.created).toHaveLength(2);
    expect(json.overQuota.map((o) => o.index)).toEqual([2, 3]);
    expect(json.quota.limit).toBe(100);
  });

  it("email intake answers 429 past the quota and takes the email in again after an upgrade", async () => {
    const { db, slug } = await newTenant("FREE");
    await updateTenantSettings(db, { inboundEmailSecret: SECRET });
    await seedDeals(db, 100);
    const body = JSON.stringify({ messageId: "<q-1@example.test>", subject: "Deal", text: "Property: 1418 Vollintine Ave, Memphis, TN 38107\nAsking: $85k\nARV: 160,000" });
    const post = () => callRoute(inboundEmail, `/api/webhooks/inbound-email/${slug}`, { method: "POST", body, params: { tenantSlug: slug }, headers: { "x-dealflow-signature": signInboundEmail(SECRET, body) } });
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: string }).error).toContain("quota of 100 new properties");
    expect(await db.inboundEmail.count()).toBe(0);

    await database.prisma.tenant.update({ where: { id: db.tenantId }, data: { plan: "PRO" } });
    const taken = await post();
    expect(taken.status).toBe(201);
    expect(await db.deal.count({ where: { source: "EMAIL" } })).toBe(1);
  });

  it("the hand-made deal form is refused with the quota named; Enterprise counts nothing", async () => {
    const { db } = await newTenant("FREE");
    await seedDeals(db, 100);
    const attempt = createDeal(db, actor, { ...address(9), tags: [] } as Parameters<typeof createDeal>[2]);
    await expect(attempt).rejects.toBeInstanceOf(LimitExceededError);
    await expect(attempt).rejects.toThrow(/quota of 100 new properties a month is used \(100 of 100\)/);

    const unlimited = await newTenant("ENTERPRISE");
    await seedDeals(unlimited.db, 150);
    await expect(createDeal(unlimited.db, actor, { ...address(9), tags: [] } as Parameters<typeof createDeal>[2])).resolves.toHaveProperty("id");
  });
});

describe("plan and usage", () => {
  it("reports properties this month and messages today against the lower of setting and plan cap", async () => {
    const { db } = await newTenant("FREE");
    await seedDeals(db, 12);
    await updateTenantSettings(db, { outboundDailyCapSms: 40, outboundDailyCapEmail: 5_000 });
    const usage = await getWorkspaceUsage(db);
    expect(usage.plan).toBe("FREE");
    expect(usage.properties).toMatchObject({ used: 12, quota: 100 });
    expect(usage.messages.SMS).toMatchObject({ sentToday: 0, cap: 40, planCap: 100, settingCap: 40 });
    expect(usage.messages.EMAIL).toMatchObject({ cap: 250, planCap: 250, settingCap: 5_000 });
    expect(usage.rates.apiKey).toEqual({ capacity: 60, refillPerSecond: 1 });
  });

  it("only an owner changes the plan, and the change is audited", async () => {
    const { db } = await newTenant("FREE");
    await expect(changePlan(db, { plan: "PRO" }, { role: "admin", audit: actor })).rejects.toThrow(/Only an owner/);
    await expect(changePlan(db, { plan: "PRO" }, { role: "owner", audit: actor })).resolves.toEqual({ before: "FREE", after: "PRO" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tenant.plan_changed" } });
    expect(audit).toMatchObject({ before: { plan: "FREE" }, after: { plan: "PRO" } });
  });
});

describe("daily message caps by plan", () => {
  it("the outbound gate applies the lower of the workspace's cap and the plan's", async () => {
    const { db } = await newTenant("FREE");
    await updateTenantSettings(db, { postalAddress: "100 Main Street, Albany, NY 12207", outboundDailyCapSms: 500 });
    await upsertMarketPolicy(
      db,
      { region: "NY", market: "ALWAYS", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS"], minLeadScore: 0 }, reason: "Open around the clock" },
      actor,
    );
    const deal = await db.deal.create({
      data: { source: "MANUAL", addressKey: "cap-lead", raw: {}, region: "NY", market: "ALWAYS", postalCode: "10001", country: "US", timeZone: "America/New_York", score: 80, contactPhone: "+12125550199" } as never,
    });
    await db.contactConsent.create({ data: { channel: "SMS", address: "+12125550199", status: "OPTED_IN", source: "import" } as never });
    await db.message.createMany({
      data: Array.from({ length: 100 }, () => ({ channel: "SMS" as const, direction: "OUTBOUND" as const, status: "SENT" as const, toAddress: "+12125550100", body: "Earlier today", provider: "outbox" })),
    });
    const deps = { providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: "https://app.example.test", secret: "test-secret-0123456789abcdef" };

    const blocked = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Still selling?" }, deps);
    expect(blocked).toMatchObject({ status: "BLOCKED", gate: "daily_cap", reason: "daily_cap_reached" });
    expect(blocked.status === "BLOCKED" && blocked.detail).toContain("cap of 100");

    await changePlan(db, { plan: "PRO" }, { role: "owner", audit: actor });
    expect((await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Still selling?" }, deps)).status).toBe("SENT");
  });
});
