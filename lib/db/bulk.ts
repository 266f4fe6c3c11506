import { randomUUID } from "node:crypto";
import type { DirectSql } from "./pglite-session";
import { BULK_SQL, type TenantDb, type TenantTransaction } from "./tenant";

type Field = { name: string; kind: string; type: string; isList?: boolean };
type RuntimeDataModel = { models: Record<string, { fields: Field[] }> };

/** Models written in bulk (intake, ladder starts, imported consent, campaign audiences, GovCon rescoring); each name is a table of the same name. */
export type BulkModel = "Deal" | "OfferEvidence" | "KpiEvent" | "EventOutbox" | "FollowUpLadder" | "ContactConsent" | "CampaignRecipient" | "Opportunity";

// PostgreSQL takes at most 65,535 bind parameters per statement.
const MAX_PARAMS = 30_000;
export const COPY_MIN_ROWS = 50;

function castFor(field: Field): string {
  if (field.kind === "enum") return `::"${field.type}"`;
  if (field.type === "Json") return "::jsonb";
  if (field.type === "DateTime") return "::timestamp(3)";
  return "";
}

/** The raw-SQL door of a scoped client; only tenant clients have one. */
export function bulkSqlOf(db: TenantDb | TenantTransaction, caller: string): BulkSql {
  const bulk = (db as unknown as Record<symbol, BulkSql | undefined>)[BULK_SQL];
  if (!bulk) throw new Error(`${caller} needs a tenant-scoped client`);
  return bulk;
}

/**
 * Inserts many rows of a tenant-owned model, stamped with the client's tenant like every
 * scoped create. Prisma's createMany costs several times more per row than the insert
 * itself, which dominates a 100k-row import, so many rows go as one COPY (PGlite reads it
 * from a blob, PostgreSQL from STDIN), a few as one multi-row INSERT. Rows already present
 * (a unique key taken) are skipped when `skipDuplicates` is set; returns the inserted ids.
 */
export async function insertRows(
  db: TenantDb | TenantTransaction,
  model: BulkModel,
  rows: Record<string, unknown>[],
  options: { skipDuplicates?: boolean } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  const bulk = bulkSqlOf(db, "insertRows");
  const columns = columnsOf(bulk.dataModel, model, rows);
  // Read once: the client is a proxy over Prisma's, and each read of it costs a few traps.
  const tenantId = db.tenantId;
  for (const row of rows) {
    if (row.tenantId !== undefined && row.tenantId !== tenantId) {
      throw new Error(`Refusing to write a row for another tenant (${String(row.tenantId)})`);
    }
  }
  const encode = cellEncoder(columns, tenantId, new Date());
  // A COPY through a scratch table costs a few statements more: worth it for many rows.
  if (rows.length >= COPY_MIN_ROWS) {
    return copyRows(bulk.sql, model, columns, csvOf(rows, columns.length, encode), options.skipDuplicates ?? false);
  }
  const tuples = rows.map((row) => columns.map((_, i) => encode(row, i)));
  return insertTuples(bulk.sql, model, columns, tuples, options.skipDuplicates ?? false);
}

type CellEncoder = (row: Record<string, unknown>, column: number) => unknown;

/** Each column's value as the database takes it: the tenant stamped, ids and times filled in. */
function cellEncoder(columns: Field[], tenantId: string, now: Date): CellEncoder {
  const nowText = now.toISOString();
  const encoders = columns.map((field): ((row: Record<string, unknown>) => unknown) => {
    const name = field.name;
    if (name === "tenantId") return () => tenantId;
    if (name === "id") return (row) => row.id ?? randomUUID();
    if (name === "createdAt" || name === "updatedAt") return (row) => (row[name] == null ? nowText : timeText(row[name]));
    if (field.type === "Json") return (row) => (row[name] == null ? null : JSON.stringify(row[name]));
    if (field.type === "DateTime") return (row) => (row[name] == null ? null : timeText(row[name]));
    return (row) => row[name] ?? null;
  });
  return (row, column) => encoders[column](row);
}

const timeText = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();

/** The rows as COPY's CSV, built in one pass: a 100k-row import writes millions of cells. */
function csvOf(rows: Record<string, unknown>[], width: number, encode: CellEncoder): string {
  let csv = "";
  for (const row of rows) {
    for (let column = 0; column < width; column++) {
      if (column > 0) csv += ",";
      csv += csvCell(encode(row, column));
    }
    csv += "\n";
  }
  return csv;
}

const columnsByModel = new WeakMap<RuntimeDataModel, Map<BulkModel, Map<string, Field>>>();

/** The model's writable columns, as plain objects: Prisma's data model answers through proxies, slowly. */
function writableFields(dataModel: RuntimeDataModel, model: BulkModel): Map<string, Field> {
  let models = columnsByModel.get(dataModel);
  if (!models) columnsByModel.set(dataModel, (models = new Map()));
  let fields = models.get(model);
  if (!fields) {
    const writable = dataModel.models[model].fields.filter((f) => (f.kind === "scalar" || f.kind === "enum") && !f.isList);
    fields = new Map(writable.map((f) => [f.name, { name: f.name, kind: f.kind, type: f.type }]));
    models.set(model, fields);
  }
  return fields;
}

/** After a bulk load (outside any transaction): brings the tables' statistics up to date. */
export async function refreshAfterBulkWrite(db: TenantDb, models: BulkModel[]): Promise<void> {
  await bulkSqlOf(db, "refreshAfterBulkWrite").sql.vacuumAnalyze?.(models);
}

