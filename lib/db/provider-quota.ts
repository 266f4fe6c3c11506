import { randomUUID } from "node:crypto";
import { bulkSqlOf } from "./bulk";
import type { TenantDb, TenantTransaction } from "./tenant";

/**
 * ProviderQuota is keyed by a provider key, not a tenant (a key shared by workspaces shares
 * its budget), so the scoped client has no delegate for it. These statements are its one
 * door: they run through the tenant client's own connection (the test database in tests,
 * the tenant's transaction when there is one) and touch nothing but that table.
 */

export interface QuotaKey {
  provider: string;
  keyHash: string;
  /** The UTC day, YYYY-MM-DD. */
  day: string;
}

export interface QuotaRow {
  budget: number;
  requests: number;
  exhaustedUntil: Date | null;
  lastStatus: number | null;
  lastMessage: string | null;
}

type RawRow = { budget: number; requests: number; exhaustedUntil: string | Date | null; lastStatus: number | null; lastMessage: string | null };

const COLUMNS = `"budget", "requests", "exhaustedUntil", "lastStatus", "lastMessage"`;

function rowOf(raw: RawRow | undefined): QuotaRow | null {
  if (!raw) return null;
  return {
    budget: Number(raw.budget),
    requests: Number(raw.requests),
    exhaustedUntil: raw.exhaustedUntil === null ? null : asUtc(raw.exhaustedUntil),
    lastStatus: raw.lastStatus === null ? null : Number(raw.lastStatus),
    lastMessage: raw.lastMessage,
  };
}

/** timestamp(3) columns hold UTC without a zone; a driver may hand them back as local text. */
function asUtc(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d(:?\d\d)?$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
}

/** Timestamps go in as UTC text, so the session's time zone never shifts them. */
const utcText = (at: Date) => at.toISOString().replace("T", " ").replace("Z", "");

/**
 * Takes one request from the day's budget, or none: a single INSERT ... ON CONFLICT DO
 * UPDATE whose WHERE re-checks the count and the throttle under the row's lock, so two
 * syncs taking at once are serialized and never exceed the budget together. The budget is
 * the key's current one (a raised limit applies the same day). Returns the row after the
 * take, or null when nothing was taken.
 */
export async function takeProviderRequest(db: TenantDb | TenantTransaction, key: QuotaKey, budget: number, now: Date): Promise<QuotaRow | null> {
  const rows = await bulkSqlOf(db, "takeProviderRequest").sql.query<RawRow>(
    `INSERT INTO "ProviderQuota" AS q ("id", "provider", "keyHash", "day", "budget", "requests", "updatedAt")
     SELECT $1, $2, $3, $4, $5, 1, $6::timestamp(3) WHERE $5 >= 1
     ON CONFLICT ("provider", "keyHash", "day") DO UPDATE SET
       "requests" = q."requests" + 1, "budget" = EXCLUDED."budget", "updatedAt" = EXCLUDED."updatedAt"
     WHERE q."requests" < EXCLUDED."budget" AND (q."exhaustedUntil" IS NULL OR q."exhaustedUntil" <= $6::timestamp(3))
     RETURNING ${COLUMNS}`,
    [randomUUID(), key.provider, key.keyHash, key.day, budget, utcText(now)],
  );
  return rowOf(rows[0]);
}

/** Records the provider's answer to a request: its status, its message, and a throttle until a time. */
export async function recordProviderAnswer(
  db: TenantDb | TenantTransaction,
  key: QuotaKey,
  answer: { status: number; message: string | null; exhaustedUntil?: Date | null },
  now: Date,
): Promise<void> {
  await bulkSqlOf(db, "recordProviderAnswer").sql.query(
    `UPDATE "ProviderQuota" SET "lastStatus" = $4, "lastMessage" = $5, "updatedAt" = $6::timestamp(3),
       "exhaustedUntil" = COALESCE($7::timestamp(3), "exhaustedUntil")
     WHERE "provider" = $1 AND "keyHash" = $2 AND "day" = $3`,
    [key.provider, key.keyHash, key.day, answer.status, answer.message, utcText(now), answer.exhaustedUntil ? utcText(answer.exhaustedUntil) : null],
  );
}

/** The day's row of a key, or null before its first request of the day. */
export async function readProviderQuota(db: TenantDb | TenantTransaction, key: QuotaKey): Promise<QuotaRow | null> {
  const rows = await bulkSqlOf(db, "readProviderQuota").sql.query<RawRow>(
    `SELECT ${COLUMNS} FROM "ProviderQuota" WHERE "provider" = $1 AND "keyHash" = $2 AND "day" = $3`,
    [key.provider, key.keyHash, key.day],
  );
  return rowOf(rows[0]);
}

/** The key's latest answer on any day, so a rejected key is still shown the day after. */
export async function readLatestProviderAnswer(db: TenantDb | TenantTransaction, provider: string, keyHash: string): Promise<Pick<QuotaRow, "lastStatus" | "lastMessage"> | null> {
  const rows = await bulkSqlOf(db, "readLatestProviderAnswer").sql.query<RawRow>(
    `SELECT ${COLUMNS} FROM "ProviderQuota" WHERE "provider" = $1 AND "keyHash" = $2 AND "lastStatus" IS NOT NULL ORDER BY "day" DESC LIMIT 1`,
    [provider, keyHash],
  );
  const row = rowOf(rows[0]);
  return row && { lastStatus: row.lastStatus, lastMessage: row.lastMessage };
}
