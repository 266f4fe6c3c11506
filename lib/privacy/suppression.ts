/**
 * The suppression list: keyed hashes of the phones and emails of people who were erased.
 * Intake (email, API, the hand form), imports and every send check it; it never says who.
 */
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { suppressionHashes } from "./identity";

type Db = TenantDb | TenantTransaction;

/** What a refused row or send says: that the contact is suppressed, not who they are. */
export const SUPPRESSED_MESSAGE = "This contact asked to be erased and may not be added or contacted again";

export interface ContactToScreen {
  phone?: string | null;
  email?: string | null;
}

/** Indexes of the contacts on the suppression list (by their phone or their email). */
export async function findSuppressed(db: Db, contacts: readonly ContactToScreen[]): Promise<Set<number>> {
  const hashed = contacts.map((contact) => suppressionHashes(contact));
  const all = [...new Set(hashed.flatMap((h) => [h.phone, h.email]).filter((h): h is string => Boolean(h)))];
  if (all.length === 0) return new Set();
  // One array parameter: an import screens two thousand contacts a batch.
  const rows = await selectInTenant<{ hash: string }>(db, `SELECT "hash" FROM "Suppression" WHERE "tenantId" = $1 AND "hash" = ANY($2::text[])`, [db.tenantId, all]);
  const found = new Set(rows.map((row) => row.hash));
  const suppressed = new Set<number>();
  hashed.forEach((h, index) => {
    if ((h.phone && found.has(h.phone)) || (h.email && found.has(h.email))) suppressed.add(index);
  });
  return suppressed;
}

export async function isSuppressed(db: Db, contact: ContactToScreen): Promise<boolean> {
  return (await findSuppressed(db, [contact])).size > 0;
}

/** Adds the person's phones and emails to the list; returns how many entries are new. */
export async function addSuppressions(db: Db, identity: { phones: string[]; emails: string[] }, requestId: string): Promise<number> {
  const rows = [
    ...identity.phones.map((phone) => ({ kind: "phone", hash: suppressionHashes({ phone }).phone })),
    ...identity.emails.map((email) => ({ kind: "email", hash: suppressionHashes({ email }).email })),
  ].filter((row): row is { kind: string; hash: string } => Boolean(row.hash));
  if (rows.length === 0) return 0;
  const { count } = await db.suppression.createMany({ data: rows.map((row) => ({ ...row, requestId })), skipDuplicates: true });
  return count;
}
