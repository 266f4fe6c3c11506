// What `npm run bench` runs and how bench/RESULTS.md reads: the plan of benches with their
// databases and scales, the runner's options, and the Markdown table. Pure: the runner
// (scripts/bench.ts) does the spawning and the file writing.
import { parseScale, type BenchFigure } from "./database";

export type RunDb = "pglite" | "postgres" | "none";

export interface PlannedBench {
  bench: string;
  /** What the bench measures, one line for the section heading. */
  title: string;
  /** The databases it runs on; "none" for a pure-rule bench (run once). */
  dbs: readonly RunDb[];
  /** Scales per database for the full run; absent for a bench without a scale. */
  scales?: Partial<Record<RunDb, readonly number[]>>;
  /** The one scale of a `--quick` run. */
  quickScale?: number;
  /** The noun of the scale in the table ("rows", "deals"...). */
  unitOfScale?: string;
  /** Modules Node loads first (`--import`), for benches that call route handlers outside Next.js. */
  preload?: readonly string[];
}

const ROUTE_INTEROP = "./bench/cjs-default-interop.mjs";

/**
 * The issue's scales: a 100k-row import; 200k deals on both databases and 1M on PostgreSQL
 * for the query and page benches (1M on PGlite is no setup to recommend); 92k deals for the
 * API under load; the registry's 5 million numbers; 10k ladder starts.
 */
export const BENCH_PLAN: readonly PlannedBench[] = [
  { bench: "csv-import", title: "CSV import end to end, next to a plain COPY of the same rows", dbs: ["pglite", "postgres"], scales: { pglite: [100_000], postgres: [100_000] }, quickScale: 5_000, unitOfScale: "rows" },
  { bench: "prospects-query", title: "Prospects query shapes, next to the primary-key lookup", dbs: ["pglite", "postgres"], scales: { pglite: [200_000], postgres: [200_000, 1_000_000] }, quickScale: 10_000, unitOfScale: "deals" },
  { bench: "page-weight", title: "HTML weight and server time of the light pages", dbs: ["pglite", "postgres"], scales: { pglite: [200_000], postgres: [1_000_000] }, quickScale: 10_000, unitOfScale: "deals", preload: [ROUTE_INTEROP] },
  { bench: "api-deals", title: "GET /api/v1/deals under 10 concurrent clients", dbs: ["pglite", "postgres"], scales: { pglite: [92_000], postgres: [92_000] }, quickScale: 5_000, unitOfScale: "deals", preload: [ROUTE_INTEROP] },
  { bench: "map-viewport", title: "Market map viewport requests (supercluster index), next to a SQL GROUP BY grid", dbs: ["pglite", "postgres"], scales: { pglite: [200_000], postgres: [200_000] }, quickScale: 10_000, unitOfScale: "deals" },
  { bench: "market-recompute", title: "Market-intel passes: area figures, a full pass, an incremental pass", dbs: ["pglite", "postgres"], scales: { pglite: [10_000], postgres: [10_000] }, quickScale: 2_000, unitOfScale: "deals" },
  { bench: "tenant-rls", title: "What row-level security costs a tenant's queries", dbs: ["pglite", "postgres"], scales: { pglite: [200_000], postgres: [200_000] }, quickScale: 10_000, unitOfScale: "deals" },
  { bench: "dnc-registry", title: "Do-not-call registry upload and lookup", dbs: ["pglite", "postgres"], scales: { pglite: [5_000_000], postgres: [5_000_000] }, quickScale: 200_000, unitOfScale: "numbers" },
  { bench: "ladder-start", title: "Starting follow-up ladders", dbs: ["pglite", "postgres"], scales: { pglite: [10_000], postgres: [10_000] }, quickScale: 1_000, unitOfScale: "leads" },
  { bench: "blast-queue", title: "Queueing a blast (createBlast), next to a blast to one buyer", dbs: ["pglite", "postgres"], scales: { pglite: [1_000], postgres: [1_000] }, quickScale: 1_000, unitOfScale: "buyers" },
  { bench: "buyer-match", title: "Matching one deal against its buyers (SQL prefilter, pure ranking), next to a primary-key lookup", dbs: ["pglite", "postgres"], scales: { pglite: [10_000], postgres: [10_000] }, quickScale: 10_000, unitOfScale: "buyers" },
  { bench: "conversations", title: "A lead's thread of 500 messages (getThread), and the Conversations list's first page, next to a primary-key lookup", dbs: ["pglite", "postgres"], scales: { pglite: [500], postgres: [500] }, quickScale: 500, unitOfScale: "messages" },
  { bench: "campaigns", title: "Queueing a 10,000-recipient email campaign through the gates (materialise, first pass of 100), next to a plain createMany of the recipient rows", dbs: ["pglite", "postgres"], scales: { pglite: [10_000], postgres: [10_000] }, quickScale: 2_000, unitOfScale: "leads" },
  { bench: "govcon-sync", title: "A SAM.gov sync of 1,000 fixture notices end to end (parse, dedupe, score, store), next to a plain createMany of the rows", dbs: ["pglite", "postgres"], scales: { pglite: [1_000], postgres: [1_000] }, quickScale: 1_000, unitOfScale: "notices" },
  { bench: "govcon-fit", title: "scoreBidFit over 10,000 SAM.gov notices against a profile (pure rule, no database), next to JSON.parse of the same notices", dbs: ["none"] },
  { bench: "underwriting", title: "computeOffer (pure rule, no database)", dbs: ["none"] },
  { bench: "contact-gate", title: "isContactAllowed (pure rule, no database)", dbs: ["none"] },
  { bench: "outbound-gates", title: "The outbound gate decision (pure rule, no database)", dbs: ["none"] },
  { bench: "memo-render", title: "Rendering one investor memo (pdfkit, no database), next to a one-line PDF", dbs: ["none"] },
];

