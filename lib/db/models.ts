import type { PrismaClient } from "@/generated/prisma/client";

type RuntimeModel = { fields: { name: string; kind: string }[] };

/**
 * Models that carry a `tenantId` column, read from the client's runtime data model
 * (Prisma's DMMF as shipped with the generated client), so a new tenant-owned model is
 * scoped and covered by the isolation test without a list to keep up to date.
 */
export function tenantOwnedModels(prisma: PrismaClient): string[] {
  const dataModel = (prisma as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } })
    ._runtimeDataModel;
  return Object.entries(dataModel.models)
    .filter(([, model]) => model.fields.some((f) => f.name === "tenantId" && f.kind === "scalar"))
    .map(([name]) => name);
}

/** `AuditEvent` -> `auditEvent`, the client's delegate property. */
export function delegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}
