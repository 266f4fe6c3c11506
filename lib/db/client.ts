import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import { applyMigrations, type SqlExecutor } from "./migrate";
import { attachPgliteSession, PgliteSession } from "./pglite-session";
import { attachPostgresSession, PostgresSession } from "./postgres-session";

export type { PrismaClient };

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Raw SQL for migrations and health checks only; domain code uses Prisma. */
  sql: SqlExecutor;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, or "memory://" for a throwaway database. */
  dataDir?: string;
  migrate?: boolean;
}

/**
 * The process's own sessions work across workspaces (sign-in, dispatch, engines, migrations):
 * row-level security lets them by this setting. The tenant-scoped client turns it off and
 * enters its tenant in every transaction (lib/db/tenant.ts).
 */
const SYSTEM_SESSION_SQL = "SET app.rls_bypass = 'on'";
const SYSTEM_SESSION_OPTIONS = "-c app.rls_bypass=on";

export const DEFAULT_DATA_DIR = path.join(process.cwd(), ".data", "pglite");

export function resolveDatabaseOptions(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return { databaseUrl, dataDir: env.PGLITE_DATA_DIR?.trim() || DEFAULT_DATA_DIR };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  if (options.migrate) await applyMigrations(database.sql);
  return database;
}

async function openPglite(dataDir = DEFAULT_DATA_DIR): Promise<Database> {
  // PGlite does not create missing parent folders.
  if (!dataDir.startsWith("memory://")) mkdirSync(path.dirname(dataDir), { recursive: true });
  // pg_trgm: earlier migrations create the extension (and an index the Prospects indexes
  // replaced since); PostgreSQL ships it in contrib, PGlite loads it here.
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  await client.exec(SYSTEM_SESSION_SQL);
  const session = new PgliteSession(client);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(session.adapterClient) });
  attachPgliteSession(prisma, session);
  return {
    kind: "pglite",
    prisma,
    sql: { query: (text, params) => client.query(text, params), exec: (text) => client.exec(text) },
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: SYSTEM_SESSION_OPTIONS });
  // An idle connection can be closed by the server (restart, failover, admin command); pg
  // emits that on the pool, and without a listener it would crash the process.
  pool.on("error", (error) => logger.warn({ err: error }, "idle PostgreSQL connection closed"));
  // Before Prisma opens any connection: the session watches each one as the pool creates it.
  const session = new PostgresSession(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  attachPostgresSession(prisma, session);
  // Migrations run BEGIN/COMMIT as separate statements, so they need one pinned connection.
  let pinned: pg.PoolClient | undefined;
  const connection = async () => (pinned ??= await pool.connect());
  return {
    kind: "postgres",
    prisma,
    sql: {
      query: async <T>(text: string, params?: unknown[]) =>
        (await connection()).query(text, params) as unknown as Promise<{ rows: T[] }>,
      exec: async (text) => (await connection()).query(text),
    },
    async close() {
      pinned?.release();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const globalForDb = globalThis as unknown as { dealflowDatabase?: Promise<Database> };

/**
 * The process-wide database. Migrations are applied once on first use, so a server
 * started without the start script still comes up on the current schema.
 */
export function getDatabase(): Promise<Database> {
  globalForDb.dealflowDatabase ??= openDatabase({ ...resolveDatabaseOptions(), migrate: true }).catch((error) => {
    globalForDb.dealflowDatabase = undefined;
    throw error;
  });
  return globalForDb.dealflowDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Closes the process-wide database, if it was opened. */
export async function closeDatabase(): Promise<void> {
  const pending = globalForDb.dealflowDatabase;
  globalForDb.dealflowDatabase = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close();
}

/** Makes `database` the process-wide one: tests and scripts that open their own. */
export function useDatabase(database: Database): void {
  globalForDb.dealflowDatabase = Promise.resolve(database);
}
