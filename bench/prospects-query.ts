// Prospects table queries (the page and its count, as listProspects runs them) over N deals:
// p50/p95 of 16 common sorts and filters, each next to the goal (p95 <= 50 ms) and a
// primary-key lookup measured in the same run. Deals are made by the database itself
// (INSERT ... SELECT over generate_series, with Deal's indexes rebuilt once afterwards), so a
// million seed in about a minute. Usage:
//   npx tsx bench/prospects-query.ts [--db pglite|postgres] [--scale 200k|1m|<n>] [--json f]
//   npx tsx bench/prospects-query.ts --db ... --scale 100k --index-costs   (what each Deal index costs an insert)
import type { SqlExecutor } from "@/lib/db/migrate";
import { listProspects, ProspectQuery } from "@/lib/prospects/query";
import { openBenchTenant, parseBenchArgs, writeFigures, type BenchFigure } from "./database";
import { measureLatency } from "./support";

const args = parseBenchArgs();
const total = args.scale ?? Number(args.positional[0] ?? 200_000);
const GOAL_MS = 50;

const { bench, database, tenant, db } = await openBenchTenant(args.db);

const PLACES: [city: string, region: string, postal: string][] = [
  ["Dallas", "TX", "752"], ["Houston", "TX", "770"], ["Austin", "TX", "787"], ["San Antonio", "TX", "782"],
  ["Tampa", "FL", "336"], ["Miami", "FL", "331"], ["Jacksonville", "FL", "322"], ["Atlanta", "GA", "303"],
  ["Columbus", "OH", "432"], ["Cleveland", "OH", "441"], ["Memphis", "TN", "381"], ["Charlotte", "NC", "282"],
  ["Phoenix", "AZ", "850"], ["Buffalo", "NY", "142"], ["Toronto", "ON", "M"], ["Ottawa", "ON", "K1P"],
  ["Vancouver", "BC", "V5K"], ["Calgary", "AB", "T2P"],
];
const STREETS = ["Oak Street", "Maple Avenue", "Pine Road", "Cedar Lane", "Elm Street", "Birch Drive", "Walnut Way", "Willow Court", "Spruce Street", "Ash Boulevard", "Hickory Lane", "Chestnut Road"];
const list = (items: string[]) => `(ARRAY['${items.join("','")}'])`;

/**
 * One INSERT ... SELECT per 100,000 deals: 1 in 12 on a Maple street, a few per house number
 * and street, Toronto postal codes spread over four areas (M6H among them), and some deals
 * without a score, an ARV or an asking price (their sorts put them last). Intake times rise
 * with the rows, as imports leave them.
 */
async function seedDeals(sql: SqlExecutor, tenantId: string, count: number) {
  const place = (i: number) => `${list(PLACES.map((p) => p[i]))}[1 + (n * 7) % ${PLACES.length}]`;
  const arv = "(120000 + ((n::bigint * 104729) % 380) * 1000)";
  const repairs = `(round(${arv} * (3 + (n * 31) % 22) / 100.0 / 500) * 500)::int`;
  const mao = `(round(${arv} * 0.7) - ${repairs} - 2500)::int`;
  const asking = `greatest(25000, round((${arv} * 0.7 - ${repairs}) * (75 + (n * 17) % 50) / 100.0 / 1000) * 1000)::int`;
  const spread = `(${mao} - ${asking})`;
  for (let offset = 0; offset < count; offset += 100_000) {
    await sql.exec(`
      INSERT INTO "Deal" ("id", "tenantId", "status", "source", "street", "city", "region", "postalCode", "country", "addressKey",
        "market", "askingPrice", "arv", "repairs", "mao", "spread", "spreadRatio", "strategy", "score", "beds", "baths", "sqft",
        "underwrittenAt", "raw", "createdAt", "updatedAt")
      SELECT md5('bench' || n), '${tenantId}',
        (ARRAY['NEW','UNDERWRITTEN','CONTACTED','NEGOTIATING','UNDER_CONTRACT','CLOSED','DEAD'])[1 + (n * 5) % 7]::"DealStatus",
        (ARRAY['CSV','API','EMAIL','MANUAL'])[1 + (n * 3) % 4]::"DealSource",
        (100 + (n * 37) % 9901) || ' ' || ${list(STREETS)}[1 + (n * 5) % 12],
        CASE WHEN n % 97 <> 0 THEN ${place(0)} END, ${place(1)},
        CASE WHEN ${place(2)} = 'M' THEN (ARRAY['M6H','M5V','M4C','M6G'])[1 + (n / 18) % 4] || ' ' || (n % 10) || 'A' || (n % 7)
             WHEN length(${place(2)}) = 3 AND ${place(2)} ~ '^[A-Z]' THEN ${place(2)} || ' ' || (n % 10) || 'B' || (n % 9)
             ELSE ${place(2)} || lpad(((n * 13) % 100)::text, 2, '0') END,
        (CASE WHEN ${place(1)} IN ('ON', 'BC', 'AB') THEN 'CA' ELSE 'US' END)::"Country",
        'BENCH-' || n, ${place(0)},
        CASE WHEN n % 31 <> 0 THEN ${asking} END, CASE WHEN n % 29 <> 0 THEN ${arv} END, ${repairs},
        CASE WHEN n % 29 <> 0 THEN ${mao} END, CASE WHEN n % 29 <> 0 AND n % 31 <> 0 THEN ${spread} END,
        CASE WHEN n % 29 <> 0 AND n % 31 <> 0 THEN ${spread}::float8 / ${arv} END,
        (CASE WHEN n % 29 = 0 OR n % 31 = 0 THEN NULL WHEN ${spread} >= 30000 THEN 'FLIP' WHEN ${spread} >= 10000 THEN 'WHOLESALE'
              WHEN ${spread} >= 0 THEN 'RENTAL' ELSE 'TRASH' END)::"Strategy",
        CASE WHEN n % 23 <> 0 THEN (n * 13) % 101 END, 2 + n % 4, 1 + (n % 3) * 0.5, 800 + (n * 11) % 2200,
        TIMESTAMP '2026-01-01' + n * INTERVAL '1 second' * ${Math.floor((300 * 86_400) / Math.max(count, 1))},
        '{}'::jsonb,
        TIMESTAMP '2026-01-01' + n * INTERVAL '1 second' * ${Math.floor((300 * 86_400) / Math.max(count, 1))}, now()
      FROM generate_series(${offset + 1}, ${Math.min(count, offset + 100_000)}) AS n`);
  }
}

