import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The list of tenants, for crons that fan out one event per tenant. It reads only ids:
 * everything about a tenant is then read through that tenant's scoped client.
 */
export async function listActiveTenantIds(prisma: PrismaClient): Promise<string[]> {
  const tenants = await prisma.tenant.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  return tenants.map((t) => t.id);
}
