/**
 * The registries' numbers in memory, one CompactNumberSet per registry copy, loaded on the
 * first lookup and kept until a new copy lands. The key carries the copy's version, which
 * every lookup reads from the registry row first, so a process never answers from a
 * replaced copy, even when another process loaded the new one.
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { decodeBlocks } from "./codec";
import type { CompactNumberSet } from "./number-set";

/** Copies kept at once across tenants; the least recently loaded goes first. */
const MAX_COPIES = 256;

const copies = new Map<string, { version: number; set: Promise<CompactNumberSet> }>();

export interface CopyRef {
  id: string;
  activeVersion: number;
}

async function readCopy(db: TenantDb | TenantTransaction, registry: CopyRef): Promise<CompactNumberSet> {
  const blocks = await db.dncRegistryBlock.findMany({
    where: { registryId: registry.id, version: registry.activeVersion },
    orderBy: { seq: "asc" },
    select: { data: true },
  });
  return decodeBlocks(blocks.map((b) => Buffer.from(b.data, "base64")));
}

/** The numbers of the registry's copy in force. */
export function registryCopy(db: TenantDb | TenantTransaction, registry: CopyRef): Promise<CompactNumberSet> {
  const key = `${db.tenantId}:${registry.id}`;
  const cached = copies.get(key);
  if (cached && cached.version === registry.activeVersion) return cached.set;
  const set = readCopy(db, registry);
  copies.delete(key);
  copies.set(key, { version: registry.activeVersion, set });
  // A failed read is not kept: the next lookup tries again.
  set.catch(() => {
    if (copies.get(key)?.set === set) copies.delete(key);
  });
  while (copies.size > MAX_COPIES) copies.delete(copies.keys().next().value!);
  return set;
}

/** Drops the copies of a registry held by this process (the new copy is loaded on the next lookup). */
export function forgetRegistryCopy(tenantId: string, registryId: string): void {
  copies.delete(`${tenantId}:${registryId}`);
}
