import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir: string;

type CompsOut = { comps: { id: string; adjustment: number }[]; arv: number | null; low: number | null; high: number | null; confidence: string; windowMonths: number; excluded: Record<string, number> };

async function comps(file: unknown) {
  const name = path.join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(name, typeof file === "string" ? file : JSON.stringify(file));
  try {
    const { stdout } = await run("node", ["bin/dealflow.mjs", "comps", "--file", name], { env: { ...process.env, LOG_LEVEL: "silent" }, timeout: 120_000 });
    return { code: 0, json: JSON.parse(stdout) as CompsOut, stderr: "" };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, json: null, stderr: e.stderr };
  }
}

const subject = { latitude: 32.7767, longitude: -96.797, sqft: 1500, beds: 3, propertyType: "SFR" };
const candidate = (id: string, soldPrice: number, sqft: number, soldAt: string, extra: Record<string, unknown> = {}) => ({
  id, soldPrice, sqft, soldAt, beds: 3, propertyType: "SFR", latitude: 32.78, longitude: -96.797, ...extra,
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-comps-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow comps --file F", () => {
  it("prints the comps, the ARV from the median price per sqft, its range and confidence", async () => {
    const out = await comps({
      asOf: "2026-12-01",
      subject,
      candidates: [
        candidate("a", 300_000, 1500, "2026-10-01"),
        candidate("b", 294_000, 1400, "2026-09-01"),
        candidate("c", 304_000, 1600, "2026-08-01"),
        candidate("d", 330_000, 1500, "2026-07-01"),
        candidate("far", 300_000, 1500, "2026-07-01", { latitude: 33.2 }),
        candidate("condo", 300_000, 1500, "2026-07-01", { propertyType: "CONDO" }),
      ],
    });
    expect(out.code).toBe(0);
    // $/sqft 200, 210, 190, 220 -> median 205 -> 307,500; 4 comps within 15 % of it: high.
    expect(out.json).toMatchObject({ arv: 307_500, low: 285_000, high: 330_000, confidence: "high", windowMonths: 12, excluded: { too_far: 1, other_type: 1 } });
    expect(out.json!.comps.map((c) => c.id).sort()).toEqual(["a", "b", "c", "d"]);
  });

  it.each([
    { what: "a file that is not JSON", file: "{oops", message: /^dealflow: .* is not valid JSON$/ },
    { what: "no subject", file: { candidates: [] }, message: /^dealflow: subject: / },
    { what: "a candidate without its price", file: { subject, candidates: [{ id: "x", soldAt: "2026-01-01" }] }, message: /^dealflow: candidates\[0\]\.soldPrice: the sold price in whole dollars$/ },
    { what: "a bad property type", file: { subject: { ...subject, propertyType: "CASTLE" }, candidates: [] }, message: /^dealflow: subject\.propertyType: / },
  ])("exits 2 with a one-line message for $what", async ({ file, message }) => {
    const out = await comps(file);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr.trim()).toMatch(message);
  });
});

describe("dealflow underwrite", () => {
  it("prints the recommended offer: MAO less the negotiation margin (5,000 unless told)", async () => {
    const args = ["bin/dealflow.mjs", "underwrite", "--arv", "450000", "--repairs", "50000", "--asking", "200000"];
    const env = { ...process.env, LOG_LEVEL: "silent" };
    const byDefault = JSON.parse((await run("node", args, { env, timeout: 120_000 })).stdout) as { mao: number; recommendedOffer: number };
    expect(byDefault).toMatchObject({ mao: 262_500, recommendedOffer: 257_500 });
    const wider = JSON.parse((await run("node", [...args, "--negotiation-margin", "20000"], { env, timeout: 120_000 })).stdout) as { recommendedOffer: number };
    expect(wider.recommendedOffer).toBe(242_500);
  });
});
