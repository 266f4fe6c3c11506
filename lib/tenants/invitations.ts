import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { canInviteAs, type Role } from "@/lib/auth/permissions";
import { accountExists } from "@/lib/auth/credentials";
import { hashPassword, PasswordSchema, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import type { Acting } from "./members";
import type { AcceptInvitationInput, InviteMemberInput } from "./schema";

export const INVITATION_TTL_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}

/**
 * Creates a single-use invitation. Only the token's hash is stored: the link is shown to
 * the inviter once and cannot be recovered from the database.
 */
export async function inviteMember(db: TenantDb, input: InviteMemberInput, acting: Acting, now = new Date()) {
  const verdict = canInviteAs(acting.role, input.role);
  if (!verdict.ok) throw new ExpectedError("forbidden", verdict.reason, "role");
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({ where: { user: { email: input.email } } });
    if (existing) throw new ExpectedError("conflict", "This person is already a member.", "email");
    // A new invitation replaces any still-pending one for the same address.
    await tx.invitation.updateMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedById: acting.actorId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
      },
    });
    await recordAudit(
      tx,
      { action: "member.invited", entity: "Invitation", entityId: created.id, after: { email: input.email, role: input.role } },
      acting,
    );
    return created;
  });
  return { invitation, token };
}

export async function listInvitations(db: TenantDb, now = new Date()) {
  const invitations = await db.invitation.findMany({ orderBy: { createdAt: "desc" }, take: 100 });
  return invitations.map((i) => ({ ...i, role: i.role as Role, status: invitationStatus(i, now) }));
}

export async function revokeInvitation(db: TenantDb, invitationId: string, acting: Acting, now = new Date()) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id: invitationId } });
    if (!invitation) throw new ExpectedError("not_found", "That invitation does not exist.", "invitationId");
    if (invitationStatus(invitation, now) !== "pending") {
      throw new ExpectedError("conflict", "Only a pending invitation can be revoked.", "invitationId");
    }
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await recordAudit(
      tx,
      { action: "invitation.revoked", entity: "Invitation", entityId: invitation.id, before: { email: invitation.email, role: invitation.role } },
      acting,
    );
    return { id: invitation.id };
  });
}

/**
 * What the acceptance page shows before the invitee commits. `db` is the workspace the edge
 * resolved from the token (null when no invitation has it).
 */
export async function describeInvitation(db: TenantDb | null, token: string, now = new Date()) {
  if (!db) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { tenant: { select: { name: true } } },
  });
  if (!invitation) return null;
  return {
    email: invitation.email,
    role: invitation.role as Role,
    tenantName: invitation.tenant.name,
    status: invitationStatus(invitation, now),
    hasAccount: await accountExists(invitation.email),
  };
}

/**
 * Accepts an invitation. The claim is one conditional update, so two clicks on the same
 * link cannot both succeed. It runs on the root client: the claim, the global User it
 * creates or confirms and the Membership must commit together, and a scoped client cannot
 * reach users. Every row written carries the invitation's own tenant.
 */
export async function acceptInvitation(
  prisma: PrismaClient,
  input: AcceptInvitationInput,
  meta: { requestId?: string } = {},
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(input.token) } });
    if (!invitation) throw new ExpectedError("not_found", "This invitation link is not valid.", "token");
    const status = invitationStatus(invitation, now);
    if (status !== "pending") throw new ExpectedError("conflict", `This invitation has been ${status === "accepted" ? "used already" : status}.`, "token");
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new ExpectedError("conflict", "This invitation has been used already.", "token");

    let user = await tx.user.findUnique({ where: { email: invitation.email } });
    if (user) {
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        throw new ExpectedError("unauthorized", "Enter the password of your existing account.", "password");
      }
    } else {
      const password = PasswordSchema.safeParse(input.password);
      if (!password.success) throw new ExpectedError("invalid", password.error.issues[0].message, "password");
      if (!input.name) throw new ExpectedError("invalid", "Enter your name", "name");
      user = await tx.user.create({
        data: { email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password) },
      });
    }
    const already = await tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: invitation.tenantId, userId: user.id } },
    });
    if (already) throw new ExpectedError("conflict", "You are already a member of this workspace.", "token");
    const membership = await tx.membership.create({
      data: { tenantId: invitation.tenantId, userId: user.id, role: invitation.role },
    });
    await tx.auditEvent.create({
      data: {
        tenantId: invitation.tenantId,
        actorId: user.id,
        actorEmail: user.email,
        action: "invitation.accepted",
        entity: "Membership",
        entityId: membership.id,
        // Written here, not through recordAudit (it needs a scoped client), so nothing in it
        // may need sealing: the member's email is the actor's, and before/after hold none.
        after: { role: invitation.role, invitationId: invitation.id },
        requestId: meta.requestId ?? null,
      },
    });
    return { userId: user.id, email: user.email, tenantId: invitation.tenantId, role: invitation.role as Role };
  });
}