const { rows: indexes } = await database.sql.query<{ name: string; definition: string }>(
  `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'Deal' AND indexname <> 'Deal_pkey'`,
);
for (const index of indexes) await database.sql.exec(`DROP INDEX "${index.name}"`);
if (args.positional.includes("--index-costs")) await measureIndexCosts();

/**
 * What each Deal index costs an import: the same rows inserted into the table with only its
 * primary key, then with the primary key and that one index (the indexes of earlier index
 * sets too, for comparison). Prints and exits.
 */
async function measureIndexCosts(): Promise<never> {
  const rows = Math.min(total, 100_000);
  const removed = [
    ["Deal_address_trgm_idx (removed)", `CREATE INDEX "Deal_address_trgm_idx" ON "Deal" USING gin ("street" gin_trgm_ops, "city" gin_trgm_ops, "postalCode" gin_trgm_ops)`],
    ["Deal_tenantId_status_createdAt_idx (removed)", `CREATE INDEX "Deal_tenantId_status_createdAt_idx" ON "Deal" ("tenantId", "status", "createdAt")`],
    ["Deal_tenantId_source_createdAt_idx (removed)", `CREATE INDEX "Deal_tenantId_source_createdAt_idx" ON "Deal" ("tenantId", "source", "createdAt")`],
    ["Deal_tenantId_createdAt_idx (removed)", `CREATE INDEX "Deal_tenantId_createdAt_idx" ON "Deal" ("tenantId", "createdAt")`],
  ];
  const timed = async (definitions: string[]) => {
    await database.sql.exec(`TRUNCATE "Deal" CASCADE`);
    for (const definition of definitions) await database.sql.exec(definition);
    const started = performance.now();
    await seedDeals(database.sql, tenant.id, rows);
    const ms = performance.now() - started;
    for (const definition of definitions) await database.sql.exec(`DROP INDEX "${/INDEX "([^"]+)"/.exec(definition)![1]}"`);
    return ms;
  };
  await timed([]); // warm-up: caches, the table's first extension
  const base = ((await timed([])) + (await timed([]))) / 2;
  console.log(`${bench.label}: ${rows.toLocaleString("en-US")} deals inserted with the primary key alone in ${(base / 1000).toFixed(2)} s; each index adds:`);
  let sum = 0;
  for (const [name, definition] of [...indexes.map((i) => [i.name, i.definition]), ...removed]) {
    const cost = (await timed([definition])) - base;
    if (!name.endsWith("(removed)")) sum += cost;
    console.log(`  ${name.padEnd(48)} ${`+${(cost / 1000).toFixed(2)} s`.padStart(9)} ${`+${((cost / base) * 100).toFixed(0)}%`.padStart(6)}`);
  }
  console.log(`  current set (${indexes.length} besides the primary key), summed: +${(sum / 1000).toFixed(2)} s; all at once: +${(((await timed(indexes.map((i) => i.definition))) - base) / 1000).toFixed(2)} s`);
  // The set before migration prospects_query_indexes, for comparison.
  const added = new Set(["Deal_tenantId_askingPrice_desc_idx", "Deal_tenantId_arv_desc_idx", "Deal_tenantId_city_desc_idx", "Deal_tenantId_postalCode_idx", "Deal_tenantId_street_idx"]);
  const previous = [...indexes.filter((i) => !added.has(i.name)).map((i) => i.definition), ...removed.map(([, definition]) => definition)];
  console.log(`  previous set (${previous.length} besides the primary key), all at once: +${(((await timed(previous)) - base) / 1000).toFixed(2)} s`);
  await bench.close();
  process.exit(0);
}

