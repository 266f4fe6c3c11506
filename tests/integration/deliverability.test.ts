import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { runOutboundControl } from "@/lib/deliverability/control";
import { setSendingIdentityStatus } from "@/lib/deliverability/identities";
import { variantsOf } from "@/lib/deliverability/rotation";
import { senderStats } from "@/lib/deliverability/stats";
import { sendMessage, type OutboundDeps } from "@/lib/outbound";
import { seedMarketPolicies } from "@/lib/policy";
import type { MessagingProviders, OutboundSms, SmsProvider } from "@/lib/providers/messaging";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let ownerId: string;
const ctx = { actorId: "user-1", actorEmail: "owner@deliverability.test", requestId: "req-1" };
// Tuesday 2026-03-10 15:00 in New York: inside the default contact window.
const OPEN = new Date("2026-03-10T19:00:00Z");
const HOUR = 3_600_000;
/** No provider credentials: nothing syncs from the environment. */
const NO_ENV = {};

const handed: OutboundSms[] = [];
const sms: SmsProvider = { name: "outbox", async send(message) { handed.push(message); return createOutboxSmsProvider().send(message); } };
const deps: OutboundDeps = { providers: { sms, email: createOutboxEmailProvider() } satisfies MessagingProviders, baseUrl: "https://app.example.test", secret: "test-secret-0123456789abcdef" };
let counter = 0;

async function makeLead() {
  counter += 1;
  const phone = `+1212555${String(2000 + counter).slice(-4)}`;
  const deal = await db.deal.create({
    data: { source: "MANUAL", addressKey: `D-${counter}`, raw: {}, region: "NY", market: "NEW YORK", postalCode: "10001", country: "US", timeZone: "America/New_York", score: 80, contactName: `Lead ${counter}`, contactPhone: phone, contactEmail: `lead${counter}@example.com` } as never,
  });
  await db.contactConsent.createMany({ data: [{ channel: "SMS", address: phone, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "import" }, { channel: "EMAIL", address: `lead${counter}@example.com`, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "import" }] as never });
  return deal;
}

async function identity(address: string, data: Record<string, unknown> = {}, channel: "SMS" | "EMAIL" = "SMS") {
  return db.sendingIdentity.create({ data: { channel, address, ...data } as never });
}

/** `n` outbound texts from `from`, `at`, with the given status. */
async function outbound(from: string, n: number, status: string, at: Date) {
  await db.message.createMany({
    data: Array.from({ length: n }, (_, i) => ({ channel: "SMS", direction: "OUTBOUND", status, toAddress: `+1917555${String(1000 + i).slice(-4)}`, fromAddress: from, body: "Hello", provider: "outbox", createdAt: at })) as never,
  });
}
async function inbound(to: string, bodies: string[], at: Date) {
  await db.message.createMany({ data: bodies.map((body, i) => ({ channel: "SMS", direction: "INBOUND", status: "RECEIVED", toAddress: to, fromAddress: `+1917555${String(1000 + i).slice(-4)}`, body, provider: "outbox", createdAt: at })) as never });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "deliverability-a", name: "Acme Homes", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  const owner = await database.prisma.user.create({ data: { email: "owner@deliverability.test", name: "Owner", passwordHash: "x" } });
  ownerId = owner.id;
  await database.prisma.membership.create({ data: { tenantId: tenant.id, userId: owner.id, role: "owner" } });
  await seedMarketPolicies(db, null);
});
afterAll(() => database.close());
beforeEach(async () => {
  handed.length = 0;
  await db.message.deleteMany({});
  await db.throttleDecision.deleteMany({});
  await db.sendingIdentity.deleteMany({});
  await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { postalAddress: "100 Main Street, Albany, NY 12207" } as never } });
});

