// Queueing a 10,000-recipient email campaign through the gates: materialising the audience
// (a Prospects query over 10,000 leads with an email: the score gate and the 30-day dedupe
// across campaigns decide BLOCKED or PENDING) and the first run (claiming the seeded daily
// limit of 100 and sending each through the outbound core's gates to the local outbox
// provider). Goal: <= 10 s. Baseline in the same run: a plain createMany of as many
// recipient rows. A further figure: a pass of 500 sends, for the per-send cost.
// Usage: npx tsx bench/campaigns.ts [--db pglite|postgres] [--scale 10k] [--json file]
import { randomUUID } from "node:crypto";
import { materializeRecipients } from "@/lib/campaigns/audience";
import { runCampaign } from "@/lib/campaigns/runner";
import { createCampaign, startCampaign } from "@/lib/campaigns/service";
import { scopeToTenant } from "@/lib/db/tenant";
import { upsertMarketPolicy } from "@/lib/policy";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { openBenchDatabase, parseBenchArgs, writeFigures } from "./database";

const args = parseBenchArgs();
const LEADS = args.scale ?? Number(args.positional[0] ?? 10_000);
const CHUNK = 2_000;
const GOAL_MS = 10_000;
const BASE_URL = "https://bench.example.test";
const SECRET = "bench-secret-bench-secret-bench-secret";
const ctx = { actorId: null, actorEmail: "bench@example.test", requestId: undefined };

