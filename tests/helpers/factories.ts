import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";

const unique = () => randomBytes(5).toString("hex");

async function makeUser(prisma: PrismaClient) {
  return prisma.user.create({ data: { email: `u-${unique()}@example.test`, name: "Test User", passwordHash: "x" } });
}

type Factory = (prisma: PrismaClient, tenantId: string) => Promise<{ id: string }>;

/**
 * One row-maker per tenant-owned model. The isolation test walks every tenant-owned model
 * in the data model, so a new model without a factory here fails that test by name.
 */
const factories: Record<string, Factory> = {
  Membership: async (prisma, tenantId) =>
    prisma.membership.create({ data: { tenantId, userId: (await makeUser(prisma)).id, role: "va" } }),
  Invitation: (prisma, tenantId) =>
    prisma.invitation.create({
      data: {
        tenantId, email: `i-${unique()}@example.test`, role: "va", tokenHash: unique(),
        invitedById: "seed", expiresAt: new Date(Date.now() + 86_400_000),
      },
    }),
  AuditEvent: (prisma, tenantId) =>
    prisma.auditEvent.create({ data: { tenantId, action: "test.created", entity: "Test" } }),
  Notification: (prisma, tenantId) =>
    prisma.notification.create({ data: { tenantId, kind: "test", title: "Hello", body: "World" } }),
};

export async function seedRowFor(prisma: PrismaClient, model: string, tenantId: string) {
  const factory = factories[model];
  if (!factory) throw new Error(`No test factory for tenant-owned model ${model}: add one in tests/helpers/factories.ts`);
  return factory(prisma, tenantId);
}