describe("sender stats", () => {
  it("counts receipts, replies and STOPs per number over 24 h and 7 days", async () => {
    const number = await identity("+15550100201");
    const other = await identity("+15550100202");
    await outbound(number.address, 8, "DELIVERED", new Date(OPEN.getTime() - 2 * HOUR));
    await outbound(number.address, 2, "UNDELIVERED", new Date(OPEN.getTime() - 2 * HOUR));
    await outbound(number.address, 5, "DELIVERED", new Date(OPEN.getTime() - 3 * 24 * HOUR));
    await outbound(other.address, 4, "DELIVERED", new Date(OPEN.getTime() - HOUR));
    await inbound(number.address, ["Yes, interested", "STOP", "stop."], new Date(OPEN.getTime() - HOUR));
    await inbound(number.address, ["Call me"], new Date(OPEN.getTime() - 4 * 24 * HOUR));

    const stats = await senderStats(db, [number, other], OPEN);
    expect(stats.get(number.id)).toEqual({
      last24h: { sent: 10, settled: 10, delivered: 8, replies: 1, optOuts: 2 },
      last7d: { sent: 15, settled: 15, delivered: 13, replies: 2, optOuts: 2 },
    });
    expect(stats.get(other.id)!.last24h).toMatchObject({ sent: 4, delivered: 4, replies: 0 });
  });
});

