/**
 * What the outbound gate needs to know about a phone number and the tenant's registries:
 * on which copies it is listed, how old each copy is, whether the number is Canadian.
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { isCanadianNumber, nanpNumberOf } from "./area-codes";
import { registryCopy } from "./cache";
import type { RegistryFacts } from "./rules";

/** The registry facts of a phone number in E.164; null when it is not a North American number (no registry covers it). */
export async function readRegistryFacts(db: TenantDb | TenantTransaction, address: string | null): Promise<RegistryFacts | null> {
  const number = nanpNumberOf(address);
  if (number === null) return null;
  const rows = await db.dncRegistry.findMany({ select: { id: true, kind: true, name: true, activeVersion: true, downloadedAt: true } });
  const registries = await Promise.all(
    rows.map(async (row) => {
      const loaded = row.activeVersion > 0;
      return {
        kind: row.kind,
        name: row.name,
        downloadedAt: loaded ? (row.downloadedAt ?? null) : null,
        listed: loaded ? (await registryCopy(db, row)).has(number) : false,
      };
    }),
  );
  return { canadian: isCanadianNumber(address!), registries };
}
