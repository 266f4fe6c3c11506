import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir: string;

type ScoreOutput = { score: number; contributions: { feature: string; label: string; detail: string; points: number }[]; model: string; confidence: string };

async function score(file: unknown) {
  const name = path.join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(name, typeof file === "string" ? file : JSON.stringify(file));
  try {
    const { stdout } = await run("node", ["bin/dealflow.mjs", "score", "--file", name], { env: { ...process.env, LOG_LEVEL: "silent" }, timeout: 120_000 });
    return { code: 0, json: JSON.parse(stdout) as ScoreOutput, stderr: "" };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, json: null, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-score-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow score --file F", () => {
  it("prints the points-table score with each feature's points, summing to it", async () => {
    const out = await score({ spreadRatio: 0.31, text: "Probate, the house is vacant", repairsRatio: 0.1, daysSinceIntake: 2, listCount: 2, hasPhone: true, hasConsent: true, marketRank: "HOT", source: "EMAIL" });
    expect(out.code).toBe(0);
    // 35 base + 20 equity + 10 motivation + 3 condition + 5 freshness + 4 stacking + 10 contact + 3 market + 1 source.
    expect(out.json!.score).toBe(91);
    expect(out.json!.model).toBe("points-v1");
    expect(out.json!.contributions.find((c) => c.feature === "equity")).toEqual({ feature: "equity", label: "equity", detail: "spread ratio 0.31", points: 20 });
    expect(out.json!.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(91);
  });

  it("exits 2 with one line naming the field on bad input", async () => {
    const bad = await score({ spreadRatio: "high" });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/spreadRatio: must be a number or null/);
    expect((await score("{not json")).code).toBe(2);
    expect((await score({ shoeSize: 9 })).stderr).toMatch(/shoeSize/);
  });
});
