import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir: string;

async function intentScore(file: unknown) {
  const name = path.join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(name, typeof file === "string" ? file : JSON.stringify(file));
  try {
    const { stdout } = await run("node", ["bin/dealflow.mjs", "intent-score", "--file", name], { env: { ...process.env, LOG_LEVEL: "silent" }, timeout: 120_000 });
    return { code: 0, json: JSON.parse(stdout) as { score: number; contributions: { type: string; at: string; points: number; dedupeKey: string | null }[] }, stderr: "" };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, json: null, stderr: e.stderr };
  }
}

const model = { now: "2026-12-06T12:00:00Z", weights: { sms_reply: 30, email_open: 5 }, halfLifeHours: { sms_reply: 72, email_open: 24 } };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-intent-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow intent-score --file F", () => {
  it("prints the score and its contributions by the formula", async () => {
    const out = await intentScore({
      ...model,
      signals: [
        { type: "sms_reply", at: "2026-12-03T12:00:00Z", dedupeKey: "msg:1" },
        { type: "sms_reply", at: "2026-12-03T12:00:00Z", dedupeKey: "msg:1" },
        { type: "email_open", at: "2026-12-06T12:00:00Z" },
        { type: "sms_reply", at: "2026-12-07T12:00:00Z" },
      ],
    });
    expect(out.code).toBe(0);
    expect(out.json).toEqual({
      score: 20,
      contributions: [
        { type: "sms_reply", at: "2026-12-03T12:00:00.000Z", dedupeKey: "msg:1", ageHours: 72, points: 15 },
        { type: "email_open", at: "2026-12-06T12:00:00.000Z", dedupeKey: null, ageHours: 0, points: 5 },
      ],
    });
  });

  it("a type missing from weights or halfLifeHours is a usage error (exit 2)", async () => {
    const noWeight = await intentScore({ ...model, signals: [{ type: "buyer_offer", at: "2026-12-06T00:00:00Z" }] });
    expect(noWeight.code).toBe(2);
    expect(noWeight.stderr).toContain('signals[0].type: "buyer_offer" has no entry in weights');
    const noHalfLife = await intentScore({ ...model, weights: { ...model.weights, buyer_offer: 40 }, signals: [{ type: "buyer_offer", at: "2026-12-07T00:00:00Z" }] });
    expect(noHalfLife.code).toBe(2);
    expect(noHalfLife.stderr).toContain("halfLifeHours");
  });

  it("a malformed file is a usage error (exit 2) naming what is wrong", async () => {
    expect((await intentScore("{ not json")).code).toBe(2);
    const badTime = await intentScore({ ...model, signals: [{ type: "sms_reply", at: "yesterday" }] });
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain("signals[0].at");
    expect((await intentScore({ ...model, now: undefined, signals: [] })).stderr).toContain("now");
  });
});
