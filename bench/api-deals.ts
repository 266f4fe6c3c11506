// GET /api/v1/deals under load, in process: N deals (default 92,000) seeded by SQL, an API key
// made the way the app makes it, and the route handler itself called with real Requests by
// 10 clients at once. Prints p50/p95/p99 and requests per second next to the goal
// (p99 <= 500 ms) and against one client alone (the baseline), plus where one request's
// time goes.
// Usage: npx tsx --import ./bench/cjs-default-interop.mjs bench/api-deals.ts [--db pglite|postgres] [--scale 92k] [--json f]
import "./quiet-logs";
import { NextRequest } from "next/server";
import { GET } from "@/app/api/v1/deals/route";
import { authenticateApiKey, createApiKey } from "@/lib/apikeys/service";
import { useDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { listProspects, ProspectQuery } from "@/lib/prospects/query";
import { limitApiKey } from "@/lib/ratelimit/limits";
import { openBenchDatabase, parseBenchArgs, writeFigures, type BenchFigure } from "./database";
import { seedDealsBySql } from "./seed-deals";

const args = parseBenchArgs();
const total = args.scale ?? 92_000;
const CLIENTS = 10;
const REQUESTS_PER_CLIENT = Number(process.env.REQUESTS_PER_CLIENT ?? 20);
const GOAL_P99_MS = 500;

const bench = await openBenchDatabase(args.db);
const { database } = bench;
useDatabase(database);
const tenant = await database.prisma.tenant.create({ data: { slug: "bench-api", name: "Bench API" } });
const seedStarted = performance.now();
await seedDealsBySql(database.sql, tenant.id, total);
console.log(`${bench.label}: seeded ${total.toLocaleString("en-US")} deals in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

const db = scopeToTenant(database.prisma, tenant.id);
const { key, record: { id: keyId } } = await createApiKey(db, { name: "Bench", scopes: ["deals:read"] }, { actorId: null, actorEmail: "bench", requestId: "bench" });

// What a client asks: the table's first page, newest first, and a few common filters.
const QUERIES = ["", "?status=CONTACTED", "?region=TX", "?sort=spread&dir=desc", "?scoreMin=80", "?page=3"];

async function call(i: number): Promise<number> {
  const request = new NextRequest(`http://localhost/api/v1/deals${QUERIES[i % QUERIES.length]}`, { headers: { authorization: `Bearer ${key}` } });
  const started = performance.now();
  const response = await GET(request, { params: Promise.resolve({}) });
  const body = (await response.json()) as { rows?: unknown[] };
  const ms = performance.now() - started;
  if (response.status !== 200 || !body.rows) throw new Error(`GET /api/v1/deals answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return ms;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(clients: number, perClient: number) {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < perClient; i++) times.push(await call(client * perClient + i));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), perSecond: times.length / seconds };
}

/** One request's parts, each timed alone (median of `runs`): where the time goes. */
async function breakdown(runs = 30) {
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  const query = ProspectQuery.parse({});
  return {
    "whole request": await median(() => call(0)),
    "prospects query (rows + capped count)": await median(() => listProspects(db, query)),
    "API key lookup": await median(() => authenticateApiKey(key)),
    "rate-limit take (plan + bucket write)": await median(() => limitApiKey(db, keyId)),
    "one scoped query (Tenant row)": await median(() => db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { plan: true } })),
    "the same on a new scoped client": await median(() => scopeToTenant(database.prisma, tenant.id).tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { plan: true } })),
  };
}

for (let i = 0; i < 10; i++) await call(i); // warm up (plans, caches)
const alone = await load(1, REQUESTS_PER_CLIENT * 2);
const loaded = await load(CLIENTS, REQUESTS_PER_CLIENT);
const parts = await breakdown();

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(11);
console.log(`\nGET /api/v1/deals, ${total.toLocaleString("en-US")} deals, ${bench.label}`);
console.log(`${"".padEnd(26)} ${"p50".padStart(11)} ${"p95".padStart(11)} ${"p99".padStart(11)} ${"req/s".padStart(8)}`);
for (const [label, run] of [["1 client (baseline)", alone], [`${CLIENTS} clients`, loaded]] as const) {
  console.log(`${label.padEnd(26)} ${ms(run.p50)} ${ms(run.p95)} ${ms(run.p99)} ${run.perSecond.toFixed(1).padStart(8)}`);
}
const met = loaded.p99 <= GOAL_P99_MS;
console.log(`goal: p99 <= ${GOAL_P99_MS} ms with ${CLIENTS} clients: ${loaded.p99.toFixed(0)} ms ${met ? "met" : "NOT met"}`);
console.log("\none request, part by part (median):");
for (const [label, value] of Object.entries(parts)) console.log(`  ${label.padEnd(40)} ${ms(value)}`);

const figures: BenchFigure[] = [
  { what: `GET /api/v1/deals p99, ${CLIENTS} clients`, value: loaded.p99, unit: "ms", goal: `<= ${GOAL_P99_MS}`, baseline: alone.p99, baselineLabel: "1 client", met },
  { what: `GET /api/v1/deals p50, ${CLIENTS} clients`, value: loaded.p50, unit: "ms", baseline: alone.p50, baselineLabel: "1 client" },
  { what: `GET /api/v1/deals throughput, ${CLIENTS} clients`, value: loaded.perSecond, unit: "req/s", baseline: alone.perSecond, baselineLabel: "1 client" },
];
writeFigures(args, "api-deals", bench, figures);
await bench.close();
