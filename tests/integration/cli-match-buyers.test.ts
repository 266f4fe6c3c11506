import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { runDealflow } from "../helpers/cli";

let dir: string;

type MatchOutput = { matches: { buyerId: string; score: number; reasons: { code: string; label: string; points: number }[] }[] } & Record<string, unknown>;
const dealflow = (args: string[]) => runDealflow<MatchOutput>(dir, args);

async function file(name: string, content: unknown) {
  const at = path.join(dir, name);
  await writeFile(at, typeof content === "string" ? content : JSON.stringify(content));
  return at;
}

const NOW = "2026-12-06T12:00:00Z";
const deal = { postalCode: "77002-1234", region: "TX", market: "Houston", askingPrice: 175_000, arv: 300_000, repairs: 45_000, spread: 25_000, propertyType: "SFR", strategy: "FLIP" };
const buyers = [
  { id: "market-only", markets: ["TX:HOUSTON"] },
  { id: "zip-tier-a", postalCodes: ["77002"], tier: "A", priceMin: 150_000, priceMax: 250_000, lastActivityAt: "2026-12-01T00:00:00Z" },
  { id: "inactive", status: "INACTIVE", postalCodes: ["77002"] },
  { id: "too-cheap", postalCodes: ["77002"], priceMax: 150_000 },
  { id: "light-only", postalCodes: ["77002"], rehabAppetite: "LIGHT" },
  { id: "condo-only", markets: ["TX:Houston"], propertyTypes: ["CONDO"] },
];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-cli-match-"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  const tenant = await database.prisma.tenant.create({ data: { slug: "match-co", name: "Match Co" } });
  const other = await database.prisma.tenant.create({ data: { slug: "other-co", name: "Other Co" } });
  await database.prisma.deal.create({ data: { ...deal, id: "deal-1", tenantId: tenant.id, source: "MANUAL", addressKey: "1 main st", country: "US", propertyType: "SFR", strategy: "FLIP", raw: {} } });
  await database.prisma.buyer.createMany({
    data: [
      { id: "db-zip", tenantId: tenant.id, name: "Zip Buyer", postalCodes: ["77002"], tier: "B" },
      { id: "db-market", tenantId: tenant.id, name: "Market Buyer", markets: ["TX:Houston"] },
      { id: "db-elsewhere", tenantId: tenant.id, name: "Dallas Buyer", markets: ["TX:Dallas"] },
      { id: "db-other-tenant", tenantId: other.id, name: "Other Buyer", postalCodes: ["77002"], tier: "A" },
    ],
  });
  await database.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow match-buyers", () => {
  it("--file prints the admitted buyers best first, each with its reasons and points", async () => {
    const out = await dealflow(["match-buyers", "--file", await file("ok.json", { deal, buyers }), "--now", NOW]);
    expect(out.code).toBe(0);
    expect(out.json!.matches.map((m) => m.buyerId)).toEqual(["zip-tier-a", "market-only"]);
    const [best] = out.json!.matches;
    expect(best.reasons.map((r) => r.label)).toEqual([
      "ZIP 77002 in buy box +30",
      "price $175k in the lower third of $150k-$250k +8",
      "repairs 15% of ARV, any rehab taken +3",
      "tier A buyer +15",
      "active in the last 7 days +10",
    ]);
    expect(best.score).toBe(66);
    expect(Object.keys(best).sort()).toEqual(["buyerId", "reasons", "score"]);
  }, 60_000);

  it.each([
    ["a deal region that is not a code", { deal: { ...deal, region: "Texas" }, buyers }, /deal\.region: region is a 2-letter/],
    ["a malformed postal code in a buy box", { deal, buyers: [{ id: "x", postalCodes: ["7700"] }] }, /buyers\.0\.postalCodes: "7700" is not a US ZIP/],
    ["a market without a region", { deal, buyers: [{ id: "x", markets: ["Houston"] }] }, /buyers\.0\.markets: "Houston" is not a market/],
    ["a price range upside down", { deal, buyers: [{ id: "x", postalCodes: ["77002"], priceMin: 300_000, priceMax: 100_000 }] }, /buyers\.0\.priceMin: priceMin is above priceMax/],
    ["a buyer without id", { deal, buyers: [{ postalCodes: ["77002"] }] }, /buyers\.0\.id: id is required/],
    ["no buyers list", { deal }, /buyers:/],
    ["not JSON", "{ deal:", /is not JSON/],
  ])("--file with %s exits 2 with one line on stderr", async (_name, content, message) => {
    const out = await dealflow(["match-buyers", "--file", await file("bad.json", content)]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(message);
  }, 60_000);

  it("--tenant --deal matches the deal against that workspace's buyers only", async () => {
    const out = await dealflow(["match-buyers", "--tenant", "match-co", "--deal", "deal-1", "--now", NOW]);
    expect(out.code).toBe(0);
    expect(out.json!.matches.map((m) => m.buyerId)).toEqual(["db-zip", "db-market"]);
    expect(out.json!.matches[1].reasons.map((r) => r.code)).toContain("market");
  }, 60_000);

  it.each([
    ["an unknown deal", ["--tenant", "match-co", "--deal", "no-such-deal"], /--deal: no deal "no-such-deal"/],
    ["another workspace's deal", ["--tenant", "other-co", "--deal", "deal-1"], /--deal: no deal "deal-1"/],
    ["an unknown workspace", ["--tenant", "nobody", "--deal", "deal-1"], /no tenant with slug "nobody"/],
    ["neither --file nor --deal", ["--tenant", "match-co"], /give --file F, or --tenant <slug> with --deal <id>/],
    ["a missing file", ["--file", "/nonexistent/buyers.json"], /cannot read/],
    ["a bad --now", ["--file", "x.json", "--now", "yesterday"], /--now: give an ISO instant/],
  ])("%s exits 2", async (_name, args, message) => {
    const out = await dealflow(["match-buyers", ...args]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  }, 60_000);
});
