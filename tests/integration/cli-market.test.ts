import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { runDealflow } from "../helpers/cli";

let dir: string;

type RankOutput = { rank: string; reasons: string[] };
type AreasOutput = { areas: { areaCode: string; rank: string; reasons: string[] }[] };

async function file(name: string, content: unknown) {
  const target = path.join(dir, name);
  await writeFile(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-cli-market-"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  const tenant = await database.prisma.tenant.create({ data: { slug: "areas-co", name: "Areas Co" } });
  const other = await database.prisma.tenant.create({ data: { slug: "other-co", name: "Other Co" } });
  const area = (tenantId: string, areaCode: string, rank: "HOT" | "NORMAL" | "COLD", deals4w: number) => ({
    tenantId, areaCode, country: "US" as const, region: "TX", market: "SAN ANTONIO", city: "San Antonio", latitude: 29.4, longitude: -98.5,
    metrics: { deals4w }, rank, computedRank: rank, reasons: [`${rank}: test`], computedAt: new Date(),
  });
  await database.prisma.marketArea.createMany({
    data: [area(tenant.id, "78201", "COLD", 0), area(tenant.id, "78202", "HOT", 5), area(tenant.id, "78203", "NORMAL", 2), area(tenant.id, "78204", "HOT", 7), area(other.id, "78205", "HOT", 9)],
  });
  await database.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow rank-area --file F", () => {
  it("ranks an area from its metrics with the default thresholds", async () => {
    const hot = await runDealflow<RankOutput>(dir, ["rank-area", "--file", await file("hot.json", { deals4w: 9, deals12w: 13, medianSpread: 38_000 })]);
    expect(hot.code).toBe(0);
    expect(hot.json).toEqual({ rank: "HOT", reasons: [expect.stringMatching(/^HOT: 9 deals in 4 weeks, 2\.1x the 12-week rate, median spread 38k$/), expect.any(String)] });
    const cold = await runDealflow<RankOutput>(dir, ["rank-area", "--file", await file("cold.json", { metrics: { deals4w: 0, deals12w: 1, medianSpread: null } })]);
    expect(cold.json?.rank).toBe("COLD");
    const normal = await runDealflow<RankOutput>(dir, ["rank-area", "--file", await file("normal.json", { deals4w: 2, deals12w: 6 })]);
    expect(normal.json).toEqual({ rank: "NORMAL", reasons: ["NORMAL: 6 deals in 12 weeks; 2 deals in 4 weeks (hot from 4)"] });
  });

  it("refuses bad JSON and missing or invalid fields with exit 2, naming the field", async () => {
    const cases: [unknown, RegExp][] = [
      ["{ not json", /is not valid JSON/],
      [{ deals4w: 3 }, /deals12w: is required/],
      [{ deals4w: -1, deals12w: 2 }, /deals4w: cannot be negative/],
      [{ deals4w: 5, deals12w: 2 }, /deals4w: cannot exceed deals12w/],
      [{ deals4w: 1, deals12w: 2, medianSpread: "lots" }, /medianSpread: must be a number or null/],
    ];
    for (const [content, message] of cases) {
      const out = await runDealflow(dir, ["rank-area", "--file", await file("bad.json", content)]);
      expect(out.code, String(message)).toBe(2);
      expect(out.stderr).toMatch(message);
    }
    expect((await runDealflow(dir, ["rank-area"])).stderr).toMatch(/--file is required/);
    expect((await runDealflow(dir, ["rank-area", "--file", path.join(dir, "absent.json")])).code).toBe(2);
  });
});

describe("dealflow market-areas --tenant <slug>", () => {
  it("prints the workspace's areas hottest first, and one rank with --rank", async () => {
    const all = await runDealflow<AreasOutput>(dir, ["market-areas", "--tenant", "areas-co"]);
    expect(all.code).toBe(0);
    expect(all.json?.areas.map((a) => [a.areaCode, a.rank])).toEqual([["78204", "HOT"], ["78202", "HOT"], ["78203", "NORMAL"], ["78201", "COLD"]]);
    const hot = await runDealflow<AreasOutput>(dir, ["market-areas", "--tenant", "areas-co", "--rank", "hot"]);
    expect(hot.json?.areas.map((a) => a.areaCode)).toEqual(["78204", "78202"]);
  });

  it("is a usage error without --tenant, for an unknown rank or workspace", async () => {
    expect((await runDealflow(dir, ["market-areas"])).code).toBe(2);
    const warm = await runDealflow(dir, ["market-areas", "--tenant", "areas-co", "--rank", "WARM"]);
    expect(warm.code).toBe(2);
    expect(warm.stderr).toContain("--rank: give one of HOT, NORMAL, COLD, BLACKLIST");
    expect((await runDealflow(dir, ["market-areas", "--tenant", "nope"])).stderr).toContain('no tenant with slug "nope"');
  });
});