export interface RunnerArgs {
  /** Bench names to run; every bench of the plan when empty. */
  only: string[];
  /** Databases to run on; both when empty (pure-rule benches run whatever is asked). */
  dbs: ("pglite" | "postgres")[];
  quick: boolean;
  /** Overrides every database bench's scale (e.g. `--scale 50k` while developing). */
  scale?: number;
  /** Where the table goes; bench/RESULTS.md for a full run, a temporary file for a quick one. */
  out?: string;
}

export function parseRunnerArgs(argv: string[], plan: readonly PlannedBench[] = BENCH_PLAN): RunnerArgs {
  const args: RunnerArgs = { only: [], dbs: [], quick: false };
  const known = new Set(plan.map((p) => p.bench));
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === "--quick") args.quick = true;
    else if (flag === "--only") {
      for (const name of value().split(",").map((s) => s.trim()).filter(Boolean)) {
        if (!known.has(name)) throw new Error(`--only: no bench named ${name} (${[...known].join(", ")})`);
        args.only.push(name);
      }
    } else if (flag === "--db") {
      for (const db of value().split(",")) {
        if (db !== "pglite" && db !== "postgres") throw new Error(`--db takes pglite or postgres, not ${db}`);
        args.dbs.push(db);
      }
    } else if (flag === "--scale") args.scale = parseScale(value());
    else if (flag === "--out") args.out = value();
    else throw new Error(`unknown option ${argv[i]} (--only <bench,...> --db pglite|postgres --quick --scale <n> --out <file>)`);
  }
  return args;
}

export interface PlannedRun {
  bench: string;
  db: RunDb;
  scale?: number;
}

/** Every (bench, database, scale) the options ask for, in the plan's order. */
export function plannedRuns(args: RunnerArgs, plan: readonly PlannedBench[] = BENCH_PLAN): PlannedRun[] {
  const runs: PlannedRun[] = [];
  for (const entry of plan) {
    if (args.only.length && !args.only.includes(entry.bench)) continue;
    for (const db of entry.dbs) {
      if (db !== "none" && args.dbs.length && !args.dbs.includes(db)) continue;
      const full = entry.scales?.[db];
      const scales = !full ? [undefined] : args.scale ? [args.scale] : args.quick ? [entry.quickScale ?? full[0]] : full;
      for (const scale of scales) runs.push({ bench: entry.bench, db, scale });
    }
  }
  return runs;
}

/** The options a bench process gets for one run. */
export function benchArgv(run: PlannedRun, jsonFile: string): string[] {
  const argv = run.db === "none" ? [] : ["--db", run.db];
  if (run.scale !== undefined) argv.push("--scale", String(run.scale));
  return [...argv, "--json", jsonFile];
}

/** One finished run as the runner records it (and RESULTS.md keeps for later partial runs). */
export interface RunResult extends PlannedRun {
  /** "PGlite", "PostgreSQL 15.8"... as the bench printed it. */
  dbLabel?: string;
  seconds: number;
  figures: BenchFigure[];
  /** Why the run gave no figures (exit code and last line of its error output). */
  error?: string;
}

/** A later run of a (bench, database) pair replaces every earlier one of that pair. */
export function mergeRuns(previous: RunResult[], latest: RunResult[]): RunResult[] {
  const key = (r: PlannedRun) => `${r.bench}\u0000${r.db}`;
  const replaced = new Set(latest.map(key));
  return [...previous.filter((r) => !replaced.has(key(r))), ...latest];
}

/** 100000 -> "100k", 1000000 -> "1M", 92500 -> "92,500". */
export function formatScale(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return n.toLocaleString("en-US");
}

/** Three significant figures at most below 100, whole numbers (grouped) above. */
export function formatValue(value: number, unit: string): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

const DB_NAMES: Record<"pglite" | "postgres", string> = { pglite: "PGlite", postgres: "PostgreSQL" };
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

interface Row {
  what: string;
  byDb: Partial<Record<RunDb, BenchFigure>>;
}

function rowsOf(runs: RunResult[]): Row[] {
  const rows: Row[] = [];
  for (const run of runs) {
    for (const figure of run.figures) {
      let row = rows.find((r) => r.what === figure.what);
      if (!row) rows.push((row = { what: figure.what, byDb: {} }));
      row.byDb[run.db] = figure;
    }
  }
  return rows;
}

