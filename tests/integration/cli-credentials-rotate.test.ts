import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/credentials/keyring";
import { readStoredCredentials, saveCredential } from "@/lib/credentials/service";
import { openDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";

const run = promisify(execFile);
const OLD_KEY = randomBytes(32).toString("base64");
const NEW_KEY = randomBytes(32).toString("base64");
let dir: string;

async function dealflow(args: string[], credentialsKey: string | undefined) {
  const env = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), DATABASE_URL: "", LOG_LEVEL: "silent", CREDENTIALS_KEY: credentialsKey ?? "" };
  try {
    const { stdout } = await run("node", ["bin/dealflow.mjs", ...args], { env, timeout: 120_000 });
    return { code: 0, json: JSON.parse(stdout) as Record<string, unknown>, stderr: "" };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, json: null, stderr: e.stderr };
  }
}

async function withDatabase<T>(work: (prisma: Awaited<ReturnType<typeof openDatabase>>["prisma"]) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  try {
    return await work(database.prisma);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-rotate-"));
  await withDatabase(async (prisma) => {
    const actor = { actorId: null, actorEmail: "test", requestId: undefined };
    const ready = { status: "ready" as const, keyring: parseKeyring(OLD_KEY) };
    for (const slug of ["rotate-a", "rotate-b"]) {
      const tenant = await provisionTenant(prisma, { slug, name: slug, timeZone: "America/Chicago", country: "US" }, [
        { email: `own@${slug}.test`, name: "Owner", password: "a-long-password-1", role: "owner" },
      ]);
      await saveCredential(scopeToTenant(prisma, tenant.id), { provider: "SAM_GOV", apiKey: `sam-key-of-${slug}-0001` }, ready, actor);
    }
  });
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow credentials-rotate", () => {
  it("refuses to run without a key", async () => {
    const out = await dealflow(["credentials-rotate"], undefined);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/CREDENTIALS_KEY is not set/);
  });

  it("re-encrypts every workspace's rows under the newest key and prints the counts", async () => {
    const out = await dealflow(["credentials-rotate"], `2:${NEW_KEY},1:${OLD_KEY}`);
    expect(out.code).toBe(0);
    expect(out.json).toMatchObject({ keyVersion: 2, rotated: 2, alreadyCurrent: 0, failed: [] });
    expect((await dealflow(["credentials-rotate"], `2:${NEW_KEY},1:${OLD_KEY}`)).json).toMatchObject({ rotated: 0, alreadyCurrent: 2 });

    await withDatabase(async (prisma) => {
      const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: "rotate-b" } });
      expect(await readStoredCredentials(scopeToTenant(prisma, tenant.id), "SAM_GOV", parseKeyring(`2:${NEW_KEY}`))).toEqual({ apiKey: "sam-key-of-rotate-b-0001", dailyBudget: 10 });
    });
  }, 180_000);
});
