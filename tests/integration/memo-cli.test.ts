import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { runDealflow } from "../helpers/cli";

let dir: string;
let dealId: string;
const dealflow = (args: string[]) => runDealflow(dir, args);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-memo-cli-"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  const tenant = await provisionTenant(database.prisma, { slug: "memo-cli", name: "Memo CLI Homes", timeZone: "America/Chicago", country: "US" }, [
    { email: "own@memo-cli.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  const db = scopeToTenant(database.prisma, tenant.id);
  dealId = (await db.deal.create({ data: { source: "MANUAL", addressKey: "77 river rd", street: "77 River Rd", city: "Memphis", region: "TN", askingPrice: 90_000, arv: 210_000, raw: {} } })).id;
  await database.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow memo", () => {
  it("stores a new memo version and writes its PDF to --out", async () => {
    const out = path.join(dir, "memo.pdf");
    const result = await dealflow(["memo", "--tenant", "memo-cli", "--deal", dealId, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ version: 1, out, fileName: "investor-memo-77-river-rd-memphis-tn-v1.pdf" });
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBe((result.json as { size: number }).size);
  }, 120_000);

  it.each([
    [["memo", "--tenant", "memo-cli", "--deal", "no-such-deal", "--out", "/tmp/x.pdf"], /--deal: no deal "no-such-deal" in workspace "memo-cli"/],
    [["memo", "--tenant", "memo-cli", "--deal", "d1"], /--out is required/],
    [["memo", "--tenant", "memo-cli", "--deal", "d1", "--out", "/no/such/folder/memo.pdf"], /--out: cannot write in \/no\/such\/folder/],
  ])("exits 2 with one line for bad input: %j", async (args, message) => {
    const result = await dealflow(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  }, 120_000);
});
