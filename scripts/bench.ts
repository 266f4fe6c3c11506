// `npm run bench`: runs every bench of bench/results.ts's plan, each database bench on PGlite
// and on PostgreSQL (DATABASE_URL, or a throwaway server each bench starts on loopback), each
// in its own process, and writes their figures to bench/RESULTS.md.
//   npm run bench                                  everything at the issue's scales (about 25 minutes on 2 cores)
//   npm run bench -- --only csv-import --db postgres   one bench, one database (replaces only its rows)
//   npm run bench -- --quick                       small scales, a smoke check (about 3 minutes; to a temporary file)
// With BENCH_LOCK=<file> set, each bench holds that lock (flock) while it runs, so benches of
// several people on one machine do not measure each other.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_PLAN, benchArgv, mergeRuns, parseRunnerArgs, plannedRuns, readRecordedRuns, renderResults, type PlannedRun, type RunResult } from "@/bench/results";

const BENCH_DIR = path.join(process.cwd(), "bench");
const RESULTS_FILE = path.join(BENCH_DIR, "RESULTS.md");
const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const RUN_TIMEOUT_MS = 20 * 60_000;

function describe(run: PlannedRun): string {
  return [run.bench, run.db === "none" ? "" : run.db, run.scale === undefined ? "" : `scale ${run.scale}`].filter(Boolean).join(" ");
}

/** Runs one bench, its output shown as it goes; resolves with its exit code and the last lines it wrote on stderr. */
function runProcess(command: string, argv: string[]): Promise<{ code: number; stderrTail: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: ["ignore", "inherit", "pipe"] });
    let tail = "";
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-2_000);
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), RUN_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stderrTail: tail });
    });
  });
}

async function runOne(run: PlannedRun, workDir: string): Promise<RunResult> {
  const file = path.join(BENCH_DIR, `${run.bench}.ts`);
  if (!existsSync(file)) return { ...run, seconds: 0, figures: [], error: `bench/${run.bench}.ts does not exist yet` };
  const json = path.join(workDir, `${run.bench}-${run.db}-${run.scale ?? "once"}.json`);
  const preload = BENCH_PLAN.find((p) => p.bench === run.bench)?.preload ?? [];
  const argv = [...preload.flatMap((module) => ["--import", module]), file, ...benchArgv(run, json)];
  const lock = process.env.BENCH_LOCK;
  console.log(`\n=== ${describe(run)}${lock ? ` (waiting for ${lock})` : ""}`);
  // Under the lock the bench's time starts when the lock is taken: the shell stamps it first.
  const stamp = path.join(workDir, `${run.bench}-${run.db}-${run.scale ?? "once"}.started`);
  const { code, stderrTail } = lock
    ? await runProcess("flock", [lock, "sh", "-c", 'date +%s%3N > "$0"; exec "$@"', stamp, TSX, ...argv])
    : await runProcess("sh", ["-c", 'date +%s%3N > "$0"; exec "$@"', stamp, TSX, ...argv]);
  const seconds = existsSync(stamp) ? (Date.now() - Number(readFileSync(stamp, "utf8"))) / 1000 : 0;
  if (code !== 0 || !existsSync(json)) {
    const lastLine = stderrTail.trim().split("\n").at(-1) ?? "";
    return { ...run, seconds, figures: [], error: code !== 0 ? `exit ${code}${lastLine ? `: ${lastLine}` : ""}` : "the bench wrote no figures (--json)" };
  }
  const written = JSON.parse(readFileSync(json, "utf8")) as { db?: string; figures: RunResult["figures"] };
  return { ...run, dbLabel: written.db, seconds, figures: written.figures };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main() {
  const args = parseRunnerArgs(process.argv.slice(2));
  const runs = plannedRuns(args);
  const out = args.out ?? (args.quick ? path.join(os.tmpdir(), "dealflow-bench-quick.md") : RESULTS_FILE);
  const workDir = mkdtempSync(path.join(os.tmpdir(), "dealflow-bench-runs-"));
  const started = performance.now();
  const results: RunResult[] = [];
  try {
    for (const run of runs) results.push(await runOne(run, workDir));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const previous = existsSync(out) ? readRecordedRuns(readFileSync(out, "utf8")) : [];
  const merged = mergeRuns(args.quick ? [] : previous, results);
  writeFileSync(out, renderResults(merged, { date: new Date().toISOString().slice(0, 10), machine: machine(), quick: args.quick }));
  const minutes = (performance.now() - started) / 60_000;
  const failed = results.filter((r) => r.error);
  console.log(`\n${results.length} runs in ${minutes.toFixed(1)} min, ${failed.length} failed; table written to ${path.relative(process.cwd(), out) || out}`);
  for (const run of failed) console.log(`  failed: ${describe(run)}: ${run.error}`);
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
