/**
 * Erasure and access for imports: rejected rows (the error report is built from them) and
 * the uploaded files kept for retries, from which the lines naming the person are removed.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { mentionsPerson, type PersonIdentity } from "@/lib/privacy/identity";
import { scanPages, SCAN_PAGE, type PersonEraser } from "@/lib/privacy/types";
import { importFilePath } from "./storage";

async function personRowErrorIds(db: TenantDb | TenantTransaction, identity: PersonIdentity) {
  const ids: string[] = [];
  await scanPages(
    (cursor) => db.importRowError.findMany({ select: { id: true, message: true, raw: true }, orderBy: { id: "asc" }, take: SCAN_PAGE, ...(cursor && { cursor: { id: cursor }, skip: 1 }) }),
    (rows) => {
      for (const row of rows) if (mentionsPerson(JSON.stringify([row.message, row.raw]), identity)) ids.push(row.id);
    },
  );
  return ids;
}

async function readImportFile(tenantId: string, jobId: string): Promise<string | null> {
  try {
    return await readFile(importFilePath(tenantId, jobId), "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
}

/** The file's lines that name the person (never the header). */
function linesNaming(text: string, identity: PersonIdentity): Set<number> {
  const lines = text.split(/(?<=\n)/);
  return new Set(lines.map((line, index) => (index > 0 && mentionsPerson(line, identity) ? index : -1)).filter((index) => index > 0));
}

/** Rewrites each kept upload without the lines naming the person; returns how many files changed. */
async function scrubImportFiles(db: TenantDb | TenantTransaction, identity: PersonIdentity): Promise<number> {
  const jobs = await db.importJob.findMany({ select: { id: true } });
  let files = 0;
  for (const job of jobs) {
    const text = await readImportFile(db.tenantId, job.id);
    if (text === null) continue;
    const drop = linesNaming(text, identity);
    if (drop.size === 0) continue;
    await writeFile(importFilePath(db.tenantId, job.id), text.split(/(?<=\n)/).filter((_, index) => !drop.has(index)).join(""));
    files += 1;
  }
  return files;
}

export const importsEraser: PersonEraser = {
  area: "imports",
  async erase(tx, identity) {
    const { count } = await tx.importRowError.deleteMany({ where: { id: { in: await personRowErrorIds(tx, identity) } } });
    // Last, inside the transaction: a failure rolls the database back and the request is retried (rewriting is idempotent).
    const files = await scrubImportFiles(tx, identity);
    return { counts: { ImportRowError: count, "storage:imports": files } };
  },
  async collect(db, identity) {
    const rowErrors = await db.importRowError.findMany({ where: { id: { in: await personRowErrorIds(db, identity) } } });
    const jobs = await db.importJob.findMany({ select: { id: true, fileName: true } });
    const lines: { jobId: string; fileName: string; line: string }[] = [];
    for (const job of jobs) {
      const text = await readImportFile(db.tenantId, job.id);
      if (text === null) continue;
      const all = text.split(/(?<=\n)/);
      for (const index of linesNaming(text, identity)) lines.push({ jobId: job.id, fileName: job.fileName, line: all[index].trimEnd() });
    }
    return { ImportRowError: rowErrors, "storage:imports": lines };
  },
};
