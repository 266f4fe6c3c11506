/**
 * Who approves through the API: the person a user-bound key acts as, while they are still a
 * member whose role may decide on drafts. A workspace key approves nothing (approving needs a
 * person on record).
 */
import type { AuditContext } from "@/lib/audit/service";
import { can, type Role } from "@/lib/auth/permissions";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";

export const UNBOUND_KEY_MESSAGE = "Approving or rejecting a draft needs a person: use an API key created with “Act as me” (Settings, API & integrations)";

export async function approverForKey(db: TenantDb, userId: string | null, requestId: string): Promise<AuditContext & { actorId: string }> {
  if (!userId) throw new ExpectedError("forbidden", UNBOUND_KEY_MESSAGE);
  const membership = await db.membership.findFirst({ where: { userId }, select: { role: true, user: { select: { email: true } } } });
  if (!membership) throw new ExpectedError("forbidden", "The person this key acts as is no longer a member of the workspace");
  if (!can(membership.role as Role, "approvals:decide")) throw new ExpectedError("forbidden", "The person this key acts as may not approve or reject drafts (their role lacks approvals:decide)");
  return { actorId: userId, actorEmail: membership.user.email, requestId };
}
