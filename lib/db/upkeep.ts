import { logger } from "@/lib/observability/logger";
import { getDatabase, type Database } from "./client";

/** How often the embedded database brings its statistics up to date. */
export const UPKEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * PGlite runs no autovacuum: nothing refreshes the planner's statistics, or marks pages
 * all-visible for index-only scans, unless the application does. Imports do it for the
 * tables they fill; this does it for the whole database. PostgreSQL's autovacuum does both,
 * so there it does nothing and says so (false).
 */
export async function runDatabaseUpkeep(database: Database): Promise<boolean> {
  if (database.kind !== "pglite") return false;
  await database.sql.exec("VACUUM (ANALYZE)");
  return true;
}

const state = globalThis as unknown as { upkeepLoop?: NodeJS.Timeout };

/** Runs the upkeep every hour in this process (once per process, across dev reloads). */
export function startUpkeepLoop(intervalMs = UPKEEP_INTERVAL_MS): void {
  if (state.upkeepLoop) return;
  state.upkeepLoop = setInterval(() => {
    const started = performance.now();
    getDatabase()
      .then(runDatabaseUpkeep)
      .then((ran) => ran && logger.info({ ms: Math.round(performance.now() - started) }, "database statistics refreshed"))
      .catch((error: unknown) => logger.warn({ err: error }, "database upkeep failed; it runs again in an hour"));
  }, intervalMs);
  state.upkeepLoop.unref();
}
