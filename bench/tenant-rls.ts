// What row-level security costs a tenant's queries: the tenant-scoped client (every query in a
// transaction that enters the tenant, policies checked by the database) against the same
// queries on the process's own client, which the policies let through unchecked.
// Usage: npx tsx bench/tenant-rls.ts [--db pglite|postgres] [--scale 200k] [--json file]
import { randomUUID } from "node:crypto";
import { insertRows, refreshAfterBulkWrite } from "@/lib/db/bulk";
import { scopeToTenant } from "@/lib/db/tenant";
import { demoDeals } from "@/lib/demo/deals";
import { openBenchDatabase, parseBenchArgs, writeFigures } from "./database";

const args = parseBenchArgs();
const total = args.scale ?? Number(args.positional[0] ?? 50_000);
const bench = await openBenchDatabase(args.db);
const { database } = bench;
const [tenant, other] = await Promise.all(
  ["bench", "bench-other"].map((slug) => database.prisma.tenant.create({ data: { slug: `${slug}-${randomUUID().slice(0, 8)}`, name: slug } })),
);
const db = scopeToTenant(database.prisma, tenant.id);

const seedStarted = performance.now();
for (const [owner, count] of [[tenant.id, total], [other.id, total / 5]] as const) {
  const scoped = scopeToTenant(database.prisma, owner);
  for (let offset = 0; offset < count; offset += 5_000) {
    const inputs = demoDeals(Math.min(5_000, count - offset), offset + 1);
    await insertRows(
      scoped,
      "Deal",
      inputs.map((d, i) => ({
        source: "CSV", status: i % 3 ? "NEW" : "CONTACTED", street: `${offset + i} ${d.street}`, city: d.city, region: d.region,
        postalCode: d.postalCode, country: d.country, addressKey: `RLS-${owner}-${offset + i}`, askingPrice: d.askingPrice, arv: d.arv,
        score: d.score, raw: {},
      })),
    );
  }
}
await refreshAfterBulkWrite(db, ["Deal"]);
const seedSeconds = (performance.now() - seedStarted) / 1000;
console.log(`${bench.label}: seeded ${total.toLocaleString()} + ${(total / 5).toLocaleString()} deals in ${seedSeconds.toFixed(1)} s (bulk writes enter the tenant too)`);

const sample = await database.prisma.deal.findMany({ where: { tenantId: tenant.id }, select: { id: true }, take: 200 });

async function p50(run: (i: number) => Promise<unknown>, runs = 200): Promise<number> {
  for (let i = 0; i < 20; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const rows: [string, number, number][] = [];
async function compare(name: string, scoped: (i: number) => Promise<unknown>, system: (i: number) => Promise<unknown>, runs?: number) {
  rows.push([name, await p50(scoped, runs), await p50(system, runs)]);
}

await compare(
  "deal by id",
  (i) => db.deal.findFirst({ where: { id: sample[i % sample.length].id } }),
  (i) => database.prisma.deal.findFirst({ where: { id: sample[i % sample.length].id, tenantId: tenant.id } }),
);
await compare(
  "count of contacted deals",
  () => db.deal.count({ where: { status: "CONTACTED" } }),
  () => database.prisma.deal.count({ where: { status: "CONTACTED", tenantId: tenant.id } }),
  50,
);
await compare(
  "address search 'oak' (first 50 matches)",
  () => db.deal.findMany({ where: { street: { contains: "oak", mode: "insensitive" } }, take: 50 }),
  () => database.prisma.deal.findMany({ where: { tenantId: tenant.id, street: { contains: "oak", mode: "insensitive" } }, take: 50 }),
  50,
);

console.log(`\n${"query".padEnd(40)} ${"scoped + RLS".padStart(14)} ${"system".padStart(10)} ${"ratio".padStart(7)}`);
for (const [name, scoped, system] of rows) {
  console.log(`${name.padEnd(40)} ${`${scoped.toFixed(2)} ms`.padStart(14)} ${`${system.toFixed(2)} ms`.padStart(10)} ${(scoped / system).toFixed(2).padStart(7)}`);
}
writeFigures(
  args,
  "tenant-rls",
  bench,
  rows.map(([name, scoped, system]) => ({ what: `${name}, p50 through the tenant's client and its policies`, value: scoped, unit: "ms", baseline: system, baselineLabel: "the same query on the process's own client" })),
);
await bench.close();
