/** The PersonKey table: each subject's wrapped data key, created on first use, deleted on erasure. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { keyedHash } from "./identity";
import { newDataKey, unwrapDataKey, wrapDataKey } from "./seal";

type Db = TenantDb | TenantTransaction;

/** The data key of each subject (id → key), creating the missing ones. */
export async function ensurePersonKeys(db: Db, subjects: readonly string[]): Promise<Map<string, Buffer>> {
  const hashes = [...new Set(subjects)].map(keyedHash);
  // A concurrent writer may create the same subject's key: the unique index keeps one, which both then read.
  await db.personKey.createMany({ data: hashes.map((subjectHash) => ({ subjectHash, wrappedKey: wrapDataKey(newDataKey()) })), skipDuplicates: true });
  const rows = await db.personKey.findMany({ where: { subjectHash: { in: hashes } }, select: { id: true, wrappedKey: true } });
  return new Map(rows.map((row) => [row.id, unwrapDataKey(row.wrappedKey)]));
}

/** The data keys that still exist among the given ids. */
export async function loadPersonKeys(db: Db, ids: readonly string[]): Promise<Map<string, Buffer>> {
  if (ids.length === 0) return new Map();
  const rows = await db.personKey.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, wrappedKey: true } });
  return new Map(rows.map((row) => [row.id, unwrapDataKey(row.wrappedKey)]));
}

/** Destroys the subjects' keys: what was sealed under them can no longer be read. */
export async function destroyPersonKeys(db: Db, subjects: readonly string[]): Promise<number> {
  if (subjects.length === 0) return 0;
  const { count } = await db.personKey.deleteMany({ where: { subjectHash: { in: [...new Set(subjects)].map(keyedHash) } } });
  return count;
}
