import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir: string;

type BidFitOutput = { score: number | null; reasons: { code: string; text: string; points: number }[] };

async function bidFit(file: unknown, args: string[] = []) {
  const name = path.join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(name, typeof file === "string" ? file : JSON.stringify(file));
  try {
    const { stdout } = await run("node", ["bin/dealflow.mjs", "bid-fit", ...(args.length ? args : ["--file", name])], { env: { ...process.env, LOG_LEVEL: "silent" }, timeout: 120_000 });
    return { code: 0, json: JSON.parse(stdout) as BidFitOutput, stderr: "" };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, json: null, stderr: e.stderr };
  }
}

const notice = {
  noticeId: "3f1c6c1e0c2a4b8e9d7f5a1b2c3d4e5f",
  title: "Roof Replacement, Building 1204, Wright-Patterson AFB",
  solicitationNumber: "FA860126Q0042",
  fullParentPathName: "DEPT OF DEFENSE.DEPT OF THE AIR FORCE.FA8601 AFLCMC PZIO",
  postedDate: "2026-03-01",
  type: "Combined Synopsis/Solicitation",
  baseType: "Combined Synopsis/Solicitation",
  typeOfSetAsideDescription: "Total Small Business Set-Aside (FAR 19.5)",
  typeOfSetAside: "SBA",
  responseDeadLine: "2026-04-10T14:00:00-04:00",
  naicsCode: "238160",
  classificationCode: "Z2AA",
  active: "Yes",
  award: null,
  description: "https://api.sam.gov/prod/opportunities/v1/noticedesc?noticeid=3f1c6c1e0c2a4b8e9d7f5a1b2c3d4e5f",
  placeOfPerformance: { city: { code: "20864", name: "Dayton" }, state: { code: "OH", name: "Ohio" }, zip: "45433", country: { code: "USA", name: "UNITED STATES" } },
};

const profile = {
  naicsCodes: ["236220", "2381"],
  pscCodes: ["Z"],
  setAsides: ["SBA"],
  keywords: ["roof", "HVAC"],
  excludedKeywords: ["software"],
  states: ["OH", "IN"],
  valueMinDollars: 25_000,
  valueMaxDollars: 5_000_000,
  prepDays: 14,
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-bid-fit-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow bid-fit --file F", () => {
  it("prints the score and its reasons, the points summing to it", async () => {
    const out = await bidFit({ notice, profile, now: "2026-03-02T12:00:00Z" });
    expect(out.code).toBe(0);
    expect(out.json!.reasons.map((r) => r.text)).toEqual([
      "NAICS 238160 matches your 2381 prefix: +30",
      "Set aside for Total Small Business Set-Aside (FAR 19.5) (SBA), which you qualify for: +10",
      'Keyword "roof" found in the notice: +5',
      "Performed in OH, one of your states: +10",
      "PSC Z2AA is under your Z: +5",
      "A Combined Synopsis/Solicitation: proposals are being taken: +10",
      "39 days to the response deadline, your proposals take 14: +10",
    ]);
    expect(out.json!.score).toBe(80);
  });

  it("uses the file's weights and time", async () => {
    const weighted = await bidFit({ notice, profile: { ...profile, fitWeights: { naicsPrefix: 10 } }, now: "2026-03-02T12:00:00Z" });
    expect(weighted.json!.score).toBe(60);
    const late = await bidFit({ notice, profile, now: "2026-04-11T00:00:00Z" });
    expect(late.json!.score).toBe(0);
    expect(late.json!.reasons[0].text).toBe("The response deadline passed on 2026-04-10: scores 0");
  });

  it("exits 2 with one line naming what is wrong", async () => {
    const badNaics = await bidFit({ notice, profile: { ...profile, naicsCodes: ["2362X"] }, now: "2026-03-02T12:00:00Z" });
    expect(badNaics.code).toBe(2);
    expect(badNaics.stderr.trim().split("\n")).toHaveLength(1);
    expect(badNaics.stderr).toMatch(/profile\.naicsCodes\.0: "2362X" is not a NAICS code/);
    const badSetAside = await bidFit({ notice, profile: { ...profile, setAsides: ["SBA", "XYZ"] }, now: "2026-03-02T12:00:00Z" });
    expect(badSetAside.stderr).toMatch(/profile\.setAsides\.1: Unknown set-aside code "XYZ"/);
    expect((await bidFit({ notice, profile })).stderr).toMatch(/now: must be an ISO 8601 instant/);
    expect((await bidFit({ notice: "roof", profile, now: "2026-03-02T12:00:00Z" })).stderr).toMatch(/notice: must be one SAM.gov v2 notice object/);
    expect((await bidFit("{not json")).code).toBe(2);
    const missing = await bidFit(null, ["--file", path.join(dir, "absent.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    expect((await bidFit(null, ["--nope"])).code).toBe(2);
  });
});
