/**
 * The outreach demo, seeded once: conversations with replies on both channels, a finished
 * campaign, a throttled number, logged calls and mail pieces with their proofs.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCampaignMetrics } from "@/lib/campaigns/queries";
import { DEMO_STOP_REPLY } from "@/lib/conversations/demo";
import { listConversations } from "@/lib/conversations/queries";
import { replyInThread } from "@/lib/conversations/reply";
import { ConversationQuery } from "@/lib/conversations/schema";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEMO_SECOND_NUMBER } from "@/lib/deliverability/demo";
import { listSenders } from "@/lib/deliverability/overview";
import { variantReport } from "@/lib/deliverability/variant-report";
import { DEMO_NORTH_SLUG, DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { readStoredFile } from "@/lib/files";
import { getLadderTemplate } from "@/lib/ladder/templates";
import { getDealDetail } from "@/lib/prospects/detail";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

const NOW = new Date("2026-12-09T16:00:00Z");
let database: Database;
let db: TenantDb;
let filesDir: string;

const tenantDb = (slug: string) => database.prisma.tenant.findUniqueOrThrow({ where: { slug } }).then((t) => scopeToTenant(database.prisma, t.id));

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-outreach-demo-"));
  process.env.FILES_DIR = filesDir;
  database = await createTestDatabase();
  useDatabase(database);
  await seedDemo(database.prisma, NOW);
  db = await tenantDb(DEMO_TENANT_SLUG);
}, 300_000);
afterAll(async () => {
  await database?.close();
  await rm(filesDir, { recursive: true, force: true });
  delete process.env.FILES_DIR;
});

describe("demo conversations", () => {
  it("has threads with unread replies on both channels, and one read", async () => {
    const unread = await listConversations(db, ConversationQuery.parse({ unread: "1" }));
    expect(unread.total).toBeGreaterThan(0);
    const channels = new Set(unread.rows.filter((r) => r.lastDirection === "INBOUND").map((r) => r.lastChannel));
    expect(channels).toEqual(new Set(["SMS", "EMAIL"]));
    const emailReplies = await db.message.findMany({ where: { channel: "EMAIL", direction: "INBOUND", replyToMessageId: { not: null } } });
    expect(emailReplies.length).toBeGreaterThanOrEqual(2);
    expect(await db.conversation.count({ where: { readAt: { not: null }, unreadCount: 0 } })).toBeGreaterThanOrEqual(1);
  });

  it("has a lead who texted STOP, whose thread refuses a reply by text with the consent gate", async () => {
    const stop = await db.message.findFirstOrThrow({ where: { direction: "INBOUND", body: DEMO_STOP_REPLY } });
    const result = await replyInThread(db, `deal:${stop.dealId}`, { channel: "SMS", body: "Sorry to bother you" }, { actorId: null, now: NOW }, {
      providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: "https://demo.test", secret: "s",
    });
    expect(result).toMatchObject({ status: "BLOCKED", gate: "consent", reason: "opted_out" });
  });
});

describe("demo campaign", () => {
  it("has one finished campaign with opens, clicks and a bounce", async () => {
    const [campaign] = await db.campaign.findMany({ where: { status: "FINISHED" } });
    const metrics = await getCampaignMetrics(db, campaign.id);
    expect(metrics.funnel.opened).toBeGreaterThan(0);
    expect(metrics.funnel.clicked).toBeGreaterThan(0);
    expect(metrics.funnel.bounced).toBeGreaterThan(0);
  });
});

describe("demo deliverability", () => {
  it("has two sending numbers, the second slowed with its recorded reason, and the owner alerted", async () => {
    const senders = await listSenders(db, NOW);
    expect(senders.map((s) => [s.address, s.status])).toEqual([["+15550100200", "ACTIVE"], [DEMO_SECOND_NUMBER, "SLOWED"]]);
    const second = senders[1];
    expect(second.rate).toBe(0.5);
    expect(second.last24h).toMatchObject({ sent: 24, delivered: 18, optOuts: 1, replies: 2 });
    const decision = await db.throttleDecision.findFirstOrThrow({ where: { identityId: second.id } });
    expect(decision).toMatchObject({ action: "slow", fromStatus: "ACTIVE", toStatus: "SLOWED" });
    expect(decision.reasons).toEqual(["Delivery over the last 24 h is 75 %, under 85 %.", "Opt-outs over the last 24 h are 4.2 %, over 2 %."]);
    expect(await db.notification.count({ where: { kind: "deliverability.slow" } })).toBeGreaterThan(0);
  });

  it("reports the rotated wordings of the ladder's first text, which the saved ladder holds", async () => {
    const rows = await variantReport(db, NOW);
    expect(rows.map((r) => [r.variantKey, r.sent, r.replies, r.optOuts])).toEqual([["ladder:1:0", 12, 2, 0], ["ladder:1:1", 12, 0, 1]]);
    const ladder = await getLadderTemplate(db);
    expect(ladder.isDefault).toBe(false);
    expect(ladder.steps[0].variants).toHaveLength(1);
  });
});

describe("demo calls and mail", () => {
  it("the leads carry logged calls, with outcomes and lengths, on their timelines", async () => {
    const calls = await db.call.findMany({ orderBy: { startedAt: "desc" } });
    expect(calls.map((c) => c.outcome)).toEqual(["connected_interested", "left_voicemail", "no_answer", "connected_not_interested"]);
    expect(calls.every((c) => c.endedAt && c.durationSeconds !== null && c.startedAt < NOW)).toBe(true);
    const detail = await getDealDetail(db, calls[0].dealId!);
    expect(detail!.timeline.find((e) => e.id === calls[0].id)?.title).toMatch(/^Call to \+\d+ by .+: Connected – interested, 4m 12s$/);
  });

  it.each([DEMO_TENANT_SLUG, DEMO_NORTH_SLUG])("the %s demo has a delivered letter and a postcard on its way, each with its PDF proof", async (slug) => {
    const tenant = await tenantDb(slug);
    const pieces = await tenant.mailPiece.findMany({ orderBy: { createdAt: "asc" } });
    expect(pieces.map((p) => [p.kind, p.status])).toEqual([
      ["LETTER", "DELIVERED"],
      ["POSTCARD", expect.stringMatching(/^(MAILED|IN_TRANSIT)$/)],
    ]);
    for (const piece of pieces) {
      const proof = await readStoredFile(tenant, piece.proofFileId!);
      expect(Buffer.from(proof!.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    }
  });
});
