// Market map viewport requests over N deals (default 200,000) on real ZIP centres: the
// first (cold) request, which builds the cluster index, then 200 requests at mixed zooms and
// boxes as people pan and zoom, p50/p95 against the goal (p95 <= 150 ms), next to the same
// requests answered by a SQL GROUP BY grid over the box (the way without an index). Usage:
//   npx tsx bench/map-viewport.ts [--db pglite|postgres] [--scale 200k|<n>] [--json f]
import zipcodes from "zipcodes";
import { insertRows } from "@/lib/db/bulk";
import { selectInTenant } from "@/lib/db/scoped-sql";
import { clampBbox, type Bbox } from "@/lib/map/bbox";
import { clearViewportCache, viewportClusters } from "@/lib/map/viewport";
import { ProspectQuery } from "@/lib/prospects/query-params";
import { prospectFilterSql } from "@/lib/prospects/query-sql";
import { openBenchTenant, parseBenchArgs, writeFigures, type BenchFigure } from "./database";

const args = parseBenchArgs();
const total = args.scale ?? 200_000;
const GOAL_MS = 150;
const REQUESTS = 200;

const { bench, database, db } = await openBenchTenant(args.db);

// US ZIPs of the 25 busiest wholesale states: deals cluster in metros, as they do for a team.
const STATES = new Set(["TX", "FL", "GA", "OH", "TN", "NC", "AZ", "NY", "CA", "IL", "PA", "MI", "IN", "MO", "AL", "SC", "NV", "CO", "LA", "OK", "KY", "MD", "VA", "WI", "MN"]);
const ZIPS = Object.values(zipcodes.codes).filter((z) => z.country === "US" && STATES.has(z.state) && Number.isFinite(z.latitude) && /^\d{5}$/.test(z.zip));
const STATUSES = ["NEW", "UNDERWRITTEN", "CONTACTED", "NEGOTIATING", "UNDER_CONTRACT", "CLOSED", "DEAD"] as const;
const STRATEGIES = ["FLIP", "RENTAL", "WHOLESALE", "TRASH", null] as const;

/** A deterministic spread of deals: popular ZIPs get many (a power law), 60 % sit on their ZIP's centre. */
function dealRow(n: number) {
  const zip = ZIPS[Math.floor(ZIPS.length * ((n * 0.6180339887) % 1) ** 3)];
  const onCentre = n % 5 < 3;
  const jitter = (k: number) => (onCentre ? 0 : ((((n * k) % 1000) / 1000) - 0.5) * 0.04);
  const spread = n % 9 === 0 ? null : ((n * 7919) % 120) * 1000 - 20_000;
  const at = new Date(Date.UTC(2026, 0, 1) + (n % 300) * 86_400_000);
  return {
    id: `map-${n}`,
    source: "CSV",
    status: STATUSES[n % STATUSES.length],
    strategy: STRATEGIES[(n * 3) % STRATEGIES.length],
    street: `${100 + (n % 9000)} Oak Street`,
    city: zip.city,
    region: zip.state,
    postalCode: zip.zip,
    areaCode: zip.zip,
    country: "US",
    addressKey: `MAP-${n}`,
    spread,
    latitude: zip.latitude + jitter(31),
    longitude: zip.longitude + jitter(17),
    locationSource: onCentre ? "centroid" : "intake",
    raw: {},
    createdAt: at,
    updatedAt: at,
  };
}

