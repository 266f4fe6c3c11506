import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordBuyerFeedback } from "@/lib/buyers/feedback";
import { openDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { runDealflow } from "../helpers/cli";

let dir: string;

const dealflow = (args: string[]) => runDealflow(dir, args);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-liquidity-cli-"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  const tenant = await provisionTenant(database.prisma, { slug: "liq-co", name: "Liq Co", timeZone: "America/Chicago", country: "US" }, [
    { email: "own@liq.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  const db = scopeToTenant(database.prisma, tenant.id);
  const [a, b] = await db.buyer.createManyAndReturn({ data: [{ name: "A", markets: ["TN:Memphis"] }, { name: "B", postalCodes: ["38104"] }] });
  const deal = await db.deal.create({ data: { source: "MANUAL", addressKey: "9 beale", street: "9 Beale St", region: "TN", market: "Memphis", propertyType: "SFR", raw: {} } });
  await db.$transaction((tx) =>
    recordBuyerFeedback(tx, [
      { buyerId: a.id, dealId: deal.id, kind: "SENT" },
      { buyerId: b.id, dealId: deal.id, kind: "SENT" },
      { buyerId: a.id, dealId: deal.id, kind: "OFFERED" },
    ]),
  );
  await database.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow liquidity-score", () => {
  it("prints the node's fields and score as one JSON document", async () => {
    const out = await dealflow(["liquidity-score", "--tenant", "liq-co", "--region", "tn", "--market", "Memphis", "--property-type", "sfr"]);
    expect(out.code).toBe(0);
    expect(out.json).toEqual({ region: "TN", market: "Memphis", propertyType: "SFR", buyerCount: 2, activeBuyerCount: 1, avgResponseRate: 0.5, avgCloseRate: 0, score: 25.5 });
  }, 120_000);

  it.each([
    [["liquidity-score", "--tenant", "liq-co", "--market", "Memphis"], /--region is required/],
    [["liquidity-score", "--tenant", "liq-co", "--region", "ZZ", "--market", "Memphis"], /--region: region must be a US state/],
    [["liquidity-score", "--tenant", "liq-co", "--region", "TN", "--market", "Memphis", "--property-type", "CASTLE"], /--property-type: propertyType must be one of/],
    [["liquidity-score", "--tenant", "nobody", "--region", "TN", "--market", "Memphis"], /no tenant/],
  ])("exits 2 with one line for bad input %#", async (args, message) => {
    const out = await dealflow(args);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(message);
  }, 120_000);
});
