/** The tenant's registries as the registries page shows them, and their removal. */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { forgetRegistryCopy } from "./cache";
import { isUploadRunning } from "./load";
import { copyAgeDays, DNCL_MAX_AGE_DAYS } from "./rules";
import type { RemoveRegistryInput } from "./schema";

/** The page warns this many days before a national copy reaches the 31-day limit. */
export const AGE_WARNING_DAYS = 25;

export type CopyFreshness = "none" | "fresh" | "ageing" | "stale";

/** How a national copy stands against the 31-day limit; lists of the tenant's own never age. */
export function copyFreshness(kind: string, downloadedAt: Date | null, now: Date): CopyFreshness {
  if (!downloadedAt) return "none";
  if (kind !== "US_NATIONAL" && kind !== "CA_NATIONAL") return "fresh";
  const age = copyAgeDays(downloadedAt, now);
  return age > DNCL_MAX_AGE_DAYS ? "stale" : age >= AGE_WARNING_DAYS ? "ageing" : "fresh";
}

export async function listRegistries(db: TenantDb, now = new Date()) {
  const rows = await db.dncRegistry.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }] });
  return rows.map((row) => {
    const loaded = row.activeVersion > 0;
    const downloadedAt = loaded ? row.downloadedAt : null;
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      loaded,
      numberCount: loaded ? row.numberCount : 0,
      invalidLines: row.invalidLines,
      downloadedAt: downloadedAt?.toISOString() ?? null,
      ageDays: downloadedAt ? copyAgeDays(downloadedAt, now) : null,
      freshness: copyFreshness(row.kind, downloadedAt, now),
      loadedAt: row.loadedAt?.toISOString() ?? null,
      upload: {
        state: row.uploadState,
        bytes: row.uploadBytes,
        totalBytes: row.uploadTotalBytes,
        numbers: row.uploadNumbers,
        invalid: row.uploadInvalid,
        startedAt: row.uploadStartedAt?.toISOString() ?? null,
        error: row.lastError,
      },
      invalidSamples: Array.isArray(row.invalidSamples) ? (row.invalidSamples as { line: number; text: string }[]) : [],
    };
  });
}
export type RegistryView = Awaited<ReturnType<typeof listRegistries>>[number];

/**
 * Removes a registry and its copy, audited. The gate stops checking it at once; for Canada's
 * DNCL that means Canadian numbers are refused again (fail closed) until a copy is uploaded.
 * Refused while an upload of it is running, so the upload cannot land on a removed registry.
 */
export async function removeRegistry(db: TenantDb, input: RemoveRegistryInput, ctx: AuditContext, now = new Date()) {
  const removed = await db.$transaction(async (tx) => {
    const row = await tx.dncRegistry.findFirst({ where: { id: input.registryId } });
    if (!row) throw new ExpectedError("not_found", "This registry no longer exists", "registryId");
    if (isUploadRunning(row, now)) throw new ExpectedError("conflict", `A copy of "${row.name}" is being uploaded; wait for it to finish`, "registryId");
    // The blocks go with the row (cascade).
    await tx.dncRegistry.deleteMany({ where: { id: row.id } });
    await recordAudit(
      tx,
      {
        action: "dnc_registry.removed",
        entity: "DncRegistry",
        entityId: row.id,
        before: { kind: row.kind, name: row.name, numberCount: row.numberCount, downloadedAt: row.downloadedAt?.toISOString() ?? null, version: row.activeVersion },
        after: null,
      },
      ctx,
    );
    return { id: row.id, kind: row.kind, name: row.name };
  });
  forgetRegistryCopy(db.tenantId, removed.id);
  return removed;
}
