/**
 * The workspace's p(win) and p(go) per pursuit stage: the defaults of pipeline.ts with the
 * edits a manager saved on the board, kept in GovConProfile.stageProbabilities.
 */
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { resolveStageProbabilities, stageProbabilityEdits, type StageProbabilities, type StageProbabilitiesInput } from "./pipeline";

export async function loadStageProbabilities(db: TenantDb | TenantTransaction): Promise<StageProbabilities> {
  const profile = await db.govConProfile.findFirst({ select: { stageProbabilities: true } });
  return resolveStageProbabilities(profile?.stageProbabilities);
}

/**
 * Saves every stage's probabilities; only what differs from the defaults is stored. A
 * workspace without a GovCon profile yet gets one holding just these (the rest default).
 */
export async function saveStageProbabilities(db: TenantDb, input: StageProbabilitiesInput, ctx: AuditContext): Promise<StageProbabilities> {
  return db.$transaction(async (tx) => {
    const before = await loadStageProbabilities(tx);
    const edits = stageProbabilityEdits(input) as Prisma.InputJsonObject;
    await tx.govConProfile.upsert({
      where: { tenantId: tx.tenantId },
      create: { stageProbabilities: edits },
      update: { stageProbabilities: edits },
    });
    const after = resolveStageProbabilities(edits);
    await recordAudit(tx, { action: "govcon.stage_probabilities_changed", entity: "GovConProfile", entityId: tx.tenantId, before, after }, ctx);
    return after;
  });
}
