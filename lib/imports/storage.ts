import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { once } from "node:events";
import { CsvRecordCounter } from "./record-counter";

/** Uploads live on disk (git-ignored .data), so an import runs from the file and can be retried. */
export function importsRoot(): string {
  return process.env.IMPORTS_DIR?.trim() || path.join(process.cwd(), ".data", "imports");
}

// Ids become path segments: refuse anything that could climb out of the folder.
function segment(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error(`Not a safe id for a file name: ${id}`);
  return id;
}

export function importFilePath(tenantId: string, jobId: string): string {
  return path.join(importsRoot(), segment(tenantId), `${segment(jobId)}.csv`);
}

export interface StoredUpload {
  tempPath: string;
  bytes: number;
  dataRows: number;
}

/** A sink for the upload: writes to a temp file while counting bytes and rows. */
export async function openUploadFile(tenantId: string) {
  const folder = path.join(importsRoot(), segment(tenantId));
  await mkdir(folder, { recursive: true });
  const tempPath = path.join(folder, `upload-${randomUUID()}.part`);
  const out = createWriteStream(tempPath);
  const counter = new CsvRecordCounter();
  let bytes = 0;
  return {
    async write(chunk: Uint8Array) {
      bytes += chunk.length;
      counter.push(chunk);
      // Respect the disk's pace: never let the upload pile up in memory.
      if (!out.write(chunk)) await once(out, "drain");
    },
    async close(): Promise<StoredUpload> {
      out.end();
      await once(out, "finish");
      return { tempPath, bytes, dataRows: counter.dataRows };
    },
    async discard() {
      out.destroy();
      await rm(tempPath, { force: true });
    },
  };
}

/** Gives the finished upload its job's name. */
export async function keepUpload(upload: StoredUpload, tenantId: string, jobId: string): Promise<string> {
  const target = importFilePath(tenantId, jobId);
  await rename(upload.tempPath, target);
  return target;
}

export function openImportFile(tenantId: string, jobId: string): Readable {
  return createReadStream(importFilePath(tenantId, jobId));
}
