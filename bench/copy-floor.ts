// The floor of a bulk write: the rows it left, put by plain COPY into the same tables (same
// indexes, same constraints) of a fresh migrated database of the same kind. Only the COPY in
// of the tables the write grew is timed; the rows they refer to (the tenant, the import job...)
// are copied first, untimed.
import { createReadStream, createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { from as copyFromStdin, to as copyToStdout } from "pg-copy-streams";
import { applyMigrations, type SqlExecutor } from "@/lib/db/migrate";
import type { BenchDatabase } from "./database";

/** Row counts of every table of the app's schema (the process's own session sees every tenant). */
export async function countRows(sql: SqlExecutor): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of await appTables(sql)) {
    const [row] = (await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "${table}"`)).rows;
    counts.set(table, Number(row.n));
  }
  return counts;
}

/** Tables whose count went up between the two snapshots: what the write wrote. */
export function grownTables(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([table, n]) => n > (before.get(table) ?? 0)).map(([table]) => table);
}

async function appTables(sql: SqlExecutor): Promise<string[]> {
  const { rows } = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE '\\_%' ORDER BY c.relname`,
  );
  return rows.map((r) => r.name);
}

/** The tables in an order where every table comes after the tables its foreign keys point to. */
async function parentsFirst(sql: SqlExecutor, tables: string[]): Promise<string[]> {
  const { rows } = await sql.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
     JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1");
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of rows) if (unquote(child) !== unquote(parent)) parents.get(unquote(child))?.add(unquote(parent));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) visit(parent);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

export interface CopyFloor {
  seconds: number;
  rows: number;
  tables: { table: string; rows: number; seconds: number }[];
}

/** One database to COPY into: its SQL, and a COPY FROM of a table out of a file of COPY text. */
interface FloorTarget {
  sql: SqlExecutor;
  copyIn(table: string, file: string): Promise<void>;
  close(): Promise<void>;
}

/** A COPY TO of a table into a file, from the bench's database. */
type CopyOut = (table: string, file: string) => Promise<void>;

/** Copies the source's rows into a fresh database of its kind; times the COPY in of `timed` tables. */
export async function measureCopyFloor(source: BenchDatabase, timed: string[], workDir: string): Promise<CopyFloor> {
  const { target, copyOut, closeSource } = source.kind === "pglite" ? await pgliteFloor(source, workDir) : await postgresFloor(source);
  try {
    const counts = await countRows(source.database.sql);
    const seeded = await countRows(target.sql);
    // Tables the migrations filled (reference data) are already in place.
    const tables = await parentsFirst(source.database.sql, [...counts].filter(([t, n]) => n > 0 && !seeded.get(t)).map(([t]) => t));
    const floor: CopyFloor = { seconds: 0, rows: 0, tables: [] };
    for (const table of tables) {
      const file = path.join(workDir, `floor-${table}.copy`);
      await copyOut(table, file);
      const started = performance.now();
      await target.copyIn(table, file);
      const seconds = (performance.now() - started) / 1000;
      if (!timed.includes(table)) continue;
      floor.seconds += seconds;
      floor.rows += counts.get(table) ?? 0;
      floor.tables.push({ table, rows: counts.get(table) ?? 0, seconds });
    }
    return floor;
  } finally {
    await target.close();
    await closeSource();
  }
}

async function pgliteFloor(source: BenchDatabase, workDir: string) {
  // The bench's PGlite is reached through its SqlExecutor, which hands back COPY TO's blob.
  const read = source.database.sql as unknown as { query(sql: string): Promise<{ blob?: Blob }> };
  const copyOut: CopyOut = async (table, file) => {
    const { blob } = await read.query(`COPY "${table}" TO '/dev/blob'`);
    if (!blob) throw new Error(`COPY of ${table} gave no data`);
    await pipeline(async function* () {
      yield Buffer.from(await blob.arrayBuffer());
    }, createWriteStream(file));
  };
  const client = await PGlite.create({ dataDir: path.join(workDir, "floor-pglite"), extensions: { pg_trgm } });
  const sql: SqlExecutor = { query: (text, params) => client.query(text, params), exec: (text) => client.exec(text) };
  await applyMigrations(sql);
  const target: FloorTarget = {
    sql,
    async copyIn(table, file) {
      const blob = new Blob([await readFile(file)]);
      await client.query(`COPY "${table}" FROM '/dev/blob'`, [], { blob });
    },
    close: () => client.close(),
  };
  return { target, copyOut, closeSource: async () => undefined };
}

async function postgresFloor(source: BenchDatabase) {
  if (!source.url) throw new Error("the PostgreSQL bench database has no URL");
  // The process's own session: row-level security lets it read every row.
  const options = "-c app.rls_bypass=on";
  const reader = new pg.Client({ connectionString: source.url, options });
  await reader.connect();
  const copyOut: CopyOut = async (table, file) => {
    await pipeline(reader.query(copyToStdout(`COPY "${table}" TO STDOUT`)), createWriteStream(file));
  };
  const floorUrl = new URL(source.url);
  const name = `${floorUrl.pathname.slice(1)}_floor`;
  await reader.query(`CREATE DATABASE ${name}`);
  floorUrl.pathname = `/${name}`;
  const writer = new pg.Client({ connectionString: floorUrl.toString(), options });
  await writer.connect();
  const sql: SqlExecutor = { query: async (text, params) => writer.query(text, params) as never, exec: (text) => writer.query(text) };
  await applyMigrations(sql);
  // COPY FROM refuses a table whose row-level security binds its owner; the floor is the
  // plain COPY, so the owner is let through as an owner normally is.
  for (const table of await appTables(sql)) await writer.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
  const target: FloorTarget = {
    sql,
    async copyIn(table, file) {
      await pipeline(createReadStream(file), writer.query(copyFromStdin(`COPY "${table}" FROM STDIN`)));
    },
    async close() {
      await writer.end();
      await reader.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    },
  };
  return { target, copyOut, closeSource: () => reader.end() };
}
