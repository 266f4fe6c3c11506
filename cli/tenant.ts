import { closeDatabase, openDatabase, resolveDatabaseOptions, useDatabase } from "@/lib/db/client";
import { tenantDbBySlug } from "@/lib/db/edge";
import type { TenantDb } from "@/lib/db/tenant";
import { UsageError } from "./commands";

/** Opens the configured database, scopes it to the tenant named by slug, and closes it after. */
export async function withTenantDatabase<T>(slug: string, run: (db: TenantDb) => Promise<T>): Promise<T> {
  useDatabase(await openDatabase({ ...resolveDatabaseOptions(), migrate: true }));
  try {
    const db = await tenantDbBySlug(slug);
    if (!db) throw new UsageError(`no tenant with slug "${slug}"`);
    return await run(db);
  } finally {
    await closeDatabase();
  }
}
