import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import type { PersonIdentity } from "./identity";

/** What one area erased: rows touched per table, and records whose sealed data must be shredded. */
export interface ErasureCounts {
  counts: Record<string, number>;
  /** Key subjects ("FollowUpTask:<id>") of records sealed under their own key. */
  subjects?: string[];
}

/**
 * One area's part of erasure and access. Each area owns its tables, so each brings its own:
 * the privacy orchestrator calls every registered eraser in one transaction per request.
 */
export interface PersonEraser {
  area: string;
  /** Finds more of the person (their deals, another phone on them) before erasing. */
  discover?(db: TenantDb, identity: PersonIdentity): Promise<Partial<PersonIdentity>>;
  erase(tx: TenantTransaction, identity: PersonIdentity): Promise<ErasureCounts>;
  /** Everything the area holds about the person, per table, for an access request. */
  collect(db: TenantDb, identity: PersonIdentity): Promise<Record<string, unknown[]>>;
}

/** Reads a table in pages of ids, so a scan for mentions never holds the whole table. */
export async function scanPages<T extends { id: string }>(read: (cursor: string | undefined) => Promise<T[]>, visit: (rows: T[]) => void | Promise<void>) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await read(cursor);
    if (rows.length === 0) return;
    await visit(rows);
    cursor = rows[rows.length - 1].id;
  }
}

export const SCAN_PAGE = 1000;
export const ERASED = "[erased]";

/** Ids of the rows (read a page at a time, by id) whose text names the person. */
export async function idsMentioning<T extends { id: string }>(
  read: (cursor: string | undefined) => Promise<T[]>,
  textOf: (row: T) => unknown,
  matches: (text: string) => boolean,
): Promise<string[]> {
  const ids: string[] = [];
  await scanPages(read, (rows) => {
    for (const row of rows) if (matches(JSON.stringify(textOf(row)))) ids.push(row.id);
  });
  return ids;
}

/** `take`/`cursor` arguments of one page of a scan. */
export const pageArgs = (cursor: string | undefined) => ({ orderBy: { id: "asc" as const }, take: SCAN_PAGE, ...(cursor && { cursor: { id: cursor }, skip: 1 }) });