async function main() {
  process.env.LOG_LEVEL ??= "error";
  const bench = await openBenchDatabase(args.db);
  const { database } = bench;
  const tenant = await database.prisma.tenant.create({
    data: { slug: "bench-campaigns", name: "Bench Homes", timeZone: "America/New_York", country: "US", settings: { postalAddress: "1 Main St, Albany, NY 12207", outboundDailyCapEmail: 100_000 } },
  });
  const db = scopeToTenant(database.prisma, tenant.id);
  await upsertMarketPolicy(
    db,
    { region: "NY", market: "BENCH", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["EMAIL"], minLeadScore: 0 }, reason: "Bench market" },
    ctx,
  );

  // 10,000 opted-in leads; one in ten under the minimum score of 60.
  const deals = Array.from({ length: LEADS }, (_, i) => ({
    id: randomUUID(),
    tenantId: tenant.id,
    source: "API" as const,
    addressKey: `CAMPAIGN-${i}`,
    raw: {},
    region: "NY",
    market: "BENCH",
    timeZone: "America/New_York",
    city: "Albany",
    street: `${i} Main St`,
    score: i % 10 === 0 ? 40 : 60 + (i % 40),
    contactName: `Lead ${i}`,
    contactEmail: `lead${i}@bench.example`,
  }));
  for (let i = 0; i < deals.length; i += CHUNK) {
    await db.deal.createMany({ data: deals.slice(i, i + CHUNK) });
    await db.contactConsent.createMany({ data: deals.slice(i, i + CHUNK).map((d) => ({ tenantId: tenant.id, channel: "EMAIL" as const, address: d.contactEmail, status: "OPTED_IN" as const, source: "form" })) });
  }

  const now = new Date();
  const input = (name: string, dailyLimit: number) => ({
    name,
    audienceQuery: "q=Albany",
    dailyLimit,
    variants: [
      { subject: "About {{address}}", body: "Hi {{first_name}}, would you sell {{address}} in {{city}}? https://homes.example.com/how" },
      { subject: "{{first_name}}, a question", body: "We buy in {{city}}. Reply if {{address}} is for sale." },
    ],
  });

  // One in twenty addresses was emailed by an earlier campaign a week ago: the dedupe keeps them out.
  const earlier = await createCampaign(db, input("Earlier", 100), ctx);
  const earlierVariant = await db.campaignVariant.findFirstOrThrow({ where: { campaignId: earlier.id }, select: { id: true } });
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  await db.campaignRecipient.createMany({
    data: deals.filter((_, i) => i % 20 === 1).map((d) => ({ tenantId: tenant.id, campaignId: earlier.id, variantId: earlierVariant.id, dealId: d.id, address: d.contactEmail, state: "SENT" as const, sentAt: weekAgo })),
  });
  await db.campaign.update({ where: { id: earlier.id }, data: { status: "FINISHED" } });

  // Baseline: as many recipient rows written by one plain createMany per chunk, no audience, no gates.
  const floor = await createCampaign(db, input("Floor", 100), ctx);
  const floorVariant = await db.campaignVariant.findFirstOrThrow({ where: { campaignId: floor.id }, select: { id: true } });
  let started = performance.now();
  for (let i = 0; i < deals.length; i += CHUNK) {
    await db.campaignRecipient.createMany({ data: deals.slice(i, i + CHUNK).map((d) => ({ tenantId: tenant.id, campaignId: floor.id, variantId: floorVariant.id, dealId: d.id, address: d.contactEmail, state: "PENDING" as const })) });
  }
  const baselineMs = performance.now() - started;
  await db.campaignRecipient.deleteMany({ where: { campaignId: floor.id } });

  const deps = { providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: BASE_URL, secret: SECRET };

  // The figure: starting the campaign and its first pass of the campaigns engine, which
  // materialises the audience and claims and sends the seeded daily limit of 100.
  const seeded = await createCampaign(db, input("Seeded limit", 100), ctx);
  started = performance.now();
  await startCampaign(db, seeded.id, ctx, { baseUrl: BASE_URL, secret: SECRET, now });
  const firstPass = await runCampaign(db, seeded.id, { deps, now: () => now });
  const queueMs = performance.now() - started;
  const states = await db.campaignRecipient.groupBy({ by: ["state", "gate"], where: { campaignId: seeded.id }, _count: { _all: true } });
  const counts = states.map((s) => `${s.state}${s.gate ? ` (${s.gate})` : ""} ${s._count._all}`).join(", ");

  // Its parts, on a second campaign over the same leads (the first pass's 100 now count in its dedupe).
  const large = await createCampaign(db, input("Large run", 500), ctx);
  await startCampaign(db, large.id, ctx, { baseUrl: BASE_URL, secret: SECRET, now });
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: large.id }, include: { variants: { select: { id: true } } } });
  started = performance.now();
  const added = await materializeRecipients(db, campaign, { now, timeZone: tenant.timeZone });
  const materializeMs = performance.now() - started;
  started = performance.now();
  await materializeRecipients(db, campaign, { now, timeZone: tenant.timeZone });
  const recheckMs = performance.now() - started;
  started = performance.now();
  const largePass = await runCampaign(db, large.id, { deps, now: () => now });
  const largeRunMs = performance.now() - started - recheckMs;
  const perSendMs = largeRunMs / Math.max(1, largePass.sent + largePass.blocked + largePass.failed);
  const outbox = await db.message.count({ where: { channel: "EMAIL", status: "SENT" } });

  console.log(`${bench.label}, leads: ${LEADS} with an email, one in ten under the minimum score, one in twenty emailed by another campaign a week ago`);
  console.log(`baseline (createMany of ${LEADS} recipient rows, no audience, no gates): ${baselineMs.toFixed(0)} ms`);
  console.log(`queueing a ${firstPass.added}-recipient campaign (start + first pass: materialise, claim, ${firstPass.sent} sent through the gates to the outbox): ${queueMs.toFixed(0)} ms (${(queueMs / baselineMs).toFixed(1)}x baseline), goal <= ${GOAL_MS} ms: ${queueMs <= GOAL_MS ? "met" : "MISSED"}; ${counts}`);
  console.log(`  materialising ${added} recipients (audience query, score gate, 30-day dedupe, variants): ${materializeMs.toFixed(0)} ms (${(materializeMs / baselineMs).toFixed(1)}x baseline)`);
  console.log(`  a pass's audience re-check with no newcomers: ${recheckMs.toFixed(0)} ms`);
  console.log(`  a pass of 500 (${largePass.sent} sent, ${largePass.blocked} blocked, ${largePass.failed} failed): ${largeRunMs.toFixed(0)} ms, ${perSendMs.toFixed(1)} ms per email through the gates; ${outbox} emails in the outbox`);
  writeFigures(args, "campaigns", bench, [
    { what: `Queueing a ${firstPass.added}-recipient email campaign (start, materialise, first pass of 100 through the gates)`, value: queueMs, unit: "ms", goal: `<= ${GOAL_MS}`, met: queueMs <= GOAL_MS, baseline: baselineMs, baselineLabel: `createMany of ${LEADS} recipient rows` },
    { what: `Materialising ${added} recipients (score gate, 30-day dedupe)`, value: materializeMs, unit: "ms", baseline: baselineMs, baselineLabel: `createMany of ${LEADS} recipient rows` },
    { what: "One campaign email through the gates to the outbox (a pass of 500)", value: perSendMs, unit: "ms" },
  ]);
  await bench.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
