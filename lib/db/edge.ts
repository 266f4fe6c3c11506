import { getPrisma } from "./client";
import { scopeToTenant, type TenantDb } from "./tenant";

/**
 * Where the edges (Inngest functions, webhooks, invitation links, the command line) turn a
 * tenant they were handed into its scoped client. Domain code under lib/ receives the
 * TenantDb and never opens the root client itself.
 */
export async function tenantDbFor(tenantId: string): Promise<TenantDb> {
  return scopeToTenant(await getPrisma(), tenantId);
}

/** The scoped client of the workspace with this slug, or null when there is none. */
export async function tenantDbBySlug(slug: string): Promise<TenantDb | null> {
  const prisma = await getPrisma();
  const tenant = await prisma.tenant.findUnique({ where: { slug }, select: { id: true } });
  return tenant ? scopeToTenant(prisma, tenant.id) : null;
}
