import { describe, expect, it } from "vitest";
import { parseBenchArgs, parseScale } from "@/bench/database";
import {
  benchArgv,
  formatScale,
  formatValue,
  mergeRuns,
  parseRunnerArgs,
  plannedRuns,
  readRecordedRuns,
  renderResults,
  type PlannedBench,
  type RunResult,
} from "@/bench/results";

const PLAN: PlannedBench[] = [
  { bench: "csv-import", title: "CSV import", dbs: ["pglite", "postgres"], scales: { pglite: [100_000], postgres: [100_000] }, quickScale: 5_000, unitOfScale: "rows" },
  { bench: "prospects-query", title: "Queries", dbs: ["pglite", "postgres"], scales: { pglite: [200_000], postgres: [200_000, 1_000_000] }, quickScale: 10_000, unitOfScale: "deals" },
  { bench: "underwriting", title: "computeOffer", dbs: ["none"] },
];

describe("bench options", () => {
  it("reads scales written as 200k, 1m or plain numbers", () => {
    expect(parseScale("200k")).toBe(200_000);
    expect(parseScale("1m")).toBe(1_000_000);
    expect(parseScale("1.5M")).toBe(1_500_000);
    expect(parseScale("92000")).toBe(92_000);
    expect(() => parseScale("lots")).toThrow(/--scale/);
  });

  it("takes --db, --scale and --json out of a bench's arguments and leaves the rest", () => {
    expect(parseBenchArgs(["--db", "postgres", "--scale=1m", "500", "--json", "out.json"])).toEqual({ db: "postgres", scale: 1_000_000, json: "out.json", positional: ["500"] });
    expect(parseBenchArgs([])).toEqual({ db: "pglite", positional: [] });
    expect(() => parseBenchArgs(["--db", "mysql"])).toThrow(/pglite or postgres/);
  });

  it("reads the runner's filters, refusing unknown benches and options", () => {
    expect(parseRunnerArgs(["--only", "csv-import,underwriting", "--db=postgres", "--quick"], PLAN)).toEqual({ only: ["csv-import", "underwriting"], dbs: ["postgres"], quick: true });
    expect(parseRunnerArgs(["--scale", "50k", "--out", "/tmp/r.md"], PLAN)).toMatchObject({ scale: 50_000, out: "/tmp/r.md" });
    expect(() => parseRunnerArgs(["--only", "csv-imports"], PLAN)).toThrow(/no bench named csv-imports/);
    expect(() => parseRunnerArgs(["--db", "sqlite"], PLAN)).toThrow(/pglite or postgres/);
    expect(() => parseRunnerArgs(["--fast"], PLAN)).toThrow(/unknown option --fast/);
    expect(() => parseRunnerArgs(["--only"], PLAN)).toThrow(/needs a value/);
  });
});

describe("planned runs", () => {
  it("runs every database bench on both databases at the plan's scales, pure-rule benches once", () => {
    expect(plannedRuns(parseRunnerArgs([], PLAN), PLAN)).toEqual([
      { bench: "csv-import", db: "pglite", scale: 100_000 },
      { bench: "csv-import", db: "postgres", scale: 100_000 },
      { bench: "prospects-query", db: "pglite", scale: 200_000 },
      { bench: "prospects-query", db: "postgres", scale: 200_000 },
      { bench: "prospects-query", db: "postgres", scale: 1_000_000 },
      { bench: "underwriting", db: "none", scale: undefined },
    ]);
  });

  it("keeps only the benches and database asked for, at the quick scale or the one given", () => {
    const quick = plannedRuns(parseRunnerArgs(["--only", "prospects-query,underwriting", "--db", "postgres", "--quick"], PLAN), PLAN);
    expect(quick).toEqual([
      { bench: "prospects-query", db: "postgres", scale: 10_000 },
      { bench: "underwriting", db: "none", scale: undefined },
    ]);
    expect(plannedRuns(parseRunnerArgs(["--only", "csv-import", "--scale", "20k"], PLAN), PLAN).map((r) => r.scale)).toEqual([20_000, 20_000]);
  });

  it("hands each bench its database, scale and figures file", () => {
    expect(benchArgv({ bench: "csv-import", db: "postgres", scale: 100_000 }, "/tmp/f.json")).toEqual(["--db", "postgres", "--scale", "100000", "--json", "/tmp/f.json"]);
    expect(benchArgv({ bench: "underwriting", db: "none" }, "/tmp/u.json")).toEqual(["--json", "/tmp/u.json"]);
  });
});

