import { bulkSqlOf } from "./bulk";
import type { TenantDb, TenantTransaction } from "./tenant";

/**
 * The read door of a scoped client, for the few reads Prisma cannot phrase (a capped count
 * without ORDER BY, the planner's row estimate, a sort that puts nulls last in both
 * directions from one index). The statement runs in the tenant's transaction, as role
 * dealflow_app, so row-level security binds it like every scoped query; it must still say
 * `"tenantId" = $1` itself, with the client's tenant as the first parameter, so a query plan
 * never depends on the policy alone. Only SELECT and plain EXPLAIN (which runs nothing) pass.
 */
export async function selectInTenant<T>(db: TenantDb | TenantTransaction, sql: string, params: unknown[]): Promise<T[]> {
  if (!/^\s*(SELECT|EXPLAIN\s*\(\s*FORMAT\s+JSON\s*\)\s*SELECT)\s/i.test(sql) || sql.includes(";")) {
    throw new Error("selectInTenant runs one SELECT (or its EXPLAIN) only");
  }
  if (params[0] !== db.tenantId || !sql.includes('"tenantId" = $1')) {
    throw new Error('selectInTenant needs "tenantId" = $1 with the client\'s tenant as $1');
  }
  return bulkSqlOf(db, "selectInTenant").sql.query<T>(sql, params);
}
