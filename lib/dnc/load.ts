/**
 * Loading a new copy of a registry. The file streams through the line parser into a
 * collector (8 bytes a number, never the text); at the end the numbers are sorted, encoded
 * into blocks and written under a new version beside the copy in force, and one transaction
 * switches the registry to the new version and drops the old blocks. The gate reads only the
 * blocks of the version in force, so it sees the old copy or the new one, never half of one.
 */
import type { DncRegistryKind } from "@/generated/prisma/enums";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { forgetRegistryCopy } from "./cache";
import { encodeBlocks } from "./codec";
import { CompactNumberSet, NumberCollector } from "./number-set";
import { RegistryLineParser, type ParseSummary } from "./parse";

/** An upload older than this that never finished is taken to have died with its process. */
const ABANDONED_AFTER_MS = 15 * 60_000;
const PROGRESS_EVERY_BYTES = 2 * 1024 * 1024;
/** Blocks per insert statement: ~70 KB each. */
const BLOCKS_PER_INSERT = 16;

export interface RegistryLoadInput {
  kind: DncRegistryKind;
  name: string;
  /** When the copy was downloaded from the registry; null means now. */
  downloadedAt: Date | null;
  /** The file's size as the browser announced it, for progress. */
  totalBytes: number;
}

export interface RegistryLoadResult {
  registryId: string;
  version: number;
  numberCount: number;
  duplicates: number;
  invalidLines: number;
  samples: ParseSummary["samples"];
  downloadedAt: string;
}

export interface RegistryLoad {
  registryId: string;
  write(chunk: Uint8Array): Promise<void>;
  /** The file ended: stores the copy and puts it in force. */
  finish(options?: { complete?: boolean }): Promise<RegistryLoadResult>;
  /** The upload failed: the copy in force stays, the error is kept on the registry. */
  fail(error: unknown): Promise<void>;
}

/** An upload of the registry is under way (one that died with its process does not count). */
export function isUploadRunning(registry: { uploadState: string; uploadStartedAt: Date | null }, now: Date): boolean {
  return registry.uploadState === "RUNNING" && registry.uploadStartedAt !== null && now.getTime() - registry.uploadStartedAt.getTime() < ABANDONED_AFTER_MS;
}

/** Claims the registry (created on its first upload) for a new copy; refuses while another upload of it runs. */
async function claimRegistry(db: TenantDb, input: RegistryLoadInput, now: Date) {
  return db.$transaction(async (tx) => {
    const where = { tenantId_kind_name: { tenantId: tx.tenantId, kind: input.kind, name: input.name } };
    await tx.dncRegistry.upsert({ where, create: { kind: input.kind, name: input.name }, update: {} });
    const registry = await tx.dncRegistry.findUniqueOrThrow({ where });
    if (isUploadRunning(registry, now)) throw new ExpectedError("conflict", `A copy of "${input.name}" is already being uploaded; wait for it to finish`, "file");
    const version = Math.max(registry.activeVersion, registry.uploadVersion) + 1;
    const { count } = await tx.dncRegistry.updateMany({
      where: { id: registry.id, uploadVersion: registry.uploadVersion, activeVersion: registry.activeVersion },
      data: { uploadState: "RUNNING", uploadVersion: version, uploadStartedAt: now, uploadBytes: 0, uploadTotalBytes: input.totalBytes, uploadNumbers: 0, uploadInvalid: 0, lastError: null },
    });
    if (count === 0) throw new ExpectedError("conflict", `A copy of "${input.name}" is already being uploaded; wait for it to finish`, "file");
    // Blocks of an upload that died with its process are not part of any copy.
    await tx.dncRegistryBlock.deleteMany({ where: { registryId: registry.id, version: { not: registry.activeVersion } } });
    return { id: registry.id, version };
  });
}

