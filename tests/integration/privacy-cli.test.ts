import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { createDeal } from "@/lib/deals/create";
import { provisionTenant } from "@/lib/tenants/provision";

const run = promisify(execFile);
let dir: string;

async function dealflow(args: string[]) {
  const env = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), IMPORTS_DIR: path.join(dir, "imports"), DATABASE_URL: "", LOG_LEVEL: "silent" };
  try {
    const { stdout } = await run("node", ["bin/dealflow.mjs", ...args], { env, timeout: 120_000 });
    return { code: 0, stderr: "", json: JSON.parse(stdout) as Record<string, unknown> };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr, json: null };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-privacy-cli-"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  const tenant = await provisionTenant(database.prisma, { slug: "privacy-cli", name: "Privacy Co", timeZone: "America/Toronto", country: "CA" }, [
    { email: "own@privacy-cli.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  const db = scopeToTenant(database.prisma, tenant.id);
  await createDeal(db, { actorId: null, actorEmail: "seed", requestId: undefined }, {
    street: "4 Birch Lane", city: "Toronto", region: "ON", postalCode: "M4C 1B5", contactName: "Ondine Prewitt", contactPhone: "416-555-0123", contactEmail: "ondine@cli-privacy.example",
  } as never);
  await database.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow privacy-export and privacy-erase", () => {
  it("exports the person's data as JSON", async () => {
    const result = await dealflow(["privacy-export", "--tenant", "privacy-cli", "--contact", "ondine@cli-privacy.example"]);
    expect(result.code).toBe(0);
    const tables = result.json!.tables as Record<string, { contactName?: string }[]>;
    expect(tables.Deal).toHaveLength(1);
    expect(tables.Deal[0].contactName).toBe("Ondine Prewitt");
  }, 180_000);

  it("erases now and prints the rows touched per table; a second export finds nothing", async () => {
    const erased = await dealflow(["privacy-erase", "--tenant", "privacy-cli", "--contact", "+1 (416) 555-0123"]);
    expect(erased.code).toBe(0);
    expect(erased.json).toMatchObject({ status: "COMPLETED", tables: { Deal: 1, Suppression: 2 } });
    const after = await dealflow(["privacy-export", "--tenant", "privacy-cli", "--contact", "416 555 0123"]);
    expect((after.json!.tables as Record<string, unknown[]>).Deal).toEqual([]);
  }, 180_000);

  it("refuses a contact that is neither a phone nor an email", async () => {
    const result = await dealflow(["privacy-erase", "--tenant", "privacy-cli", "--contact", "Ondine"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--contact/);
  }, 60_000);
});
