// Starting follow-up ladders for 10k leads: schedule computation, ladder rows, the start events
// in the outbox and the KPI events, through lib/ladder's startLadders. Baseline: inserting the
// same number of ladder rows with a fixed, unscheduled step list.
// Usage: npx tsx bench/ladder-start.ts [--db pglite|postgres] [--scale 10k] [--json file]
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { REGIONS } from "@/lib/geo/regions";
import { DEFAULT_LADDER_STEPS, scheduleLadder, startLadders } from "@/lib/ladder";
import { listMarketPolicies, resolveEffectivePolicy, seedMarketPolicies } from "@/lib/policy";
import { openBenchDatabase, parseBenchArgs, writeFigures } from "./database";

const args = parseBenchArgs();
const LEADS = args.scale ?? Number(args.positional[0] ?? 10_000);
const CHUNK = 2_000;

async function main() {
  const bench = await openBenchDatabase(args.db);
  const { database } = bench;
  const tenant = await database.prisma.tenant.create({ data: { slug: "bench", name: "Bench Homes", timeZone: "America/Toronto", country: "CA" } });
  const db = scopeToTenant(database.prisma, tenant.id);
  await seedMarketPolicies(db, null);

  // Leads spread over every state and province, in each region's zones (St. John's, Regina, Whitehorse included).
  const places = REGIONS.flatMap((r) => r.timeZones.map((zone) => ({ region: r.code, timeZone: zone })));
  const deals = Array.from({ length: LEADS }, (_, i) => ({
    id: randomUUID(),
    tenantId: tenant.id,
    source: "API" as const,
    addressKey: `BENCH-${i}`,
    raw: {},
    ...places[i % places.length],
    score: 60 + (i % 40),
    contactName: `Lead ${i}`,
    contactPhone: `+1416${String(5_000_000 + i).padStart(7, "0")}`,
  }));
  for (let i = 0; i < deals.length; i += CHUNK) await db.deal.createMany({ data: deals.slice(i, i + CHUNK) });
  const ids = deals.map((d) => d.id);
  // A start on a Friday evening in the east: many steps move over the weekend.
  const now = new Date("2026-03-06T23:30:00Z");

  // Baseline: the same number of ladder rows, no schedule, no events.
  const fixedSteps = DEFAULT_LADDER_STEPS.map((s, i) => ({ step: i + 1, ...s, nominalAt: now.toISOString(), dueAt: now.toISOString(), state: "scheduled" }));
  let started = performance.now();
  await db.$transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await tx.followUpLadder.createMany({
        data: ids.slice(i, i + CHUNK).map((dealId) => ({ dealId, status: "COMPLETED", steps: fixedSteps as Prisma.InputJsonValue, startedAt: now })) as Prisma.FollowUpLadderCreateManyInput[],
      });
    }
  }, { timeout: 300_000 });
  const baselineMs = performance.now() - started;

  // The schedule alone (pure), for the same leads.
  const policies = await listMarketPolicies(db);
  started = performance.now();
  let scheduledSteps = 0;
  let skippedSteps = 0;
  for (const deal of deals) {
    const policy = resolveEffectivePolicy(policies, deal.region, null);
    for (const step of scheduleLadder(now, DEFAULT_LADDER_STEPS, { policy, timeZones: [deal.timeZone], score: deal.score })) {
      if (step.skipped) skippedSteps++;
      else scheduledSteps++;
    }
  }
  const scheduleMs = performance.now() - started;

  // The real thing: startLadders through lib, in one transaction.
  started = performance.now();
  const results = await startLadders(db, ids, { now, trigger: "api", enqueue: true });
  const startMs = performance.now() - started;
  const startedCount = results.filter((r) => r.status === "started").length;
  const events = await db.eventOutbox.count({ where: { name: "ladder/start.requested" } });

  // A second start of every lead: all no-ops.
  started = performance.now();
  const again = await startLadders(db, ids, { now, trigger: "api", enqueue: true });
  const againMs = performance.now() - started;

  const perLead = (ms: number) => `${((ms * 1000) / LEADS).toFixed(0)} µs/lead`;
  console.log(`${bench.label}, leads: ${LEADS} over ${places.length} region/zone pairs; start ${now.toISOString()} (Friday evening)`);
  console.log(`baseline (insert ${LEADS} unscheduled ladder rows): ${baselineMs.toFixed(0)} ms (${perLead(baselineMs)})`);
  console.log(`schedule only (scheduleLadder, pure): ${scheduleMs.toFixed(0)} ms (${perLead(scheduleMs)}), ${scheduledSteps} steps scheduled, ${skippedSteps} skipped`);
  console.log(
    `startLadders (schedule + ladder rows + outbox + KPI, one transaction): ${startMs.toFixed(0)} ms (${perLead(startMs)}, ${Math.round(LEADS / (startMs / 1000))} ladders/s), ` +
      `${startedCount} started, ${events} start events  (${(startMs / baselineMs).toFixed(2)}x baseline)`,
  );
  console.log(`second start of the same leads (all no-ops): ${againMs.toFixed(0)} ms, ${again.filter((r) => r.status === "already_active").length} already active`);
  writeFigures(args, "ladder-start", bench, [
    { what: "startLadders (schedule, ladder rows, outbox, KPI; one transaction)", value: startMs, unit: "ms", baseline: baselineMs, baselineLabel: "inserting as many unscheduled ladder rows" },
    { what: "the schedule alone (scheduleLadder, pure)", value: scheduleMs, unit: "ms" },
    { what: "a second start of the same leads (all no-ops)", value: againMs, unit: "ms", baseline: startMs, baselineLabel: "the first start" },
  ]);
  await bench.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
