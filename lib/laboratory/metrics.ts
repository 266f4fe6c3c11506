/**
 * laboratory_experiments_active: experiments not yet promoted or archived, summed over the
 * workspaces this process has seen. Each workspace's count is refreshed after a change to its
 * experiments and whenever its laboratory is listed.
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { setLaboratoryExperimentsActive } from "@/lib/observability/metrics";
import { ACTIVE_STATUSES } from "./schema";

const activeByTenant = new Map<string, number>();

export async function refreshActiveExperiments(db: TenantDb | TenantTransaction): Promise<number> {
  const count = await db.labExperiment.count({ where: { status: { in: [...ACTIVE_STATUSES] } } });
  activeByTenant.set(db.tenantId, count);
  setLaboratoryExperimentsActive([...activeByTenant.values()].reduce((sum, n) => sum + n, 0));
  return count;
}
