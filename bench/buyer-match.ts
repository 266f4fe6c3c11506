// Matching one deal against N buyers (findBuyerMatches: the deal, its liquidity node, the SQL
// prefilter by location and price, the pure ranking): p50/p95 next to the goal (p95 <= 50 ms)
// and a primary-key lookup of one buyer measured in the same run. Buyers spread over 18
// markets with 3-40 ZIPs each, price ranges, types, strategies and rehab appetites of every
// kind, some inactive or deleted. Usage:
//   npx tsx bench/buyer-match.ts [--db pglite|postgres] [--scale 10k|<n>] [--json f]
import { candidateBuyersSql, findBuyerMatches } from "@/lib/buyers/candidates";
import { recomputeNodes } from "@/lib/buyers/liquidity";
import { BUYER_STRATEGIES, REHAB_APPETITES } from "@/lib/buyers/schema";
import { selectInTenant } from "@/lib/db/scoped-sql";
import { PROPERTY_TYPES } from "@/lib/intake/schema";
import { openBenchTenant, parseBenchArgs, writeFigures, type BenchFigure } from "./database";
import { measureLatency } from "./support";

const args = parseBenchArgs();
const total = args.scale ?? Number(args.positional[0] ?? 10_000);
const GOAL_MS = 50;

const { bench, database, tenant, db } = await openBenchTenant(args.db);

