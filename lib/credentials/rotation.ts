import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { openSecret, sealContext, sealSecret } from "./crypto";
import type { Keyring } from "./keyring";

export interface RotationReport {
  keyVersion: number;
  rotated: number;
  alreadyCurrent: number;
  /** Rows that did not open with any key in the keyring; they keep their old ciphertext. */
  failed: { provider: string; keyVersion: number; reason: string }[];
}

/**
 * Re-seals every credential row of the workspace that is not under the keyring's newest
 * key. Each row is re-sealed and audited in its own transaction, so a failure leaves the
 * others done and the command can simply be run again.
 */
export async function rotateCredentials(db: TenantDb, keyring: Keyring, ctx: AuditContext): Promise<RotationReport> {
  const report: RotationReport = { keyVersion: keyring.current.version, rotated: 0, alreadyCurrent: 0, failed: [] };
  const rows = await db.providerCredential.findMany({ orderBy: { provider: "asc" } });
  for (const row of rows) {
    if (row.keyVersion === keyring.current.version) {
      report.alreadyCurrent += 1;
      continue;
    }
    const context = sealContext(row.tenantId, row.provider);
    let plaintext: string;
    try {
      plaintext = openSecret(keyring, row, context);
    } catch (error) {
      report.failed.push({ provider: row.provider, keyVersion: row.keyVersion, reason: (error as Error).message });
      continue;
    }
    const sealed = sealSecret(keyring, plaintext, context);
    await db.$transaction(async (tx) => {
      // Only a row still under the version read is replaced, so a save in between wins.
      const { count } = await tx.providerCredential.updateMany({ where: { id: row.id, keyVersion: row.keyVersion }, data: sealed });
      if (count === 1) {
        await recordAudit(tx, { action: "credentials.rotated", entity: "ProviderCredential", entityId: row.id, before: { keyVersion: row.keyVersion }, after: { keyVersion: sealed.keyVersion } }, ctx);
      }
    });
    report.rotated += 1;
  }
  return report;
}