export async function startRegistryLoad(db: TenantDb, input: RegistryLoadInput, ctx: AuditContext, now = new Date()): Promise<RegistryLoad> {
  const registry = await claimRegistry(db, input, now);
  const collector = new NumberCollector();
  const parser = new RegistryLineParser((number) => collector.add(number));
  let bytes = 0;
  let reportedAt = 0;
  const mine = { id: registry.id, uploadVersion: registry.version, uploadState: "RUNNING" as const };

  async function reportProgress() {
    reportedAt = bytes;
    await db.dncRegistry.updateMany({
      where: mine,
      data: { uploadBytes: bytes, uploadNumbers: parser.summary.numbers, uploadInvalid: parser.summary.invalid },
    });
  }

  return {
    registryId: registry.id,
    async write(chunk) {
      parser.push(chunk);
      bytes += chunk.length;
      if (bytes - reportedAt >= PROGRESS_EVERY_BYTES) await reportProgress();
    },
    async finish(options = {}) {
      const summary = parser.end();
      await reportProgress();
      if (options.complete === false) throw new ExpectedError("bad_request", "The upload was cut short before the end of the file; the copy in force is unchanged", "file");
      if (summary.numbers === 0) {
        throw new ExpectedError("invalid", `No valid 10-digit number in this file (${summary.invalid} invalid lines); the copy in force is unchanged`, "file");
      }
      const set = CompactNumberSet.fromSorted(collector.sortedDistinct());
      await writeBlocks(db, registry.id, registry.version, encodeBlocks(set));
      const downloadedAt = input.downloadedAt ?? now;
      const result: RegistryLoadResult = {
        registryId: registry.id,
        version: registry.version,
        numberCount: set.size,
        duplicates: summary.numbers - set.size,
        invalidLines: summary.invalid,
        samples: summary.samples,
        downloadedAt: downloadedAt.toISOString(),
      };
      await putInForce(db, input, result, downloadedAt, ctx);
      forgetRegistryCopy(db.tenantId, registry.id);
      return result;
    },
    async fail(error) {
      const message = error instanceof ExpectedError ? error.message : "The upload failed; the copy in force is unchanged";
      await db.dncRegistry.updateMany({
        where: mine,
        data: { uploadState: "FAILED", lastError: message, uploadInvalid: parser.summary.invalid, invalidSamples: parser.summary.samples as object[] },
      });
      await db.dncRegistryBlock.deleteMany({ where: { registryId: registry.id, version: registry.version } });
    },
  };
}

async function writeBlocks(db: TenantDb, registryId: string, version: number, blocks: Uint8Array<ArrayBuffer>[]) {
  for (let first = 0; first < blocks.length; first += BLOCKS_PER_INSERT) {
    await db.dncRegistryBlock.createMany({
      data: blocks.slice(first, first + BLOCKS_PER_INSERT).map((block, i) => ({ registryId, version, seq: first + i, data: Buffer.from(block.buffer, block.byteOffset, block.byteLength).toString("base64") })),
    });
  }
}

/** The switch: the new version in force, the old blocks gone, audited, in one transaction. */
async function putInForce(db: TenantDb, input: RegistryLoadInput, result: RegistryLoadResult, downloadedAt: Date, ctx: AuditContext) {
  await db.$transaction(async (tx) => {
    const before = await tx.dncRegistry.findFirst({ where: { id: result.registryId } });
    const { count } = await tx.dncRegistry.updateMany({
      where: { id: result.registryId, uploadVersion: result.version, uploadState: "RUNNING" },
      data: {
        activeVersion: result.version,
        numberCount: result.numberCount,
        invalidLines: result.invalidLines,
        invalidSamples: result.samples as object[],
        downloadedAt,
        loadedAt: new Date(),
        loadedById: ctx.actorId,
        uploadState: "IDLE",
      },
    });
    if (count === 0) throw new ExpectedError("conflict", "Another upload of this registry took over; upload again", "file");
    await tx.dncRegistryBlock.deleteMany({ where: { registryId: result.registryId, version: { not: result.version } } });
    await recordAudit(
      tx,
      {
        action: "dnc_registry.loaded",
        entity: "DncRegistry",
        entityId: result.registryId,
        before: before ? { numberCount: before.numberCount, downloadedAt: before.downloadedAt?.toISOString() ?? null, version: before.activeVersion } : null,
        after: { kind: input.kind, name: input.name, numberCount: result.numberCount, invalidLines: result.invalidLines, downloadedAt: result.downloadedAt, version: result.version },
      },
      ctx,
    );
  });
}