/** Market and its ZIP (or FSA) prefix: buy boxes pick their postal codes inside it. */
const MARKETS: [region: string, market: string, prefix: string][] = [
  ["TX", "Dallas", "752"], ["TX", "Houston", "770"], ["TX", "Austin", "787"], ["TX", "San Antonio", "782"],
  ["FL", "Tampa", "336"], ["FL", "Miami", "331"], ["FL", "Jacksonville", "322"], ["GA", "Atlanta", "303"],
  ["OH", "Columbus", "432"], ["OH", "Cleveland", "441"], ["TN", "Memphis", "381"], ["NC", "Charlotte", "282"],
  ["AZ", "Phoenix", "850"], ["NY", "Buffalo", "142"], ["ON", "Toronto", "M"], ["ON", "Ottawa", "K1"],
  ["BC", "Vancouver", "V5"], ["AB", "Calgary", "T2"],
];
/** A well-spread pseudo-random integer per buyer and field, so no two choices move together. */
function mix(n: number, salt: number): number {
  let h = Math.imul(n ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const pick = <T>(list: readonly T[], n: number, salt: number) => list[mix(n, salt) % list.length];

function postalCodesOf(prefix: string, n: number): string[] {
  const count = 3 + (mix(n, 1) % 38);
  const codes = new Set<string>();
  for (let i = 0; i < count; i++) {
    const k = mix(n, 100 + i) % 100;
    codes.add(/^\d/.test(prefix) ? `${prefix}${String(k).padStart(2, "0")}` : `${prefix}${prefix.length === 1 ? `${k % 10}${"ABCEGHJKLMNPRSTVXY"[k % 18]}` : `${k % 10}`}`);
  }
  return [...codes];
}

function buyerRow(n: number) {
  const [region, market, prefix] = pick(MARKETS, n, 2);
  const second = pick(MARKETS, n, 3);
  const style = mix(n, 4) % 4; // 0: ZIPs only, 1: markets only, 2: both, 3: ZIPs of two markets
  const priceMin = mix(n, 5) % 3 === 0 ? null : 50_000 + (mix(n, 6) % 10) * 25_000;
  const priceMax = mix(n, 7) % 5 === 0 ? null : (priceMin ?? 50_000) + 100_000 + (mix(n, 8) % 7) * 50_000;
  const types = [pick(PROPERTY_TYPES, n, 9), pick(PROPERTY_TYPES, n, 10), "SFR" as const].slice(0, 1 + (mix(n, 11) % 3));
  return {
    id: `buyer-${String(n).padStart(6, "0")}`,
    tenantId: tenant.id,
    name: `Buyer ${n}`,
    phones: [`+1713${String(5_550_000 + n).slice(-7)}`],
    status: mix(n, 12) % 17 === 0 ? ("INACTIVE" as const) : mix(n, 12) % 53 === 1 ? ("DO_NOT_USE" as const) : ("ACTIVE" as const),
    postalCodes: style === 1 ? [] : style === 3 ? [...postalCodesOf(prefix, n), ...postalCodesOf(second[2], n + 1)] : postalCodesOf(prefix, n),
    markets: style === 0 || style === 3 ? [] : mix(n, 13) % 6 === 0 ? [`${region}:${market}`, `${second[0]}:${second[1]}`] : [`${region}:${mix(n, 14) % 9 === 0 ? market.toUpperCase() : market}`],
    priceMin,
    priceMax,
    propertyTypes: mix(n, 15) % 3 === 0 ? [] : [...new Set(types)],
    strategies: mix(n, 16) % 2 === 0 ? [] : [pick(BUYER_STRATEGIES, n, 17)],
    rehabAppetite: pick(REHAB_APPETITES, n, 18),
    minSpread: mix(n, 19) % 4 === 1 ? (mix(n, 20) % 5) * 10_000 : null,
    tier: pick(["A", "B", "C", "C"] as const, n, 21),
    lastActivityAt: mix(n, 22) % 3 === 0 ? null : new Date(Date.now() - (mix(n, 23) % 120) * 86_400_000),
    deletedAt: mix(n, 24) % 97 === 0 ? new Date() : null,
    source: "bench",
  };
}

const seedStarted = performance.now();
for (let offset = 0; offset < total; offset += 1_000) {
  await database.prisma.buyer.createMany({ data: Array.from({ length: Math.min(1_000, total - offset) }, (_, i) => buyerRow(offset + i)) });
}
await database.sql.exec(`VACUUM ANALYZE "Buyer"`);
console.log(`${bench.label}: seeded ${total.toLocaleString("en-US")} buyers in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

const deal = await db.deal.create({
  data: {
    source: "MANUAL", addressKey: "bench-deal", street: "1 Main St", city: "Houston", region: "TX", market: "Houston", postalCode: "77042",
    country: "US", askingPrice: 185_000, arv: 300_000, repairs: 24_000, spread: 40_000, propertyType: "SFR", strategy: "FLIP", raw: {},
  },
});

const measure = (run: () => Promise<unknown>, runs = 200) => measureLatency(run, { runs, warmups: 5 });

const baseline = await measure(() => db.buyer.findUnique({ where: { id: "buyer-000001" } }));
// A node with feedback is stored (feedback and the nightly engine keep it); the first shape
// reads it. The second is a market no feedback reached yet: its node is counted on the spot.
await recomputeNodes(db, [{ region: "TX", market: "Houston", propertyType: "SFR" }]);
const sample = await findBuyerMatches(db, deal.id);
const prefilter = candidateBuyersSql(tenant.id, deal)!;
const candidates = (await selectInTenant(db, prefilter.sql, prefilter.params)).length;
const stored = await measure(() => findBuyerMatches(db, deal.id));
await database.prisma.buyerLiquidityNode.deleteMany({ where: { tenantId: tenant.id } });
const onTheSpot = await measure(() => findBuyerMatches(db, deal.id), 50);

console.log(`\n${bench.label}, ${total.toLocaleString("en-US")} buyers; one deal in TX:Houston 77042 ${candidates} buyers past the SQL prefilter, ${sample.matches.length} admitted; goal: p95 <= ${GOAL_MS} ms`);
console.log(`baseline (primary-key lookup of one buyer): p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms\n`);
console.log("shape".padEnd(52), "p50 ms".padStart(8), "p95 ms".padStart(8), "goal".padStart(6), "x baseline".padStart(11));
const figures: BenchFigure[] = [];
for (const [label, times, goal] of [
  ["match one deal (liquidity node stored)", stored, true],
  ["match one deal (liquidity node counted on the spot)", onTheSpot, false],
] as const) {
  const ok = times.p95 <= GOAL_MS;
  console.log(label.padEnd(52), times.p50.toFixed(1).padStart(8), times.p95.toFixed(1).padStart(8), (goal ? (ok ? "ok" : "MISS") : "-").padStart(6), `${(times.p95 / baseline.p95).toFixed(0)}x`.padStart(11));
  figures.push({
    what: `Buyer matching at ${total.toLocaleString("en-US")} buyers: ${label}, p95`,
    value: Number(times.p95.toFixed(1)),
    unit: "ms",
    ...(goal ? { goal: `<= ${GOAL_MS}`, met: ok } : {}),
    baseline: Number(baseline.p95.toFixed(2)),
    baselineLabel: "primary-key lookup p95",
  });
}
writeFigures(args, "buyer-match", bench, figures);
await bench.close();
