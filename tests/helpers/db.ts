import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/client";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a
 * new database on the PostgreSQL server named by TEST_DATABASE_URL (dropped on close).
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ dataDir: "memory://", migrate: true });

  const name = `dealflow_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), migrate: true });
  return {
    ...database,
    async close() {
      await closeWithin(database, POOL_CLOSE_MS, name);
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await dropWhenFree(cleanup, name);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** How long closing the pool may wait for connections still checked out before the drop ends them. */
const POOL_CLOSE_MS = 10_000;

/**
 * Closes the pool, but waits at most `ms` for connections still checked out (work a test
 * left running, such as an event dispatch after its last assertion): the DROP ... WITH
 * (FORCE) that follows ends those sessions, so a straggler cannot hang the file's teardown
 * past the hook's limit. The straggler is named, so a real leak stays visible.
 */
async function closeWithin(database: Database, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  const outcome = await Promise.race([database.close().then(() => "closed" as const), late]);
  clearTimeout(timer);
  if (outcome === "late") console.warn(`${name}: a connection was still checked out ${ms} ms after the tests; the drop ends it`);
}

/**
 * FORCE ends the other sessions on the database, but only those of roles the test user may
 * signal: a session of the app's own role (a background import finishing) is waited for.
 */
async function dropWhenFree(client: pg.Client, name: string, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      const busy = /pg_signal_backend|being accessed by other users/.test((error as Error).message);
      if (!busy || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
