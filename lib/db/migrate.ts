import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The smallest surface both PGlite and node-postgres offer. */
export interface SqlExecutor {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<unknown>;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Same table and columns as Prisma Migrate, so `prisma migrate status` and
// `prisma migrate deploy` (where the native engine is available) agree with this runner.
const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function listAppliedMigrations(db: SqlExecutor): Promise<Map<string, string>> {
  await db.exec(MIGRATIONS_TABLE);
  const { rows } = await db.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((r) => [r.migration_name, r.checksum]));
}

/**
 * Applies every migration not yet recorded, each in its own transaction, in name order.
 * A migration whose file changed after it was applied stops the run: editing history
 * would leave databases that claim the same version with different schemas.
 */
export async function applyMigrations(db: SqlExecutor, files?: MigrationFile[]): Promise<MigrationReport> {
  const migrations = files ?? (await readMigrationFiles());
  const applied = await listAppliedMigrations(db);
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const recorded = applied.get(migration.name);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was edited after it was applied (checksum differs)`);
      }
      report.alreadyApplied.push(migration.name);
      continue;
    }
    await db.exec("BEGIN");
    try {
      await db.exec(migration.sql);
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await db.exec("COMMIT");
    } catch (error) {
      await db.exec("ROLLBACK");
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
    report.applied.push(migration.name);
  }
  return report;
}

/** Names of migrations shipped with the code but not applied to the database. */
export async function pendingMigrations(db: SqlExecutor): Promise<string[]> {
  const [files, applied] = await Promise.all([readMigrationFiles(), listAppliedMigrations(db)]);
  return files.filter((f) => !applied.has(f.name)).map((f) => f.name);
}
