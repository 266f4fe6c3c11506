import { canAssignRole, can, type Role } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import type { ChangeRoleInput } from "./schema";

export interface Acting extends AuditContext {
  actorId: string;
  role: Role;
}

export async function listMembers(db: TenantDb) {
  const memberships = await db.membership.findMany({
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return memberships.map((m) => ({
    id: m.id,
    userId: m.userId,
    role: m.role as Role,
    email: m.user.email,
    name: m.user.name,
    joinedAt: m.createdAt,
  }));
}

// Two owners demoting each other at once would each still see the other as owner under
// read-committed; serializable makes one of them fail instead of leaving no owner.
const OWNER_SAFE = { isolationLevel: "Serializable" } as const;

async function loadMembership(tx: TenantTransaction, membershipId: string) {
  const membership = await tx.membership.findUnique({
    where: { id: membershipId },
    include: { user: { select: { email: true } } },
  });
  if (!membership) throw new ExpectedError("not_found", "That member is not in this workspace.", "membershipId");
  return membership;
}

async function assertOwnerRemains(tx: TenantTransaction, leavingOwnerId: string) {
  const owners = await tx.membership.count({ where: { role: "owner", id: { not: leavingOwnerId } } });
  if (owners === 0) throw new ExpectedError("conflict", "A workspace needs at least one owner.", "membershipId");
}

export async function changeMemberRole(db: TenantDb, input: ChangeRoleInput, acting: Acting) {
  return db.$transaction(async (tx) => {
    const membership = await loadMembership(tx, input.membershipId);
    const currentRole = membership.role as Role;
    if (currentRole === input.role) return membership;
    const verdict = canAssignRole({
      actorRole: acting.role,
      isSelf: membership.userId === acting.actorId,
      currentRole,
      nextRole: input.role,
    });
    if (!verdict.ok) throw new ExpectedError("forbidden", verdict.reason, "role");
    if (currentRole === "owner") await assertOwnerRemains(tx, membership.id);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAudit(
      tx,
      {
        action: "member.role_changed",
        entity: "Membership",
        entityId: membership.id,
        before: { email: membership.user.email, role: currentRole },
        after: { email: membership.user.email, role: input.role },
      },
      acting,
    );
    return updated;
  }, OWNER_SAFE);
}

export async function removeMember(db: TenantDb, membershipId: string, acting: Acting) {
  return db.$transaction(async (tx) => {
    const membership = await loadMembership(tx, membershipId);
    const role = membership.role as Role;
    if (!can(acting.role, "members:remove")) throw new ExpectedError("forbidden", "Your role cannot remove members.");
    if (role === "owner" && acting.role !== "owner") {
      throw new ExpectedError("forbidden", "Only an owner can remove an owner.", "membershipId");
    }
    if (role === "owner") await assertOwnerRemains(tx, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(
      tx,
      { action: "member.removed", entity: "Membership", entityId: membership.id, before: { email: membership.user.email, role } },
      acting,
    );
    return { id: membership.id };
  }, OWNER_SAFE);
}