function columnsOf(dataModel: RuntimeDataModel, model: BulkModel, rows: Record<string, unknown>[]): Field[] {
  const fields = writableFields(dataModel, model);
  const present = new Set<string>(["id", "tenantId"]);
  for (const row of rows) for (const key of Object.keys(row)) if (row[key] !== undefined) present.add(key);
  if (fields.has("updatedAt")) present.add("updatedAt");
  if (fields.has("createdAt")) present.add("createdAt");
  return [...present].map((name) => {
    const field = fields.get(name);
    if (!field) throw new Error(`${model} has no column ${name}`);
    return field;
  });
}

const columnList = (columns: Field[]) => columns.map((f) => `"${f.name}"`).join(",");

async function insertTuples(sql: DirectSql, model: BulkModel, columns: Field[], tuples: unknown[][], skipDuplicates: boolean): Promise<string[]> {
  const inserted: string[] = [];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < tuples.length; start += perStatement) {
    const params: unknown[] = [];
    const values = tuples.slice(start, start + perStatement).map((tuple) => {
      const placeholders = tuple.map((value, i) => {
        params.push(value);
        return `$${params.length}${castFor(columns[i])}`;
      });
      return `(${placeholders.join(",")})`;
    });
    const statement =
      `INSERT INTO "${model}" (${columnList(columns)}) VALUES ${values.join(",")}` +
      `${skipDuplicates ? " ON CONFLICT DO NOTHING" : ""} RETURNING "id"`;
    for (const { id } of await sql.query<{ id: string }>(statement, params)) inserted.push(id);
  }
  return inserted;
}

/**
 * COPY refuses a table under row-level security, so rows are copied into a scratch table of
 * the transaction and moved with one INSERT ... SELECT, which the policies check row by row
 * (and which skips taken keys in the same statement).
 */
async function copyRows(sql: DirectSql, model: BulkModel, columns: Field[], csv: string, skipDuplicates: boolean): Promise<string[]> {
  const stage = `bulk_stage_${randomUUID().replaceAll("-", "")}`;
  const list = columnList(columns);
  return sql.atomically(async (tx) => {
    await tx.query(`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${list} FROM "${model}" WITH NO DATA`, []);
    await tx.copyFrom(`${stage} (${list})`, csv);
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO "${model}" (${list}) SELECT ${list} FROM ${stage}${skipDuplicates ? " ON CONFLICT DO NOTHING" : ""} RETURNING "id"`,
      [],
    );
    await tx.query(`DROP TABLE ${stage}`, []);
    return rows.map((row) => row.id);
  });
}

/** A value as COPY's CSV reads it: NULL is an empty unquoted field, every text is quoted. */
function csvCell(value: unknown): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

export interface BulkSql {
  dataModel: RuntimeDataModel;
  sql: DirectSql;
}

const SQL_TYPES: Record<string, string> = { Int: "integer", BigInt: "bigint", Float: "double precision", String: "text", Boolean: "boolean", Json: "jsonb", DateTime: "timestamp(3)" };

/**
 * Sets per-row values on existing rows of a tenant-owned model in ONE statement: the rows go
 * as a single JSON parameter, read back with jsonb_to_recordset and joined on id (a rescore
 * of an import's batch is one UPDATE, not one per deal). Runs as the tenant like every scoped
 * write, and names the tenant in its WHERE too. Each row needs `id`; every row must set the
 * same columns. Returns how many rows changed.
 */
export async function updateRowsById(db: TenantDb | TenantTransaction, model: BulkModel, rows: ({ id: string } & Record<string, unknown>)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const bulk = bulkSqlOf(db, "updateRowsById");
  const modelFields = bulk.dataModel.models[model].fields;
  const names = Object.keys(rows[0]).filter((name) => name !== "id");
  const columns = names.map((name) => {
    const field = modelFields.find((f) => f.name === name && (f.kind === "scalar" || f.kind === "enum"));
    if (!field || name === "tenantId") throw new Error(`${model} has no writable column ${name}`);
    const base = field.kind === "enum" ? `"${field.type}"` : SQL_TYPES[field.type];
    if (!base) throw new Error(`updateRowsById cannot write ${model}.${name} (${field.type})`);
    // Prisma's runtime data model does not say which scalars are lists; the values do.
    const isList = field.isList ?? (field.type !== "Json" && rows.some((row) => Array.isArray(row[name])));
    return { name, type: isList ? `${base}[]` : base };
  });
  const payload = JSON.stringify(rows.map((row) => Object.fromEntries([["id", row.id], ...names.map((name) => [name, row[name] instanceof Date ? (row[name] as Date).toISOString() : (row[name] ?? null)])])));
  const hasUpdatedAt = modelFields.some((f) => f.name === "updatedAt");
  const set = [...columns.map((c) => `"${c.name}" = s."${c.name}"`), ...(hasUpdatedAt ? [`"updatedAt" = now()`] : [])].join(", ");
  const shape = [`"id" text`, ...columns.map((c) => `"${c.name}" ${c.type}`)].join(", ");
  const changed = await bulk.sql.query<{ id: string }>(
    `UPDATE "${model}" AS t SET ${set} FROM jsonb_to_recordset($2::jsonb) AS s(${shape}) WHERE t."tenantId" = $1 AND t."id" = s."id" RETURNING t."id"`,
    [db.tenantId, payload],
  );
  return changed.length;
}
