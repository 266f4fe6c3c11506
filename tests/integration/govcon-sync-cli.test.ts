import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { runDealflow } from "../helpers/cli";

let dir: string;
const dealflow = (args: string[]) => runDealflow(dir, args);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-govcon-cli-"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  const tenant = await provisionTenant(database.prisma, { slug: "gov-co", name: "Gov Co", timeZone: "America/New_York", country: "US" }, [
    { email: "own@gov.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  await scopeToTenant(database.prisma, tenant.id).govConProfile.create({ data: { naicsCodes: ["236", "238", "5617"], setAsides: ["SBA"] } });
  await database.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow govcon-sync", () => {
  it("syncs the fixture feed once and prints what it asked and found; the next sync continues from its window", async () => {
    const first = await dealflow(["govcon-sync", "--tenant", "gov-co"]);
    expect(first.code).toBe(0);
    const report = first.json as Record<string, number>;
    expect(Object.keys(report)).toEqual(["requests", "fetched", "new", "amended", "budgetLeft"]);
    expect(report.requests).toBeGreaterThanOrEqual(1);
    expect(report.fetched).toBeGreaterThanOrEqual(report.new);
    expect(report.new).toBeGreaterThan(0);
    expect(report.budgetLeft).toBe(1000 - report.requests);

    const second = await dealflow(["govcon-sync", "--tenant", "gov-co"]);
    expect(second.code).toBe(0);
    const again = second.json as Record<string, number>;
    expect(again.new).toBe(0);
    expect(again.budgetLeft).toBe(1000 - report.requests - again.requests);
  }, 180_000);

  it.each([
    [["govcon-sync"], /--tenant is required/],
    [["govcon-sync", "--tenant", "nobody"], /no tenant with slug "nobody"/],
    [["govcon-sync", "--tenant", "gov-co", "--fast"], /Unknown option '--fast'/],
  ])("exits 2 with one line for bad input %#", async (args, message) => {
    const out = await dealflow(args);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(message);
  }, 120_000);
});
