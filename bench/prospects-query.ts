// Prospects table queries over N deals (default 200,000) on an embedded PGlite database:
// p50/p95 per common sort and filter, and each against a primary-key lookup measured in
// the same process. Usage: npx tsx bench/prospects-query.ts [deals=200000]
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { insertRows, refreshAfterBulkWrite } from "@/lib/db/bulk";
import { scopeToTenant } from "@/lib/db/tenant";
import { demoDeals } from "@/lib/demo/deals";
import { listProspects, ProspectQuery } from "@/lib/prospects/query";
import { computeOffer, DEFAULT_OFFER_TERMS } from "@/lib/underwriting/rules";

const total = Number(process.argv[2] ?? 200_000);
const dir = mkdtempSync(path.join(tmpdir(), "dealflow-bench-"));
const database = await openDatabase({ dataDir: path.join(dir, "db"), migrate: true });
const tenant = await database.prisma.tenant.create({ data: { slug: "bench", name: "Bench" } });
const db = scopeToTenant(database.prisma, tenant.id);

const STATUSES = ["NEW", "UNDERWRITTEN", "CONTACTED", "NEGOTIATING", "UNDER_CONTRACT", "CLOSED", "DEAD"] as const;
const SOURCES = ["CSV", "API", "EMAIL", "MANUAL"] as const;
const seedStarted = performance.now();
const batch = 5_000;
for (let offset = 0; offset < total; offset += batch) {
  const inputs = demoDeals(Math.min(batch, total - offset), offset + 1);
  await insertRows(
    db,
    "Deal",
    inputs.map((d, i) => {
      const offer = computeOffer({ arv: d.arv!, repairs: d.repairs!, askingPrice: d.askingPrice! }, DEFAULT_OFFER_TERMS);
      return {
        id: randomUUID(),
        source: SOURCES[(offset + i) % SOURCES.length],
        status: STATUSES[(offset + i) % STATUSES.length],
        street: `${offset + i} ${d.street}`, city: d.city, region: d.region, postalCode: d.postalCode, country: d.country,
        addressKey: `BENCH-${offset + i}`, market: d.city?.toUpperCase(),
        askingPrice: d.askingPrice, arv: d.arv, repairs: d.repairs, score: d.score, beds: d.beds, baths: d.baths, sqft: d.sqft,
        mao: offer.mao, spread: offer.spread, spreadRatio: offer.spreadRatio, strategy: offer.strategy,
        createdAt: new Date(Date.UTC(2026, 0, 1) + ((offset + i) % 300) * 86_400_000 + i * 1000),
        raw: {},
      };
    }),
  );
}
// As an import leaves the table: statistics and visibility map fresh.
await refreshAfterBulkWrite(db, ["Deal"]);
console.log(`seeded ${total.toLocaleString()} deals in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

async function measure(run: () => Promise<unknown>, runs = 25) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs * 0.5)], p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))] };
}

const someId = (await db.deal.findFirstOrThrow({ select: { id: true } })).id;
const baseline = await measure(() => db.deal.findUnique({ where: { id: someId } }));

const cases: [string, Record<string, string>][] = [
  ["newest first (default)", {}],
  ["sort by spread desc", { sort: "spread", dir: "desc" }],
  ["sort by spread ratio desc", { sort: "spreadRatio", dir: "desc" }],
  ["status = UNDERWRITTEN", { status: "UNDERWRITTEN" }],
  ["region TX + market DALLAS", { region: "TX", market: "DALLAS" }],
  ["strategy FLIP, spread >= 50k, by spread", { strategy: "FLIP", spreadMin: "50000", sort: "spread" }],
  ["score >= 90, by score", { scoreMin: "90", sort: "score" }],
  ["source EMAIL, intake in March", { source: "EMAIL", from: "2026-03-01", to: "2026-03-31" }],
  ["address search 'Maple' (1 in 12 deals)", { q: "Maple" }],
  ["address search '1234 Oak' (a few deals)", { q: "1234 Oak" }],
  ["postal code prefix 'M6H' (Toronto)", { q: "M6H" }],
  ["deep page 400 of 25", { page: "400" }],
  // Sorts without an index of their own: the tenant's matching rows are read and sorted.
  ["sort by spread ratio asc (no index)", { sort: "spreadRatio", dir: "asc" }],
  ["sort by ARV desc (no index)", { sort: "arv", dir: "desc" }],
  ["sort by asking price asc (no index)", { sort: "askingPrice", dir: "asc" }],
  ["sort by city asc (no index)", { sort: "city", dir: "asc" }],
];

console.log(`\nbaseline (primary-key lookup): p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms\n`);
console.log("query".padEnd(44), "p50 ms".padStart(8), "p95 ms".padStart(8), "p95 / baseline".padStart(16), "rows".padStart(9));
for (const [label, params] of cases) {
  const query = ProspectQuery.parse(params);
  let count = 0;
  const figures = await measure(async () => {
    count = (await listProspects(db, query)).total;
  });
  console.log(label.padEnd(44), figures.p50.toFixed(1).padStart(8), figures.p95.toFixed(1).padStart(8), `${(figures.p95 / baseline.p95).toFixed(0)}x`.padStart(16), count.toLocaleString().padStart(9));
}

await database.close();
rmSync(dir, { recursive: true, force: true });
