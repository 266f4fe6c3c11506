import { InngestTestEngine } from "@inngest/test";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS } from "@/lib/events/catalog";
import { createFollowUpLadder, createLadderStopHandler } from "@/inngest/functions/ladder";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { sendThroughOutbound } from "@/lib/ladder/sender";
import { handleTwilioInbound } from "@/lib/outbound/webhooks";
import { seedMarketPolicies } from "@/lib/policy";
import { createTestDatabase } from "../helpers/db";

// A reply that arrives through the real inbound SMS path (the function the Twilio webhook
// calls) must reach the ladder: the inbound handler writes a `message/received` event to
// the outbox, and that event, delivered to the ladder's stop handling, ends the ladder.

const SLUG = "ladder-reply";
const AUTH_TOKEN = "abcdefabcdefabcdefabcdefabcdef12";
const BASE = "https://dealflow.example.test";

let database: Database;
let db: TenantDb;
let tenantId: string;
let vaId: string;
let phoneSeq = 300;

const tenantDb = async () => db;
const stopHandler = createLadderStopHandler({ tenantDb });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: SLUG, name: "Maple Homes", timeZone: "America/Toronto", country: "CA" } });
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenantId);
  await seedMarketPolicies(db, null);
  vaId = (await database.prisma.user.create({ data: { email: "va@ladder-reply.test", name: "Vera VA", passwordHash: "x" } })).id;
});
afterAll(() => database.close());

async function makeLead() {
  const phone = `+1416555${String(phoneSeq++).padStart(4, "0")}`;
  const deal = await db.deal.create({
    data: {
      source: "MANUAL", addressKey: `K-${phone}`, raw: {}, street: "12 Elm St", city: "Toronto", region: "ON", market: "TORONTO",
      timeZone: "America/Toronto", country: "CA", score: 80, contactName: "Dana Seller", contactPhone: phone, ownerId: vaId,
    } as never,
  });
  await db.contactConsent.create({ data: { channel: "SMS", address: phone, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
  return deal;
}

/** The inbound webhook's request, signed as Twilio signs it. */
function twilioInbound(params: Record<string, string>) {
  const url = `${BASE}/api/webhooks/twilio/${SLUG}/inbound`;
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params);
  return { url, headers: new Headers({ "x-twilio-signature": signature, "content-type": "application/x-www-form-urlencoded" }), rawBody: new URLSearchParams(params).toString() };
}

/** The outbox's `message/received` events about this deal. */
async function repliesInOutbox(dealId: string) {
  const rows = await db.eventOutbox.findMany({ where: { name: EVENTS.messageReceived }, orderBy: { createdAt: "asc" } });
  return rows.filter((row) => (row.data as { dealId?: string }).dealId === dealId);
}

/** What the dispatcher does for the ladder: hand each outbox event to the stop handling. */
async function deliverToLadder(rows: { name: string; data: unknown }[]) {
  for (const row of rows) {
    await new InngestTestEngine({ function: stopHandler, events: [{ name: row.name, data: row.data as Record<string, unknown> }] }).execute();
  }
}

const waits = (extra: Record<string, () => unknown>) =>
  [1, 2, 3, 4, 5, 6].map((n) => ({ id: `wait-step-${n}`, handler: extra[`wait-step-${n}`] ?? (() => undefined) }));

describe("a lead's SMS reply through the inbound webhook handling", () => {
  it("lands in the outbox as message/received for the deal and stops the ladder: no later step sends", async () => {
    const deal = await makeLead();
    const start = new Date("2026-03-02T14:00:00Z"); // Monday 09:00 in Toronto
    let inboundDealId: string | null = null;
    let replyEvents: Awaited<ReturnType<typeof repliesInOutbox>> = [];

    const { result } = await new InngestTestEngine({
      function: createFollowUpLadder({ send: sendThroughOutbound, now: () => start, tenantDb }),
      events: [{ name: EVENTS.leadCreated, data: { tenantId, dealId: deal.id } }],
      steps: waits({
        // While the run sleeps before step 3, the lead texts back.
        "wait-step-3": async () => {
          const inbound = await handleTwilioInbound(
            db,
            twilioInbound({ MessageSid: `SMreply${deal.id}`, From: deal.contactPhone!, To: "+15005550006", Body: "Yes, call me tomorrow", AccountSid: "AC123" }),
            AUTH_TOKEN,
          );
          inboundDealId = inbound.dealId;
          replyEvents = await repliesInOutbox(deal.id);
          await deliverToLadder(replyEvents);
        },
      }),
    }).execute();

    expect(inboundDealId).toBe(deal.id);
    expect(replyEvents, "the inbound reply wrote a message/received event for the deal").toHaveLength(1);
    expect(replyEvents[0].data).toMatchObject({ tenantId, dealId: deal.id, channel: "SMS" });
    const ladder = await db.followUpLadder.findFirstOrThrow({ where: { dealId: deal.id } });
    expect(ladder).toMatchObject({ status: "STOPPED", stopReason: "reply" });
    expect(result).toMatchObject({ ended: "STOPPED", atStep: 3 });

    // Step 1 went out before the reply; nothing after it did.
    const outbound = await db.message.findMany({ where: { dealId: deal.id, direction: "OUTBOUND" } });
    expect(outbound.map((m) => m.ladderStep)).toEqual([1]);
    const inbound = await db.message.findMany({ where: { dealId: deal.id, direction: "INBOUND" } });
    expect(inbound.map((m) => m.body)).toEqual(["Yes, call me tomorrow"]);
    const tasks = await db.followUpTask.findMany({ where: { dealId: deal.id } });
    expect(tasks.every((t) => t.status === "CANCELLED")).toBe(true);
  });

  it("a reply alone (no step pending) also ends an active ladder once its event is delivered", async () => {
    const deal = await makeLead();
    const start = new Date("2026-03-02T14:00:00Z");
    // Run the first two steps, then leave the ladder active as if the run were sleeping.
    await new InngestTestEngine({
      function: createFollowUpLadder({ send: sendThroughOutbound, now: () => start, tenantDb }),
      events: [{ name: EVENTS.leadCreated, data: { tenantId, dealId: deal.id } }],
      steps: waits({}),
    }).execute();
    await db.followUpLadder.updateMany({ where: { dealId: deal.id }, data: { status: "ACTIVE", stoppedAt: null, stopReason: null } });

    await handleTwilioInbound(
      db,
      twilioInbound({ MessageSid: `SMlate${deal.id}`, From: deal.contactPhone!, To: "+15005550006", Body: "who is this?", AccountSid: "AC123" }),
      AUTH_TOKEN,
    );
    const events = await repliesInOutbox(deal.id);
    expect(events).toHaveLength(1);
    await deliverToLadder(events);
    expect(await db.followUpLadder.findFirstOrThrow({ where: { dealId: deal.id } })).toMatchObject({ status: "STOPPED", stopReason: "reply" });
  });
});
