// A lead's thread with 500 messages (plus calls and a mail piece) among many other leads'
// threads: getThread reads the newest 100 items (the page's first view) and the whole 500,
// and listConversations reads the list's first page. Goal: the thread in <= 200 ms p95.
// Baseline in the same run: the lead's primary-key lookup.
// Usage: npx tsx bench/conversations.ts [--db pglite|postgres] [--scale 500] [--json file]
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { getThread, listConversations } from "@/lib/conversations/queries";
import { ConversationQuery } from "@/lib/conversations/schema";
import { scopeToTenant } from "@/lib/db/tenant";
import { openBenchDatabase, parseBenchArgs, writeFigures } from "./database";
import { measureLatency } from "./support";

const args = parseBenchArgs();
const MESSAGES = args.scale ?? Number(args.positional[0] ?? 500);
const OTHER_LEADS = 300;
const OTHER_MESSAGES = 20;
const GOAL_MS = 200;
const RUNS = 40;

async function main() {
  const bench = await openBenchDatabase(args.db);
  const { database } = bench;
  const tenant = await database.prisma.tenant.create({ data: { slug: "bench-conversations", name: "Bench Homes", timeZone: "America/Chicago", country: "US" } });
  const db = scopeToTenant(database.prisma, tenant.id);
  const start = Date.UTC(2026, 0, 1);

  const deal = (n: number) => ({
    id: randomUUID(), tenantId: tenant.id, source: "API" as const, addressKey: `CONV-${n}`, raw: {}, street: `${n} Main St`, city: "Houston",
    region: "TX", market: "Houston", postalCode: "77002", contactPhone: `+1713${String(5_000_000 + n).padStart(7, "0")}`, contactEmail: `lead${n}@bench.example`,
  });
  const deals = Array.from({ length: OTHER_LEADS + 1 }, (_, n) => deal(n));
  await db.deal.createMany({ data: deals });
  const message = (dealId: string, i: number, phone: string): Prisma.MessageCreateManyInput => {
    const email = i % 4 === 0;
    const inbound = i % 3 === 0;
    return {
      tenantId: tenant.id, dealId, channel: email ? "EMAIL" : "SMS", direction: inbound ? "INBOUND" : "OUTBOUND", status: inbound ? "RECEIVED" : i % 11 === 0 ? "BLOCKED" : "DELIVERED",
      blockedReason: !inbound && i % 11 === 0 ? "outside_window" : null, toAddress: phone, fromAddress: "+15550100200", subject: email ? `Subject ${i}` : null,
      body: `Message ${i} about the house, with a few words more so the row has a realistic size.`, provider: "outbox", providerMessageId: `bench-${randomUUID()}`,
      createdAt: new Date(start + i * 3_600_000),
    };
  };
  // The other leads first, interleaved in time with the lead under test, so its rows are spread over the table.
  const others = deals.slice(1).flatMap((d) => Array.from({ length: OTHER_MESSAGES }, (_, i) => message(d.id, i * 25 + (d.addressKey.length % 7), d.contactPhone)));
  for (let i = 0; i < others.length; i += 2_000) await db.message.createMany({ data: others.slice(i, i + 2_000) });
  const lead = deals[0];
  const mine = Array.from({ length: MESSAGES }, (_, i) => message(lead.id, i, lead.contactPhone));
  for (let i = 0; i < mine.length; i += 2_000) await db.message.createMany({ data: mine.slice(i, i + 2_000) });
  await db.call.createMany({
    data: Array.from({ length: 20 }, (_, i) => ({ tenantId: tenant.id, dealId: lead.id, toNumber: lead.contactPhone, provider: "local", status: "COMPLETED" as const, durationSeconds: 60 + i, startedAt: new Date(start + (i * 25 + 1) * 3_600_000) })),
  });
  await db.mailPiece.create({
    data: { dealId: lead.id, kind: "POSTCARD", status: "MAILED", toName: "Lead", addressLine1: "0 Main St", city: "Houston", region: "TX", postalCode: "77002", country: "US", body: "We buy", provider: "local", createdAt: new Date(start + 7_200_000) },
  });
  const threadKey = `deal:${lead.id}`;

  const baseline = await measureLatency(() => db.deal.findUnique({ where: { id: lead.id } }), { runs: RUNS, warmups: 5 });
  const newest = await measureLatency(() => getThread(db, threadKey, 100), { runs: RUNS, warmups: 5 });
  const whole = await measureLatency(() => getThread(db, threadKey, 1000), { runs: RUNS, warmups: 3 });
  const list = await measureLatency(() => listConversations(db, ConversationQuery.parse({})), { runs: RUNS, warmups: 3 });
  const shown = (await getThread(db, threadKey, 1000)).items.length;

  console.log(`${bench.label}: a lead with ${MESSAGES} messages, 20 calls and a postcard, among ${OTHER_LEADS} other leads with ${OTHER_MESSAGES} messages each; ${RUNS} runs`);
  console.log(`baseline (the lead's primary-key lookup): p50 ${baseline.p50.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms`);
  console.log(`getThread, newest 100 items: p50 ${newest.p50.toFixed(1)} ms, p95 ${newest.p95.toFixed(1)} ms (${(newest.p95 / baseline.p95).toFixed(1)}x baseline), goal <= ${GOAL_MS} ms: ${newest.p95 <= GOAL_MS ? "met" : "MISSED"}`);
  console.log(`getThread, all ${shown} items: p50 ${whole.p50.toFixed(1)} ms, p95 ${whole.p95.toFixed(1)} ms (${(whole.p95 / baseline.p95).toFixed(1)}x baseline), goal <= ${GOAL_MS} ms: ${whole.p95 <= GOAL_MS ? "met" : "MISSED"}`);
  console.log(`listConversations, first page of ${OTHER_LEADS + 1} threads: p50 ${list.p50.toFixed(1)} ms, p95 ${list.p95.toFixed(1)} ms`);
  writeFigures(args, "conversations", bench, [
    { what: `getThread of a lead with ${MESSAGES} messages, newest 100 items (p95)`, value: newest.p95, unit: "ms", goal: `<= ${GOAL_MS}`, met: newest.p95 <= GOAL_MS, baseline: baseline.p95, baselineLabel: "the lead's primary-key lookup" },
    { what: `getThread of a lead with ${MESSAGES} messages, every item (p95)`, value: whole.p95, unit: "ms", goal: `<= ${GOAL_MS}`, met: whole.p95 <= GOAL_MS, baseline: baseline.p95, baselineLabel: "the lead's primary-key lookup" },
    { what: `listConversations first page of ${OTHER_LEADS + 1} threads (p95)`, value: list.p95, unit: "ms", baseline: baseline.p95, baselineLabel: "the lead's primary-key lookup" },
  ]);
  await bench.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