// Indexes are built once after the rows (as a restore does) rather than row by row.
const seedStarted = performance.now();
await seedDeals(database.sql, tenant.id, total);
for (const index of indexes) await database.sql.exec(index.definition);
await database.sql.exec(`VACUUM ANALYZE "Deal"`);
console.log(`${bench.label}: seeded ${total.toLocaleString("en-US")} deals in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (${indexes.length + 1} indexes on Deal)`);

const measure = (run: () => Promise<unknown>) => measureLatency(run, { runs: 25, warmups: 1 });

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
  ["sort by spread ratio asc", { sort: "spreadRatio", dir: "asc" }],
  ["sort by ARV desc", { sort: "arv", dir: "desc" }],
  ["sort by asking price asc", { sort: "askingPrice", dir: "asc" }],
  ["sort by city asc", { sort: "city", dir: "asc" }],
];

const scale = total >= 1_000_000 && total % 1_000_000 === 0 ? `${total / 1_000_000}M` : `${Math.round(total / 1000)}k`;
console.log(`\n${bench.label}, ${total.toLocaleString("en-US")} deals; goal: p95 <= ${GOAL_MS} ms per query shape`);
console.log(`baseline (primary-key lookup): p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms\n`);
console.log("query".padEnd(44), "p50 ms".padStart(8), "p95 ms".padStart(8), "goal".padStart(6), "x baseline".padStart(11), "total".padStart(12));
const figures: BenchFigure[] = [];
let met = 0;
for (const [label, params] of cases) {
  const query = ProspectQuery.parse(params);
  let shown = "";
  const times = await measure(async () => {
    const page = await listProspects(db, query);
    // "10,000+" where the count stopped; "~1,234,567" where the planner's estimate stands in.
    shown = page.estimatedTotal ? `~${page.estimatedTotal.toLocaleString("en-US")}` : `${page.total.toLocaleString("en-US")}${page.totalIsExact ? "" : "+"}`;
  });
  const ok = times.p95 <= GOAL_MS;
  if (ok) met++;
  console.log(label.padEnd(44), times.p50.toFixed(1).padStart(8), times.p95.toFixed(1).padStart(8), `${ok ? "ok" : "MISS"}`.padStart(6), `${(times.p95 / baseline.p95).toFixed(0)}x`.padStart(11), shown.padStart(12));
  figures.push({ what: `Prospects at ${scale} deals: ${label}, p95`, value: Number(times.p95.toFixed(1)), unit: "ms", goal: `<= ${GOAL_MS}`, baseline: Number(baseline.p95.toFixed(2)), baselineLabel: "primary-key lookup p95", met: ok });
}
// The same deep page by keyset (the cursor of page 399, as an API client paging on holds it).
const cursor = (await listProspects(db, ProspectQuery.parse({ page: "399" }))).nextCursor;
const keyset = await measure(() => listProspects(db, ProspectQuery.parse({ after: cursor })));
console.log("deep page 400 of 25 by keyset cursor".padEnd(44), keyset.p50.toFixed(1).padStart(8), keyset.p95.toFixed(1).padStart(8), `${keyset.p95 <= GOAL_MS ? "ok" : "MISS"}`.padStart(6), `${(keyset.p95 / baseline.p95).toFixed(0)}x`.padStart(11));
figures.push({ what: `Prospects at ${scale} deals: deep page 400 by keyset cursor, p95`, value: Number(keyset.p95.toFixed(1)), unit: "ms", goal: `<= ${GOAL_MS}`, baseline: Number(baseline.p95.toFixed(2)), baselineLabel: "primary-key lookup p95", met: keyset.p95 <= GOAL_MS });
console.log(`\n${met} of ${cases.length} shapes at or under ${GOAL_MS} ms (p95)`);
writeFigures(args, "prospects-query", bench, figures);
await bench.close();