const importRuns: RunResult[] = [
  {
    bench: "csv-import", db: "pglite", scale: 100_000, dbLabel: "PGlite", seconds: 95,
    figures: [
      { what: "100k-row import", value: 38.25, unit: "s", goal: "<= 40", baseline: 20.04, baselineLabel: "plain COPY of the same rows", met: true },
      { what: "peak RSS during the import", value: 910, unit: "MB", baseline: 600, baselineLabel: "before the import" },
    ],
  },
  {
    bench: "csv-import", db: "postgres", scale: 100_000, dbLabel: "PostgreSQL 15.18", seconds: 60,
    figures: [
      { what: "100k-row import", value: 24.5, unit: "s", goal: "<= 20", baseline: 9.81, baselineLabel: "plain COPY of the same rows", met: false },
      { what: "peak RSS during the import", value: 420, unit: "MB", goal: "<= 600", baseline: 300, baselineLabel: "before the import", met: true },
    ],
  },
];

describe("bench/RESULTS.md", () => {
  const header = { date: "2026-12-08", machine: "2 × test CPU", quick: false };

  it("puts both databases side by side with each one's goal, baseline and verdict", () => {
    const markdown = renderResults(importRuns, header, PLAN);
    expect(markdown).toContain("## csv-import at 100k rows");
    expect(markdown).toContain("| what | goal | PGlite | PostgreSQL | baseline | met |");
    expect(markdown).toContain(
      "| 100k-row import | PGlite <= 40 s; PostgreSQL <= 20 s | 38.3 s | 24.5 s | PGlite 20.0 s; PostgreSQL 9.81 s (plain COPY of the same rows) | PGlite yes; PostgreSQL **no** |",
    );
    expect(markdown).toContain("| peak RSS during the import | PostgreSQL <= 600 MB | 910 MB | 420 MB | PGlite 600 MB; PostgreSQL 300 MB (before the import) | PostgreSQL yes |");
  });

  it("shows a pure-rule bench once, a bench that failed, and one that ran on one database only", () => {
    const runs: RunResult[] = [
      { bench: "underwriting", db: "none", seconds: 4, figures: [{ what: "computeOffer", value: 41.234, unit: "M ops/s", baseline: 90.5, baselineLabel: "inline arithmetic" }] },
      { bench: "prospects-query", db: "postgres", scale: 1_000_000, seconds: 200, figures: [], error: "exit 1: seeding failed | out of disk" },
    ];
    const markdown = renderResults(runs, header, PLAN);
    expect(markdown).toContain("| computeOffer | - | 41.2 M ops/s | (no database) | 90.5 M ops/s (inline arithmetic) | - |");
    expect(markdown).toContain("## prospects-query at 1M deals");
    expect(markdown).toContain("| PostgreSQL: run failed: exit 1: seeding failed \\| out of disk | | | | | **no** |");
    expect(markdown.indexOf("## prospects-query")).toBeLessThan(markdown.indexOf("## underwriting"));
  });

  it("records its runs so a later partial run replaces only the pairs it ran again", () => {
    const recorded = readRecordedRuns(renderResults(importRuns, header, PLAN));
    expect(recorded).toEqual(importRuns);
    const again: RunResult = { ...importRuns[1], figures: [{ ...importRuns[1].figures[0], value: 14.2, met: true }] };
    const merged = mergeRuns(recorded, [again]);
    expect(merged.map((r) => [r.db, r.figures[0].value])).toEqual([["pglite", 38.25], ["postgres", 14.2]]);
    expect(readRecordedRuns("# no record here")).toEqual([]);
  });

  it("keeps its record readable when a message holds the end of a comment", () => {
    const runs: RunResult[] = [{ bench: "underwriting", db: "none", seconds: 1, figures: [], error: "exit 1: a --> b" }];
    expect(readRecordedRuns(renderResults(runs, header, PLAN))).toEqual(runs);
  });

  it("writes scales and values the way the table reads them", () => {
    expect([100_000, 1_000_000, 92_000, 5_000_000, 1_500_000, 92_500].map(formatScale)).toEqual(["100k", "1M", "92k", "5M", "1.5M", "92,500"]);
    expect(formatValue(61234.6, "rows/s")).toBe("61,235 rows/s");
    expect(formatValue(47.54, "s")).toBe("47.5 s");
    expect(formatValue(1.456, "x")).toBe("1.46 x");
    expect(formatValue(0.0421, "µs")).toBe("0.042 µs");
  });
});
