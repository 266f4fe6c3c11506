import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { DEFAULT_LADDER_STEPS, LadderSteps, LadderTemplateInput, type LadderStep } from "./schema";

export interface LadderTemplateView {
  steps: LadderStep[];
  version: number;
  isDefault: boolean;
  updatedAt: Date | null;
}

/** The tenant's ladder, or the default when it has none (or its stored steps no longer parse). */
export async function getLadderTemplate(db: TenantDb | TenantTransaction): Promise<LadderTemplateView> {
  const row = await db.ladderTemplate.findFirst({});
  const parsed = row ? LadderSteps.safeParse(row.steps) : null;
  if (row && parsed?.success) return { steps: parsed.data, version: row.version, isDefault: false, updatedAt: row.updatedAt };
  return { steps: DEFAULT_LADDER_STEPS.map((s) => ({ ...s })), version: row?.version ?? 0, isDefault: true, updatedAt: row?.updatedAt ?? null };
}

/** Saves the tenant's ladder with its reason, audited in the same transaction. Running ladders keep their steps. */
export async function saveLadderTemplate(db: TenantDb, input: LadderTemplateInput, ctx: AuditContext): Promise<LadderTemplateView> {
  const parsed = LadderTemplateInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExpectedError("invalid", issue?.message ?? "Invalid ladder", issue?.path.map(String).join(".") || undefined);
  }
  const { steps, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.ladderTemplate.findFirst({});
    const data = { steps: steps as unknown as Prisma.InputJsonValue, updatedById: ctx.actorId };
    const row = before
      ? await tx.ladderTemplate.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.ladderTemplate.create({ data: { ...data, version: 1 } as Prisma.LadderTemplateUncheckedCreateInput });
    await recordAudit(
      tx,
      {
        action: before ? "ladder_template.updated" : "ladder_template.created",
        entity: "LadderTemplate",
        entityId: row.id,
        before: before ? { steps: before.steps, version: before.version } : { steps: DEFAULT_LADDER_STEPS, version: 0 },
        after: { steps, version: row.version, reason },
      },
      ctx,
    );
    return { steps, version: row.version, isDefault: false, updatedAt: row.updatedAt };
  });
}
