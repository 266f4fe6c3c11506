// Bytes of HTML and server time of the pages people keep open: Prospects (/deals, 25 rows),
// a deal page, the inbox and the outbox, signed in as the demo owner. Against a running
// production server (BASE_URL, with the demo workspace), or one this bench starts with
// `next start` (build first: `npm run build`, or NEXT_DIST_DIR of a build) on a fresh
// database: the demo workspace plus --scale deals (default 10,000) made by SQL.
// Goals: /deals <= 80 KB of HTML and p95 <= 120 ms. The baseline is /api/health, the
// server's floor for one request.
// Usage: npx tsx bench/page-weight.ts [--db pglite|postgres] [--scale 1m] [--json f]
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD, DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { openBenchDatabase, parseBenchArgs, writeFigures, type BenchDatabase, type BenchFigure } from "./database";
import { seedDealsBySql } from "./seed-deals";

const args = parseBenchArgs();
const RUNS = Number(process.env.RUNS ?? 20);
const GOAL_KB = 80;
const GOAL_P95_MS = 120;

let server: ChildProcess | undefined;
let bench: BenchDatabase | undefined;
let baseUrl = process.env.BASE_URL;
/** The deal page measured: DEAL_ID with BASE_URL, else the first demo deal. */
let dealId = process.env.DEAL_ID;

async function startServer(): Promise<string> {
  bench = await openBenchDatabase(args.db);
  const { prisma } = bench.database;
  await seedDemo(prisma);
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  const owner = await prisma.membership.findFirst({ where: { tenantId: tenant.id, role: "owner" }, select: { userId: true } });
  // A demo deal: notes, evidence and a timeline, as a worked deal has.
  dealId = (await prisma.deal.findFirstOrThrow({ where: { tenantId: tenant.id }, orderBy: { createdAt: "asc" }, select: { id: true } })).id;
  const started = performance.now();
  await seedDealsBySql(bench.database.sql, tenant.id, args.scale ?? 10_000, { ownerId: owner?.userId });
  console.log(`${bench.label}: seeded ${(args.scale ?? 10_000).toLocaleString("en-US")} deals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  let env: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789", LOG_LEVEL: "warn", OUTBOX_DISPATCHER: "0" };
  if (bench.kind === "pglite") {
    // PGlite is one process's database: the server opens the folder once the bench let go.
    await bench.database.close();
    env = { ...env, PGLITE_DATA_DIR: bench.dataDir };
  } else env = { ...env, DATABASE_URL: bench.url };
  const port = Number(process.env.PORT ?? 3210);
  const url = `http://127.0.0.1:${port}`;
  env.NEXTAUTH_URL = url;
  server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return url;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("next start did not answer within 2 minutes");
}

/** Signs in through NextAuth's credentials callback, as the login form does; returns the Cookie header. */
async function signIn(url: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: url },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" }),
  });
  keep(answer);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${answer.status})`);
  return cookie();
}

/** DUMP_DIR=<folder> keeps each page's HTML there, to see what makes it heavy. */
async function measure(url: string, cookie: string, dumpAs?: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (i >= 3) times.push(performance.now() - started);
    bytes = Buffer.byteLength(html);
    if (dumpAs && process.env.DUMP_DIR && i === 0) writeFileSync(path.join(process.env.DUMP_DIR, `${dumpAs}.html`), html);
  }
  times.sort((a, b) => a - b);
  return { kb: bytes / 1024, p50: times[Math.floor(times.length / 2)], p95: times[Math.ceil(times.length * 0.95) - 1] };
}

try {
  baseUrl ??= await startServer();
  const cookie = await signIn(baseUrl, "owner@demo.dealflow.app");
  if (!dealId) throw new Error("Set DEAL_ID to the deal page to measure on BASE_URL");
  const pages: [string, string][] = [["/deals (25 rows)", "/deals"], ["deal page", `/deals/${dealId}`], ["inbox", "/inbox"], ["outbox", "/outbox"]];
  const floor = await measure(`${baseUrl}/api/health`, cookie);
  console.log(`\n${"page".padEnd(22)} ${"HTML".padStart(9)} ${"p50".padStart(9)} ${"p95".padStart(9)}   goal`);
  const figures: BenchFigure[] = [];
  for (const [label, href] of pages) {
    const result = await measure(`${baseUrl}${href}`, cookie, label.split(" ")[0].replace(/\W/g, "") || "page");
    const goals = label.startsWith("/deals") ? `<= ${GOAL_KB} KB, p95 <= ${GOAL_P95_MS} ms` : "";
    console.log(`${label.padEnd(22)} ${`${result.kb.toFixed(1)} KB`.padStart(9)} ${`${result.p50.toFixed(0)} ms`.padStart(9)} ${`${result.p95.toFixed(0)} ms`.padStart(9)}   ${goals}`);
    const isList = label.startsWith("/deals");
    figures.push(
      { what: `${label} HTML`, value: result.kb, unit: "KB", ...(isList && { goal: `<= ${GOAL_KB}`, met: result.kb <= GOAL_KB }) },
      { what: `${label} server time p95`, value: result.p95, unit: "ms", baseline: floor.p95, baselineLabel: "/api/health", ...(isList && { goal: `<= ${GOAL_P95_MS}`, met: result.p95 <= GOAL_P95_MS }) },
    );
  }
  console.log(`${"/api/health (floor)".padEnd(22)} ${"".padStart(9)} ${`${floor.p50.toFixed(0)} ms`.padStart(9)} ${`${floor.p95.toFixed(0)} ms`.padStart(9)}`);
  writeFigures(args, "page-weight", bench ?? args.db, figures);
} finally {
  server?.kill("SIGTERM");
  if (server) await new Promise((resolve) => server!.once("exit", resolve));
  if (bench?.kind === "postgres") await bench.close();
  else if (bench?.dataDir) rmSync(path.dirname(bench.dataDir), { recursive: true, force: true });
}
