// A SAM.gov sync of 1,000 fixture notices end to end: one search answered as SAM.gov's JSON
// (through the client, the quota row counted before the request), parse, dedupe, score
// against a profile, store. Then the same 1,000 again (all unchanged: the dedupe path) and
// with one in ten amended (a version each). Baseline in the same run: a plain createMany of
// the same 1,000 opportunity rows, already mapped and scored.
// Usage: npx tsx bench/govcon-sync.ts [--db pglite|postgres] [--scale 1000] [--json file]
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Prisma } from "@/generated/prisma/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { noticeFields } from "@/lib/govcon/notice-fields";
import { fitColumns } from "@/lib/govcon/sync-store";
import { syncOpportunities } from "@/lib/govcon/sync";
import type { GovConProfileView } from "@/lib/govcon/profile-schema";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { openBenchDatabase, parseBenchArgs, writeFigures } from "./database";

const args = parseBenchArgs();
const NOTICES = args.scale ?? Number(args.positional[0] ?? 1_000);
const GOAL_MS = 5_000;
const ENV = { SAM_GOV_API_KEY: "bench-key", SAM_GOV_DAILY_BUDGET: "1000", SAM_GOV_API_URL: "https://sam.bench.test" };

/** F's shipped notices, varied into `count` distinct ones (new noticeIds, shifted solicitation numbers). */
function benchNotices(count: number): SamNotice[] {
  const file = JSON.parse(readFileSync(path.join(process.cwd(), "fixtures/samgov/notices.json"), "utf8")) as { notices: SamNotice[] };
  const latest = new Map<string, SamNotice>();
  for (const notice of file.notices) latest.set(notice.noticeId!, notice);
  const base = [...latest.values()];
  return Array.from({ length: count }, (_, i) => {
    const notice = base[i % base.length];
    const copy = Math.floor(i / base.length);
    return { ...notice, noticeId: `${notice.noticeId}-${copy}`, solicitationNumber: notice.solicitationNumber ? `${notice.solicitationNumber}-${copy}` : null, postedDate: "2026-03-09 14:00:00+00" };
  });
}

/** SAM.gov's search as an in-process fetch: pages of the current notices as JSON text, as the network would bring them. */
function servingFetch(notices: () => SamNotice[]): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 1000);
    const all = notices();
    return new Response(JSON.stringify({ totalRecords: all.length, limit, offset, opportunitiesData: all.slice(offset, offset + limit) }), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

async function main() {
  process.env.LOG_LEVEL ??= "error";
  const bench = await openBenchDatabase(args.db);
  const { database } = bench;
  const tenant = await database.prisma.tenant.create({ data: { slug: "bench-govcon", name: "Bench GovCon", timeZone: "America/New_York", country: "US" } });
  const db = scopeToTenant(database.prisma, tenant.id);
  // No NAICS or keywords: every notice is kept, so all 1,000 are scored and stored.
  const profileRow = await db.govConProfile.create({ data: { setAsides: ["SBA", "SDVOSBC"], states: ["TX", "VA", "MD"], valueMinDollars: 100_000, valueMaxDollars: 5_000_000, descriptionMinFit: 101 } });
  const profile: GovConProfileView = { ...profileRow, fitWeights: {} };
  const now = new Date("2026-03-10T15:00:00Z");
  let current = benchNotices(NOTICES);
  const fetchImpl = servingFetch(() => current);
  const sync = (at: Date) => syncOpportunities(db, { now: at, env: ENV, fetchImpl, previousWindow: null, maxDescriptions: 0 });

  // Baseline: the same rows, mapped and scored beforehand, written by one createMany into a scratch tenant.
  const scratch = await database.prisma.tenant.create({ data: { slug: "bench-govcon-floor", name: "Floor", timeZone: "America/New_York", country: "US" } });
  const floorDb = scopeToTenant(database.prisma, scratch.id);
  const rows = current.map((n) => ({ ...noticeFields(n as SamNotice & { noticeId: string }), ...fitColumns(n, null, profile, now) }) as Prisma.OpportunityCreateManyInput);
  // A warm-up write first, so neither figure pays for the first statement's planning.
  await floorDb.opportunity.createMany({ data: rows.slice(0, 50) });
  await floorDb.opportunity.deleteMany({});
  let started = performance.now();
  await floorDb.opportunity.createMany({ data: rows });
  const baselineMs = performance.now() - started;

  started = performance.now();
  const first = await sync(now);
  const firstMs = performance.now() - started;

  started = performance.now();
  const again = await sync(new Date(now.getTime() + 3_600_000));
  const againMs = performance.now() - started;

  current = current.map((n, i) => (i % 10 === 0 ? { ...n, responseDeadLine: "2026-05-01T17:00:00-04:00", resourceLinks: [...(n.resourceLinks ?? []), `https://sam.gov/files/bench-${i}/download`] } : n));
  started = performance.now();
  const amended = await sync(new Date(now.getTime() + 7_200_000));
  const amendedMs = performance.now() - started;

  console.log(`${bench.label}, notices: ${NOTICES} (the shipped fixture feed's notices, varied to new noticeIds), one search of limit=1000 per ${Math.min(NOTICES, 1000)}`);
  console.log(`baseline (createMany of ${NOTICES} opportunity rows, mapped and scored beforehand): ${baselineMs.toFixed(0)} ms`);
  console.log(`sync of ${first.fetched} new notices (${first.requests} request(s), parse, dedupe, score, store ${first.new}): ${firstMs.toFixed(0)} ms (${(firstMs / baselineMs).toFixed(1)}x baseline), goal <= ${GOAL_MS} ms: ${firstMs <= GOAL_MS ? "met" : "MISSED"}`);
  console.log(`  the same ${again.fetched} again (all unchanged, ${again.new} new, ${again.amended} amended): ${againMs.toFixed(0)} ms`);
  console.log(`  with one in ten amended (${amended.amended} versions written): ${amendedMs.toFixed(0)} ms`);
  writeFigures(args, "govcon-sync", bench, [
    { what: `A SAM.gov sync of ${NOTICES} new fixture notices end to end (parse, dedupe, score, store)`, value: firstMs, unit: "ms", goal: `<= ${GOAL_MS}`, met: firstMs <= GOAL_MS, baseline: baselineMs, baselineLabel: `createMany of ${NOTICES} opportunity rows` },
    { what: `The same ${NOTICES} notices again, all unchanged`, value: againMs, unit: "ms", baseline: baselineMs, baselineLabel: `createMany of ${NOTICES} opportunity rows` },
    { what: `The same ${NOTICES} notices with one in ten amended`, value: amendedMs, unit: "ms" },
  ]);
  await bench.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
