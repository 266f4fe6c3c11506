import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listConversations } from "@/lib/conversations/queries";
import { replyInThread } from "@/lib/conversations/reply";
import { ConversationQuery } from "@/lib/conversations/schema";
import { DEMO_STOP_REPLY } from "@/lib/conversations/demo";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

const NOW = new Date("2026-12-09T16:00:00Z");
let database: Database;
let db: TenantDb;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma, NOW);
  db = await database.prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } }).then((t) => scopeToTenant(database.prisma, t.id));
}, 300_000);
afterAll(() => database.close());

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
