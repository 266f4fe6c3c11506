// Creating a workspace needs the root client: until its Tenant row exists there is no tenant
// to scope to, and its first members are global users.
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { scopeToTenant } from "@/lib/db/tenant";
import type { Plan } from "@/lib/plans/plans";
import { ensureTenantDefaults } from "./defaults";

export interface NewTenant {
  slug: string;
  name: string;
  timeZone: string;
  country: "US" | "CA";
  /** Defaults to the schema's (Enterprise: an installation is unlimited until an operator picks a plan). */
  plan?: Plan;
}

export interface NewMember {
  email: string;
  name: string;
  password: string;
  role: Role;
}

/**
 * Creates a tenant with its first members (an owner at least) and the audit line that
 * records it, in one transaction, then its default policies. Users that already exist are
 * added, not recreated.
 */
export async function provisionTenant(prisma: PrismaClient, tenant: NewTenant, members: NewMember[]) {
  if (!members.some((m) => m.role === "owner")) throw new Error("A tenant needs an owner");
  const hashed = await Promise.all(members.map(async (m) => ({ ...m, passwordHash: await hashPassword(m.password) })));
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.tenant.create({ data: tenant });
    for (const member of hashed) {
      const user = await tx.user.upsert({
        where: { email: member.email },
        update: {},
        create: { email: member.email, name: member.name, passwordHash: member.passwordHash },
      });
      await tx.membership.create({ data: { tenantId: row.id, userId: user.id, role: member.role } });
    }
    await tx.auditEvent.create({
      data: {
        tenantId: row.id,
        action: "tenant.created",
        entity: "Tenant",
        entityId: row.id,
        after: { ...tenant, members: members.map((m) => ({ email: m.email, role: m.role })) },
      },
    });
    return row;
  });
  await ensureTenantDefaults(scopeToTenant(prisma, created.id), { audited: false });
  return created;
}
