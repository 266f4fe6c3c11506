// The market-intel engine's passes over a workspace: deals spread over 300 real Texas ZIPs and
// 16 weeks, a fifth of them with a conversation, some with buyer offers and contracts.
// Prints the first full pass (which also places every deal on its ZIP's centroid), a steady
// full pass, and an incremental pass after 50 deals changed.
// Usage: npx tsx bench/market-recompute.ts [--db pglite|postgres] [--scale 10k] [--json file]
import zipcodes from "zipcodes";
import { bulkSqlOf, insertRows } from "@/lib/db/bulk";
import { computeAreaMetrics } from "@/lib/market/metrics";
import { recomputeAreas } from "@/lib/market/service";
import { openBenchTenant, parseBenchArgs, writeFigures } from "./database";

const args = parseBenchArgs();
const scale = args.scale ?? 10_000;
const { bench, db } = await openBenchTenant(args.db);
const DAY = 86_400_000;
const now = new Date();
const zips = Object.values(zipcodes.codes).filter((z) => z.country === "US" && z.state === "TX" && Number.isFinite(z.latitude)).slice(0, 300).map((z) => z.zip);

const deals = Array.from({ length: scale }, (_, i) => {
  const zip = zips[(i * 7_919) % zips.length];
  const createdAt = new Date(now.getTime() - ((i * 104_729) % (112 * DAY)));
  const spread = ((i * 31) % 90_000) - 20_000;
  return {
    id: `bench-deal-${i}`, source: "CSV", status: "NEW", addressKey: `bench ${i}`, street: `${i} Oak St`, postalCode: zip, areaCode: zip, region: "TX", market: "Texas",
    country: "US", raw: {}, spread, spreadRatio: spread / 250_000, underwrittenAt: i % 2 ? createdAt : null,
    contractedAt: i % 20 === 0 ? new Date(createdAt.getTime() + 10 * DAY) : null, createdAt, updatedAt: createdAt,
  };
});
for (let i = 0; i < deals.length; i += 20_000) await db.$transaction((tx) => insertRows(tx, "Deal", deals.slice(i, i + 20_000)), { timeout: 600_000 });
const messages = deals.filter((_, i) => i % 5 === 0).flatMap((d, i) => [
  { dealId: d.id, channel: "SMS" as const, direction: "OUTBOUND" as const, status: "DELIVERED" as const, toAddress: "+12105550100", body: "Hi", provider: "outbox", createdAt: d.createdAt, updatedAt: d.createdAt },
  ...(i % 3 === 0 ? [{ dealId: d.id, channel: "SMS" as const, direction: "INBOUND" as const, status: "RECEIVED" as const, toAddress: "+12105550199", body: "Yes", provider: "outbox", createdAt: d.createdAt, updatedAt: d.createdAt }] : []),
]);
for (let i = 0; i < messages.length; i += 5_000) await db.message.createMany({ data: messages.slice(i, i + 5_000) });
await db.buyerOffer.createMany({ data: deals.filter((_, i) => i % 25 === 0).map((d) => ({ dealId: d.id, buyerId: "bench-buyer", amount: 100_000, createdAt: d.createdAt })) });

// Statistics as the server's upkeep keeps them (hourly, and after every import).
await bulkSqlOf(db, "bench").sql.vacuumAnalyze?.(["Deal", "Message", "BuyerOffer"]);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

const metrics = await timed(() => computeAreaMetrics(db, { now }));
const first = await timed(() => recomputeAreas(db, { full: true, now: new Date() }));
const steadyAt = new Date();
const steady = await timed(() => recomputeAreas(db, { full: true, now: steadyAt }));
for (let i = 0; i < 50; i++) await db.deal.update({ where: { id: `bench-deal-${i * 97}` }, data: { spread: 70_000 } });
const incremental = await timed(() => recomputeAreas(db, { since: steadyAt, now: new Date() }));

console.log(`market-intel passes, ${bench.label}, ${scale} deals in ${zips.length} ZIPs, ${messages.length} messages`);
console.log(`  computeAreaMetrics, every area:          ${metrics.ms.toFixed(0)} ms (${metrics.result.size} areas)`);
console.log(`  first full pass (locates ${first.result.located} deals): ${first.ms.toFixed(0)} ms (${first.result.areas} areas written)`);
console.log(`  steady full pass:                        ${steady.ms.toFixed(0)} ms`);
console.log(`  incremental pass after 50 edits:         ${incremental.ms.toFixed(0)} ms (${incremental.result.areas} areas)`);
writeFigures(args, "market-recompute", bench, [
  { what: "first full pass (with locating)", value: Math.round(first.ms), unit: "ms" },
  { what: "steady full pass", value: Math.round(steady.ms), unit: "ms" },
  { what: "incremental pass after 50 edits", value: Math.round(incremental.ms), unit: "ms" },
]);
await bench.close();
