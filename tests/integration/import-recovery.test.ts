import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { failInterruptedImports } from "@/lib/imports/recovery";
import type { ColumnMapping } from "@/lib/imports/schema";
import { createImportJob, runImport } from "@/lib/imports/service";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
const actor = { actorId: null, actorEmail: "owner@recovery.test", requestId: "req-recovery" };
const MAPPING: ColumnMapping = [
  { header: "Address", field: "street" },
  { header: "City", field: "city" },
  { header: "State", field: "region" },
  { header: "Zip", field: "postalCode" },
];
const FILE = ["Address,City,State,Zip", ...[1, 2, 3, 4, 5, 6].map((i) => `${i} Crash Ct,Springfield,IL,62704`)].join("\n") + "\n";

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "recovery", name: "Recovery Co" } });
  db = scopeToTenant(database.prisma, tenant.id);
});
afterAll(() => database.close());

/** A job as a server killed mid-import leaves it: RUNNING, four rows counted. */
async function interruptedJob(startedAt: Date) {
  const job = await createImportJob(db, { fileName: "crash.csv", mapping: MAPPING, totalRows: 6 }, actor);
  const done = await runImport(db, job.id, Readable.from([FILE.split("\n").slice(0, 5).join("\n") + "\n"]));
  expect(done.processedRows).toBe(4);
  await database.prisma.importJob.update({ where: { id: job.id }, data: { status: "RUNNING", startedAt, finishedAt: null } });
  return job.id;
}

describe("imports interrupted by a crash", () => {
  const bootedAt = new Date();

  it("are marked FAILED with how far they got, audited, and a retry resumes them", async () => {
    const jobId = await interruptedJob(new Date(bootedAt.getTime() - 60_000));
    expect(await failInterruptedImports(db, { startedBefore: bootedAt, isRunningHere: () => false })).toEqual([jobId]);
    const failed = await db.importJob.findFirstOrThrow({ where: { id: jobId } });
    expect(failed).toMatchObject({ status: "FAILED", message: "Interrupted after 4 rows: the server stopped while it ran. The rows before are imported; retry to continue." });
    expect(await db.auditEvent.count({ where: { action: "deals.import_failed", entityId: jobId } })).toBe(1);

    // Retry (the page's button) resumes after the four counted rows.
    const resumed = await runImport(db, jobId, Readable.from([FILE]));
    expect(resumed).toMatchObject({ status: "DONE", processedRows: 6, created: 6, duplicates: 0 });
  });

  it("leave alone a job this server is running, and one started after it booted", async () => {
    const mine = await interruptedJob(new Date(bootedAt.getTime() - 60_000));
    const newer = await interruptedJob(new Date(bootedAt.getTime() + 1_000));
    expect(await failInterruptedImports(db, { startedBefore: bootedAt, isRunningHere: (id) => id === mine })).toEqual([]);
    expect((await db.importJob.findFirstOrThrow({ where: { id: mine } })).status).toBe("RUNNING");
    expect((await db.importJob.findFirstOrThrow({ where: { id: newer } })).status).toBe("RUNNING");
  });
});