describe("the outbound-control engine", () => {
  it("slows a number whose delivery fell under 85 %, records why and alerts the owner; it then settles before the next step", async () => {
    const number = await identity("+15550100211");
    await outbound(number.address, 24, "DELIVERED", new Date(OPEN.getTime() - 2 * HOUR));
    await outbound(number.address, 6, "UNDELIVERED", new Date(OPEN.getTime() - 2 * HOUR));
    const before = await db.notification.count({ where: { userId: ownerId } });

    const report = await runOutboundControl(db, { now: OPEN, env: NO_ENV });
    expect(report).toMatchObject({ senders: 1, changed: 1, slowed: 1 });
    expect(await db.sendingIdentity.findUniqueOrThrow({ where: { id: number.id } })).toMatchObject({ status: "SLOWED", rate: 0.5 });
    const [decision] = await db.throttleDecision.findMany({ where: { identityId: number.id } });
    expect(decision).toMatchObject({ action: "slow", fromStatus: "ACTIVE", toStatus: "SLOWED", fromRate: 1, toRate: 0.5 });
    expect(decision.reasons).toEqual(["Delivery over the last 24 h is 80 %, under 85 %."]);
    expect(decision.stats).toMatchObject({ last24h: { sent: 30, delivered: 24 } });
    const alerts = await db.notification.findMany({ where: { userId: ownerId, kind: "deliverability.slow" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].body).toContain("80 %");
    expect(await db.notification.count({ where: { userId: ownerId } })).toBe(before + 1);

    // The next pass sees the same batch: the number settles first.
    expect(await runOutboundControl(db, { now: new Date(OPEN.getTime() + 15 * 60_000), env: NO_ENV })).toMatchObject({ changed: 0 });
    expect(await db.sendingIdentity.findUniqueOrThrow({ where: { id: number.id } })).toMatchObject({ status: "SLOWED", rate: 0.5 });
    // Seven hours on, the breach still inside the 24 h: one more step down.
    await runOutboundControl(db, { now: new Date(OPEN.getTime() + 7 * HOUR), env: NO_ENV });
    expect(await db.sendingIdentity.findUniqueOrThrow({ where: { id: number.id } })).toMatchObject({ status: "SLOWED", rate: 0.25 });
  });

  it("leaves a number paused by hand alone, and never judges a handful of messages", async () => {
    const paused = await identity("+15550100221");
    const quiet = await identity("+15550100222");
    await outbound(quiet.address, 5, "UNDELIVERED", new Date(OPEN.getTime() - HOUR));
    await setSendingIdentityStatus(db, { identityId: paused.id, action: "pause", reason: "Carrier complaint" }, ctx, new Date(OPEN.getTime() - 30 * HOUR));
    const report = await runOutboundControl(db, { now: OPEN, env: NO_ENV });
    expect(report).toMatchObject({ senders: 2, changed: 0, heldByHand: 1 });
    expect(await db.sendingIdentity.findUniqueOrThrow({ where: { id: paused.id } })).toMatchObject({ status: "PAUSED", rate: 0 });
    expect(await db.sendingIdentity.findUniqueOrThrow({ where: { id: quiet.id } })).toMatchObject({ status: "ACTIVE", rate: 1 });
    expect(await db.auditEvent.count({ where: { action: "sending_identity.paused", entityId: paused.id } })).toBe(1);
  });
});

describe("sending through deliverability control", () => {
  it("refuses a text when every number is paused, with the sender gate, and queues nothing", async () => {
    await identity("+15550100231", { status: "PAUSED", rate: 0, statusReason: "Delivery over the last 24 h is 60 %, under 85 %." });
    const deal = await makeLead();
    const result = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hi, still selling?", now: OPEN }, deps);
    expect(result).toMatchObject({ status: "BLOCKED", gate: "sender", reason: "sender_paused" });
    expect(result.status === "BLOCKED" && result.detail).toContain("60 %");
    expect(handed).toHaveLength(0);
    expect(await db.message.count({ where: { status: { in: ["QUEUED", "SENT"] } } })).toBe(0);
    expect(await db.message.findUniqueOrThrow({ where: { id: result.messageId } })).toMatchObject({ status: "BLOCKED", blockedReason: "sender_paused" });
  });

  it("refuses an email when the sending domain is paused", async () => {
    await identity("example-mail.com", { status: "PAUSED", rate: 0 }, "EMAIL");
    const deal = await makeLead();
    const result = await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Your house", body: "Hello", now: OPEN }, deps);
    expect(result).toMatchObject({ status: "BLOCKED", gate: "sender", reason: "sender_paused" });
  });

  it("spreads texts by each number's rate: a slowed number carries its reduced share, then the senders refuse", async () => {
    await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { postalAddress: "100 Main Street", outboundDailyCapSms: 4 } as never } });
    const active = await identity("+15550100241");
    const slowed = await identity("+15550100242", { status: "SLOWED", rate: 0.5 });
    const results = [];
    for (let i = 0; i < 4; i++) {
      const deal = await makeLead();
      results.push(await sendMessage(db, { dealId: deal.id, channel: "SMS", body: `Hello ${i}`, now: OPEN }, deps));
    }
    expect(results.slice(0, 3).map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
    expect(results[3]).toMatchObject({ status: "BLOCKED", gate: "sender", reason: "sender_rate_reached" });
    const from = handed.map((m) => m.from);
    expect(from.filter((f) => f === active.address)).toHaveLength(2);
    expect(from.filter((f) => f === slowed.address)).toHaveLength(1);
    const sent = await db.message.findMany({ where: { status: "SENT" }, select: { fromAddress: true } });
    expect(sent.map((m) => m.fromAddress).sort()).toEqual([active.address, active.address, slowed.address]);
  });

  it("rotates a template's wordings so consecutive texts from a number differ", async () => {
    const number = await identity("+15550100251");
    const wordings = ["Hi, still thinking of selling?", "Hello again, is the house still for sale?", "Quick question: open to an offer?"];
    const bodies: string[] = [];
    const keys: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      const deal = await makeLead();
      const result = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: wordings[0], variants: variantsOf("ladder:1", wordings), now: OPEN }, deps);
      const row = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
      bodies.push(row.body);
      keys.push(row.variantKey);
      expect(row.fromAddress).toBe(number.address);
    }
    for (let i = 1; i < bodies.length; i++) expect(bodies[i]).not.toBe(bodies[i - 1]);
    expect(keys).toEqual(["ladder:1:0", "ladder:1:1", "ladder:1:2", "ladder:1:0", "ladder:1:1", "ladder:1:2"]);
  });

  it("sends as before with no senders configured", async () => {
    const deal = await makeLead();
    const result = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hi", now: OPEN }, deps);
    expect(result.status).toBe("SENT");
    expect(handed[0].from).toBeUndefined();
  });
});
