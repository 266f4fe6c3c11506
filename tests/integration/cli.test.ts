import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { upsertOfferPolicy } from "@/lib/underwriting/service";

const run = promisify(execFile);
let dir: string;

/** Runs the installed bin as a user would; resolves with the exit code and both streams. */
async function dealflow(args: string[], input?: string) {
  const env = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), DATABASE_URL: "", LOG_LEVEL: "silent" };
  const child = run("node", ["bin/dealflow.mjs", ...args], { env, timeout: 120_000 });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr, json: JSON.parse(stdout) as Record<string, unknown> };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, json: null };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-cli-"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  const tenant = await provisionTenant(database.prisma, { slug: "cli-co", name: "CLI Co", timeZone: "America/Chicago", country: "US" }, [
    { email: "own@cli.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  await upsertOfferPolicy(scopeToTenant(database.prisma, tenant.id), { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "test" }, { actorId: null, actorEmail: "test", requestId: undefined });
  await database.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npx dealflow", () => {
  it("parse-email reads stdin and prints deals with plain numbers, codes and nulls", async () => {
    const email = "Subject: Deal\n\n123 Main St, Memphis, TN 38104\n3bd 2ba 1,450 sf\nAsking 95k, ARV $245k, rehab ~35k\n";
    const out = await dealflow(["parse-email"], email);
    expect(out.code).toBe(0);
    expect((out.json?.deals as unknown[])[0]).toMatchObject({
      street: "123 Main St", city: "Memphis", region: "TN", postalCode: "38104", country: "US",
      askingPrice: 95_000, arv: 245_000, repairs: 35_000, beds: 3, baths: 2, sqft: 1_450, yearBuilt: null, propertyType: null,
    });
  });

  it("geo resolves a Newfoundland postal code to its half-hour zone", async () => {
    const out = await dealflow(["geo", "A1C 2R4"]);
    expect(out.json).toEqual({ country: "CA", region: "NL", market: expect.any(String), timeZone: "America/St_Johns" });
  });

  it("underwrite applies the 70% rule of the seed", async () => {
    const out = await dealflow(["underwrite", "--arv", "450000", "--repairs", "50000", "--asking", "200000"]);
    expect(out.json).toMatchObject({ mao: 262_500, spread: 62_500, strategy: "WHOLESALE" });
  });

  it("can-contact answers with the reason and the lead's local time", async () => {
    // Sunday 11:00 in Toronto: the default policy closes Sundays.
    const out = await dealflow(["can-contact", "--region", "ON", "--time-zone", "America/Toronto", "--at", "2026-11-29T16:00:00Z", "--channel", "CALL", "--score", "90"]);
    expect(out.json).toMatchObject({ ok: false, timeZone: "America/Toronto", localTime: "2026-11-29T11:00:00-05:00" });
    expect(out.json?.reason).toMatch(/window|closed/);
  });

  it("ladder-schedule spreads the default ladder of a lead started at 2:36 AM on a Sunday, in the lead's offset", async () => {
    const out = await dealflow(["ladder-schedule", "--region", "NY", "--start", "2026-11-29T07:36:00Z"]);
    expect(out.code).toBe(0);
    expect(out.json).toEqual({
      steps: [
        { step: 1, channel: "SMS", at: "2026-11-30T09:00:00-05:00" },
        { step: 2, channel: "CALL", at: "2026-11-30T09:30:00-05:00" },
        { step: 3, channel: "SMS", at: "2026-11-30T12:00:00-05:00" },
        { step: 4, channel: "CALL", at: "2026-12-01T09:00:00-05:00" },
        { step: 5, channel: "SMS", at: "2026-12-03T09:00:00-05:00" },
        { step: 6, channel: "CALL", at: "2026-12-07T09:00:00-05:00" },
      ],
    });
  });

  it("ladder-schedule reads the zone from the postal code, or the one given (Pensacola, FL is on Central time)", async () => {
    const byPostal = await dealflow(["ladder-schedule", "--region", "FL", "--postal-code", "32501", "--start", "2026-06-01T14:00:00Z"]);
    expect((byPostal.json?.steps as { at: string }[])[0].at).toBe("2026-06-01T09:00:00-05:00");
    const byZone = await dealflow(["ladder-schedule", "--region", "FL", "--time-zone", "America/New_York", "--start", "2026-06-01T14:00:00Z"]);
    expect((byZone.json?.steps as { at: string }[])[0].at).toBe("2026-06-01T10:00:00-04:00");
  });

  it("import-csv counts created deals, duplicates and errors in the named tenant", async () => {
    const file = path.join(dir, "leads.csv");
    await writeFile(file, "Address,City,State,Zip,Asking,ARV\n1 A St,Memphis,TN,38104,90000,200000\n1 A Street,Memphis,TN,38104,90000,200000\n,Memphis,TN,38104,1,2\n");
    const out = await dealflow(["import-csv", "--tenant", "cli-co", file]);
    expect(out.code).toBe(0);
    expect(out.json).toMatchObject({ created: 1, duplicates: 1, errors: 1, rows: 3, status: "DONE" });
  });

  it.each([
    [["underwrite", "--arv", "abc", "--repairs", "1", "--asking", "1"], /--arv/],
    [["geo", "not-a-code"], /postal|ZIP/i],
    [["can-contact", "--region", "XX", "--at", "2026-11-29T16:00:00Z", "--channel", "SMS", "--score", "1"], /--region/],
    [["import-csv", "--tenant", "nobody", "package.json"], /tenant/],
    [["import-csv", "--tenant", "cli-co", "no-such-file.csv"], /cannot read/],
    [["frobnicate"], /unknown command/],
    [["ladder-schedule", "--region", "NY"], /--start is required/],
    [["ladder-schedule", "--region", "NY", "--start", "next monday"], /--start/],
    [["ladder-schedule", "--region", "QQ", "--start", "2026-11-29T07:36:00Z"], /--region/],
    [["ladder-schedule", "--region", "NY", "--time-zone", "Mars/Base", "--start", "2026-11-29T07:36:00Z"], /--time-zone/],
    [["ladder-schedule", "--region", "NY", "--postal-code", "00000", "--start", "2026-11-29T07:36:00Z"], /--postal-code/],
    [["ladder-schedule", "--region", "NY", "--start", "2026-11-29T07:36:00Z", "--days", "3"], /days/],
  ])("exits 2 with one line on stderr for bad input: %j", async (args, message) => {
    const out = await dealflow(args as string[]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(message);
  });
});
