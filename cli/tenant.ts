import { openDatabase, resolveDatabaseOptions } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { UsageError } from "./commands";

/** Opens the configured database, scopes it to the tenant named by slug, and closes it after. */
export async function withTenantDatabase<T>(slug: string, run: (db: TenantDb) => Promise<T>): Promise<T> {
  const database = await openDatabase({ ...resolveDatabaseOptions(), migrate: true });
  try {
    const tenant = await database.prisma.tenant.findUnique({ where: { slug }, select: { id: true } });
    if (!tenant) throw new UsageError(`no tenant with slug "${slug}"`);
    return await run(scopeToTenant(database.prisma, tenant.id));
  } finally {
    await database.close();
  }
}