const seedStarted = performance.now();
for (let offset = 0; offset < total; offset += 20_000) {
  await insertRows(db, "Deal", Array.from({ length: Math.min(20_000, total - offset) }, (_, i) => dealRow(offset + i)));
}
await database.sql.exec(`VACUUM ANALYZE "Deal"`);
console.log(`${bench.label}: seeded ${total.toLocaleString("en-US")} deals over ${ZIPS.length.toLocaleString("en-US")} ZIPs in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

/** Views as a person moves: the country, states, metros, neighbourhoods; 60 % unfiltered, the rest with a filter. */
const VIEWS: { bbox: Bbox; zoom: number; filters: Record<string, string> }[] = Array.from({ length: REQUESTS }, (_, i) => {
  const zoom = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14][i % 12];
  const zip = ZIPS[Math.floor(ZIPS.length * ((i * 0.7548776662) % 1) ** 3)];
  // A 1280 x 800 px viewport: 360 degrees span 512 * 2^zoom px.
  const halfLng = (1280 / 2) * (360 / (512 * 2 ** zoom));
  const halfLat = (800 / 2) * (360 / (512 * 2 ** zoom)) * Math.cos((zip.latitude * Math.PI) / 180);
  const filters: Record<string, string> = i % 5 === 3 ? { status: "NEW,UNDERWRITTEN" } : i % 5 === 4 ? { strategy: "FLIP", spreadMin: "20000" } : {};
  return { bbox: clampBbox([zip.longitude - halfLng, zip.latitude - halfLat, zip.longitude + halfLng, zip.latitude + halfLat]), zoom, filters };
});

const percentile = (times: number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))];
async function timed(run: (view: (typeof VIEWS)[number]) => Promise<unknown>) {
  const times: number[] = [];
  for (const view of VIEWS) {
    const started = performance.now();
    await run(view);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times) };
}

clearViewportCache();
let started = performance.now();
const first = await viewportClusters(db, ProspectQuery.parse({}), { bbox: [-128, 23, -60, 52], zoom: 4 });
const coldMs = performance.now() - started;
started = performance.now();
await viewportClusters(db, ProspectQuery.parse({ status: "NEW,UNDERWRITTEN" }), { bbox: [-128, 23, -60, 52], zoom: 4 });
await viewportClusters(db, ProspectQuery.parse({ strategy: "FLIP", spreadMin: "20000" }), { bbox: [-128, 23, -60, 52], zoom: 4 });
const coldFilteredMs = (performance.now() - started) / 2;
let featuresMax = 0;
const warm = await timed(async ({ bbox, zoom, filters }) => {
  const result = await viewportClusters(db, ProspectQuery.parse(filters), { bbox, zoom });
  featuresMax = Math.max(featuresMax, result.features.length);
});

/** The same views when every request reads the data version again (someone pausing 2 s or more between moves). */
const checked = await timed(({ bbox, zoom, filters }) => viewportClusters(db, ProspectQuery.parse(filters), { bbox, zoom, maxStaleMs: 0 }));

/** The same views as a grid of cells about as wide as a cluster (60 px), counted by the database. */
const grid = await timed(async ({ bbox, zoom, filters }) => {
  const filter = prospectFilterSql(ProspectQuery.parse({ ...filters, bbox: bbox.join(",") }), db.tenantId);
  const cell = (60 * 360) / (512 * 2 ** zoom);
  await selectInTenant(
    db,
    `SELECT floor("longitude" / ${cell}) AS x, floor("latitude" / ${cell}) AS y, count(*)::int AS n, sum("spread")::bigint AS spread,
       avg("longitude") AS lng, avg("latitude") AS lat FROM "Deal" WHERE ${filter.where} GROUP BY 1, 2`,
    filter.params,
  );
});

console.log(`\n${bench.label}, ${total.toLocaleString("en-US")} deals; goal: p95 <= ${GOAL_MS} ms per viewport request`);
console.log(`cold first request (index built: ${first.indexed.toLocaleString("en-US")} deals)`.padEnd(64), `${coldMs.toFixed(0)} ms`);
console.log("cold request with a new filter set (each builds its index)".padEnd(64), `${coldFilteredMs.toFixed(0)} ms`);
console.log(`${REQUESTS} viewport requests, mixed zooms 3-14 and filters`.padEnd(64), `p50 ${warm.p50.toFixed(1)} ms, p95 ${warm.p95.toFixed(1)} ms, max ${warm.max.toFixed(0)} ms`, warm.p95 <= GOAL_MS ? "ok" : "MISS");
console.log("the same, each reading the data version again".padEnd(64), `p50 ${checked.p50.toFixed(1)} ms, p95 ${checked.p95.toFixed(1)} ms`, checked.p95 <= GOAL_MS ? "ok" : "MISS");
console.log("baseline: the same views as a SQL GROUP BY grid".padEnd(64), `p50 ${grid.p50.toFixed(1)} ms, p95 ${grid.p95.toFixed(1)} ms`);
console.log(`ratio (viewport p95 / grid p95)`.padEnd(64), `${(warm.p95 / grid.p95).toFixed(2)}x; most features in one answer: ${featuresMax}`);

const scale = `${Math.round(total / 1000)}k`;
const figures: BenchFigure[] = [
  { what: `Market map viewport at ${scale} deals, p95 of ${REQUESTS} mixed views`, value: Number(warm.p95.toFixed(1)), unit: "ms", goal: `<= ${GOAL_MS}`, baseline: Number(grid.p95.toFixed(1)), baselineLabel: "SQL GROUP BY grid p95", met: warm.p95 <= GOAL_MS },
  { what: `Market map viewport at ${scale} deals, each request reading the data version, p95`, value: Number(checked.p95.toFixed(1)), unit: "ms", goal: `<= ${GOAL_MS}`, met: checked.p95 <= GOAL_MS },
  { what: `Market map viewport at ${scale} deals, p50`, value: Number(warm.p50.toFixed(1)), unit: "ms" },
  { what: `Market map viewport at ${scale} deals, cold first request (builds the index)`, value: Math.round(coldMs), unit: "ms" },
];
writeFigures(args, "map-viewport", bench, figures);
await bench.close();
