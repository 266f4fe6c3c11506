// Queueing a blast to 1,000 buyers: createBlast validates, reads the node's liquidity, writes
// the blast, one recipient per buyer per channel, the buyers' deal links and the sender's
// event in one transaction. Goal: <= 5 s. Baseline in the same run: a blast to one buyer.
// Usage: npx tsx bench/blast-queue.ts [--db pglite|postgres] [--scale 1000] [--json file]
import { randomUUID } from "node:crypto";
import { createBlast } from "@/lib/blasts/service";
import { scopeToTenant } from "@/lib/db/tenant";
import { openBenchDatabase, parseBenchArgs, writeFigures } from "./database";

const args = parseBenchArgs();
const BUYERS = args.scale ?? Number(args.positional[0] ?? 1_000);
const GOAL_MS = 5_000;
const RUNS = 3;
const BASE_URL = "https://bench.example.test";

async function main() {
  const bench = await openBenchDatabase(args.db);
  const { database } = bench;
  const tenant = await database.prisma.tenant.create({ data: { slug: "bench-blasts", name: "Bench Homes", timeZone: "America/Chicago", country: "US" } });
  const db = scopeToTenant(database.prisma, tenant.id);
  // No cold gate here: the bench measures the queueing, not the refusal.
  await db.buyerSettings.create({ data: { coldLiquidityScore: 0 } });

  const buyers = Array.from({ length: BUYERS }, (_, i) => ({
    id: randomUUID(),
    tenantId: tenant.id,
    name: `Buyer ${i}`,
    phones: [`+1713${String(5_000_000 + i).padStart(7, "0")}`],
    emails: [`buyer${i}@bench.example`],
    markets: ["TX:Houston"],
    postalCodes: ["77002"],
    timeZone: "America/Chicago",
  }));
  for (let i = 0; i < buyers.length; i += 2_000) await db.buyer.createMany({ data: buyers.slice(i, i + 2_000) });
  const ids = buyers.map((b) => b.id);

  const newDeal = async (n: number) =>
    (
      await database.prisma.deal.create({
        data: { tenantId: tenant.id, source: "API", addressKey: `BLAST-${n}`, raw: {}, street: `${n} Main St`, city: "Houston", region: "TX", market: "Houston", postalCode: "77002", propertyType: "SFR", askingPrice: 150_000, arv: 250_000, repairs: 30_000 },
        select: { id: true },
      })
    ).id;

  const time = async (buyerIds: string[], n: number) => {
    const dealId = await newDeal(n);
    const started = performance.now();
    const result = await createBlast(db, { dealId, buyerIds, channels: ["SMS", "EMAIL"] }, { userId: null }, { baseUrl: BASE_URL });
    return { ms: performance.now() - started, recipients: result.recipients };
  };

  // A warm-up blast, then the baseline (one buyer) and the real size, each the median of RUNS.
  await time(ids.slice(0, 10), 0);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const single: number[] = [];
  const full: number[] = [];
  let recipients = 0;
  for (let run = 0; run < RUNS; run++) {
    single.push((await time(ids.slice(0, 1), 100 + run)).ms);
    const big = await time(ids, 200 + run);
    full.push(big.ms);
    recipients = big.recipients;
  }
  const baselineMs = median(single);
  const queueMs = median(full);
  const events = await db.eventOutbox.count({ where: { name: "blast/queued" } });

  console.log(`${bench.label}, buyers: ${BUYERS}, channels SMS + email (${recipients} recipients per blast), median of ${RUNS}`);
  console.log(`baseline (createBlast to one buyer): ${baselineMs.toFixed(0)} ms`);
  console.log(`createBlast to ${BUYERS} buyers (blast, recipients, audit, event; one transaction): ${queueMs.toFixed(0)} ms (${(queueMs / baselineMs).toFixed(1)}x baseline), goal <= ${GOAL_MS} ms: ${queueMs <= GOAL_MS ? "met" : "MISSED"}; ${events} blast events queued`);
  writeFigures(args, "blast-queue", bench, [
    { what: `createBlast to ${BUYERS} buyers by SMS and email`, value: queueMs, unit: "ms", goal: `<= ${GOAL_MS}`, met: queueMs <= GOAL_MS, baseline: baselineMs, baselineLabel: "a blast to one buyer" },
  ]);
  await bench.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
