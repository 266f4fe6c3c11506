import type { ApiKey } from "@/generated/prisma/client";
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

/**
 * The scoped client of the workspace that issued this invitation, or null when no
 * invitation has this token hash. An invitation link names no workspace, so this one
 * lookup reads invitations across all of them.
 */
export async function tenantDbForInvitation(tokenHash: string): Promise<TenantDb | null> {
  const prisma = await getPrisma();
  const invitation = await prisma.invitation.findUnique({ where: { tokenHash }, select: { tenantId: true } });
  return invitation ? scopeToTenant(prisma, invitation.tenantId) : null;
}

/**
 * The workspace holding this API key and the key row, or null when no key has this hash.
 * The key is what names its workspace, so this one lookup reads keys across all of them.
 */
export async function tenantDbForApiKey(keyHash: string): Promise<{ db: TenantDb; key: ApiKey } | null> {
  const prisma = await getPrisma();
  const key = await prisma.apiKey.findUnique({ where: { keyHash } });
  return key ? { db: scopeToTenant(prisma, key.tenantId), key } : null;
}

/**
 * The scoped client of the workspace that issued this buyer deal link, or null when no link
 * has this token hash. A buyer's link names no workspace, so this one lookup reads links
 * across all of them; everything after it goes through the workspace's scoped client.
 */
export async function tenantDbForBuyerDealLink(tokenHash: string): Promise<TenantDb | null> {
  const prisma = await getPrisma();
  const link = await prisma.buyerDealLink.findUnique({ where: { tokenHash }, select: { tenantId: true } });
  return link ? scopeToTenant(prisma, link.tenantId) : null;
}