/** The same text for every database, or each database's own ("PGlite <= 40 s; PostgreSQL <= 20 s"). */
function perDb(row: Row, text: (f: BenchFigure) => string | undefined): string {
  const entries = (Object.entries(row.byDb) as [RunDb, BenchFigure][])
    .map(([db, f]) => [db, text(f)] as const)
    .filter((e): e is readonly [RunDb, string] => e[1] !== undefined);
  if (entries.length === 0) return "-";
  // A goal or verdict that only one database has is named as that database's.
  const all = Object.keys(row.byDb).length;
  if (entries.length === all && entries.every(([, t]) => t === entries[0][1])) return entries[0][1];
  return entries.map(([db, t]) => (db === "none" ? t : `${DB_NAMES[db]} ${t}`)).join("; ");
}

function renderRow(row: Row): string {
  const value = (db: RunDb) => {
    const f = row.byDb[db];
    return f ? formatValue(f.value, f.unit) : "-";
  };
  const goal = perDb(row, (f) => (f.goal ? `${f.goal} ${f.unit}`.trim() : undefined));
  const labels = [...new Set(Object.values(row.byDb).map((f) => f?.baselineLabel).filter(Boolean))];
  const baselineValues = perDb(row, (f) => (f.baseline === undefined ? undefined : formatValue(f.baseline, f.unit)));
  const baseline = baselineValues === "-" ? "-" : `${baselineValues}${labels.length ? ` (${labels.join("; ")})` : ""}`;
  const met = perDb(row, (f) => (f.met === undefined ? undefined : f.met ? "yes" : "**no**"));
  const pure = row.byDb.none;
  const [pglite, postgres] = pure ? [formatValue(pure.value, pure.unit), "(no database)"] : [value("pglite"), value("postgres")];
  return `| ${[row.what, goal, pglite, postgres, baseline, met].map(cell).join(" | ")} |`;
}

export interface ResultsHeader {
  /** ISO date of the run. */
  date: string;
  machine: string;
  quick: boolean;
}

/** bench/RESULTS.md: one table per bench and scale, and the runs themselves for the next partial run to merge with. */
export function renderResults(runs: RunResult[], header: ResultsHeader, plan: readonly PlannedBench[] = BENCH_PLAN): string {
  const lines = [
    "# Bench results",
    "",
    `Written by \`npm run bench${header.quick ? " -- --quick" : ""}\` on ${header.date}, ${header.machine}.` +
      (header.quick ? " Quick run: small scales, for a smoke check only." : ""),
    "Each figure is measured next to its baseline in the same process and run; `met` compares it with the goal.",
    "A bench run again (`npm run bench -- --only <bench> --db <db>`) replaces only its own rows.",
  ];
  const order = (bench: string) => {
    const at = plan.findIndex((p) => p.bench === bench);
    return at < 0 ? plan.length : at;
  };
  const benches = [...new Set(runs.map((r) => r.bench))].sort((a, b) => order(a) - order(b));
  for (const bench of benches) {
    const entry = plan.find((p) => p.bench === bench);
    const ofBench = runs.filter((r) => r.bench === bench);
    const scales = [...new Set(ofBench.map((r) => r.scale))].sort((a, b) => (a ?? 0) - (b ?? 0));
    for (const scale of scales) {
      const group = ofBench.filter((r) => r.scale === scale);
      const where = group
        .filter((r) => r.db !== "none")
        .map((r) => `${r.dbLabel ?? DB_NAMES[r.db as "pglite" | "postgres"]} ${formatValue(r.seconds, "s")}`)
        .join(", ");
      const ran = where ? ` (ran ${where})` : group[0] ? ` (ran ${formatValue(group[0].seconds, "s")})` : "";
      const at = scale === undefined ? "" : ` at ${formatScale(scale)}${entry?.unitOfScale ? ` ${entry.unitOfScale}` : ""}`;
      lines.push("", `## ${bench}${at}`, "", `${entry?.title ?? bench}${ran}.`, "");
      lines.push("| what | goal | PGlite | PostgreSQL | baseline | met |", "| --- | --- | --- | --- | --- | --- |");
      for (const row of rowsOf(group)) lines.push(renderRow(row));
      for (const failed of group.filter((r) => r.error)) {
        const db = failed.db === "none" ? "" : `${DB_NAMES[failed.db]}: `;
        lines.push(`| ${cell(`${db}run failed: ${failed.error}`)} | | | | | **no** |`);
      }
    }
  }
  // A "-->" inside a string would end the comment early; JSON reads the escape back.
  lines.push("", `<!-- bench-runs ${JSON.stringify(runs).replaceAll("-->", "--\\u003e")} -->`, "");
  return lines.join("\n");
}

/** The runs a previous RESULTS.md recorded; none when it has no record. */
export function readRecordedRuns(markdown: string): RunResult[] {
  const match = /<!-- bench-runs (.*) -->/.exec(markdown);
  if (!match) return [];
  try {
    const runs = JSON.parse(match[1]) as unknown;
    return Array.isArray(runs) ? (runs as RunResult[]) : [];
  } catch {
    return [];
  }
}
