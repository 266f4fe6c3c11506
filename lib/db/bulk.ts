import { randomUUID } from "node:crypto";
import { BULK_SQL, type TenantDb, type TenantTransaction } from "./tenant";

type Field = { name: string; kind: string; type: string; isList?: boolean };
type RuntimeDataModel = { models: Record<string, { fields: Field[] }> };

/** Models written in bulk (intake, ladder starts); each name is a table of the same name. */
export type BulkModel = "Deal" | "OfferEvidence" | "KpiEvent" | "EventOutbox" | "FollowUpLadder";

// PostgreSQL takes at most 65,535 bind parameters per statement.
const MAX_PARAMS = 30_000;

function castFor(field: Field): string {
  if (field.kind === "enum") return `::"${field.type}"`;
  if (field.type === "Json") return "::jsonb";
  if (field.type === "DateTime") return "::timestamp(3)";
  return "";
}

function toParam(field: Field, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (field.type === "Json") return JSON.stringify(value);
  if (field.type === "DateTime") return (value instanceof Date ? value : new Date(String(value))).toISOString();
  return value;
}

/**
 * Inserts many rows of a tenant-owned model in a few multi-row statements, stamped with the
 * client's tenant like every scoped create. Prisma's createMany costs several times more
 * per row than the insert itself, which dominates a 100k-row import. Rows already present
 * (a unique key taken) are skipped when `skipDuplicates` is set; returns the inserted ids.
 */
export async function insertRows(
  db: TenantDb | TenantTransaction,
  model: BulkModel,
  rows: Record<string, unknown>[],
  options: { skipDuplicates?: boolean } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  const bulk = (db as unknown as Record<symbol, BulkSql | undefined>)[BULK_SQL];
  if (!bulk) throw new Error("insertRows needs a tenant-scoped client");
  const fields = new Map(
    bulk.dataModel.models[model].fields.filter((f) => (f.kind === "scalar" || f.kind === "enum") && !f.isList).map((f) => [f.name, f]),
  );
  const now = new Date();
  const present = new Set<string>(["id", "tenantId"]);
  for (const row of rows) for (const key of Object.keys(row)) if (row[key] !== undefined) present.add(key);
  if (fields.has("updatedAt")) present.add("updatedAt");
  if (fields.has("createdAt")) present.add("createdAt");
  const columns = [...present].map((name) => {
    const field = fields.get(name);
    if (!field) throw new Error(`${model} has no column ${name}`);
    return field;
  });

  const inserted: string[] = [];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      if (row.tenantId !== undefined && row.tenantId !== db.tenantId) {
        throw new Error(`Refusing to write a row for another tenant (${String(row.tenantId)})`);
      }
      const values = columns.map((field) => {
        let value = row[field.name];
        if (field.name === "tenantId") value = db.tenantId;
        else if (field.name === "id") value ??= randomUUID();
        else if (field.name === "updatedAt" || field.name === "createdAt") value ??= now;
        params.push(toParam(field, value));
        return `$${params.length}${castFor(field)}`;
      });
      return `(${values.join(",")})`;
    });
    const sql =
      `INSERT INTO "${model}" (${columns.map((f) => `"${f.name}"`).join(",")}) VALUES ${tuples.join(",")}` +
      `${options.skipDuplicates ? " ON CONFLICT DO NOTHING" : ""} RETURNING "id"`;
    const result = await bulk.query<{ id: string }>(sql, params);
    for (const { id } of result) inserted.push(id);
  }
  return inserted;
}

export interface BulkSql {
  dataModel: RuntimeDataModel;
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
}
