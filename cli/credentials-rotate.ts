import { rotateCredentials } from "@/lib/credentials/rotation";
import type { Keyring } from "@/lib/credentials/keyring";
import { closeDatabase, getPrisma, openDatabase, resolveDatabaseOptions, useDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { listActiveTenantIds } from "@/lib/tenants/directory";

/** The operator's rotation, recorded in each workspace's audit log without an actor. */
const OPERATOR = { actorId: null, actorEmail: "dealflow credentials-rotate", requestId: undefined };

/**
 * Re-seals every workspace's credentials under the keyring's newest key, one workspace at a
 * time through its own scoped client, and sums up what it did.
 */
export async function rotateAllCredentials(keyring: Keyring) {
  useDatabase(await openDatabase({ ...resolveDatabaseOptions(), migrate: true }));
  try {
    const prisma = await getPrisma();
    // The workspace list is global; each workspace's rows are then read through its own scope.
    const tenants = (await listActiveTenantIds(prisma)).map((tenantId) => ({ tenantId }));
    const totals = { keyVersion: keyring.current.version, workspaces: tenants.length, rotated: 0, alreadyCurrent: 0, failed: [] as { tenantId: string; provider: string; keyVersion: number; reason: string }[] };
    for (const { tenantId } of tenants) {
      const report = await rotateCredentials(scopeToTenant(prisma, tenantId), keyring, OPERATOR);
      totals.rotated += report.rotated;
      totals.alreadyCurrent += report.alreadyCurrent;
      totals.failed.push(...report.failed.map((f) => ({ tenantId, ...f })));
    }
    return totals;
  } finally {
    await closeDatabase();
  }
}
