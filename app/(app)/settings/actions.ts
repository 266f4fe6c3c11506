"use server";

import { revalidatePath } from "next/cache";
import { actingContext, auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { ChangePlanInput } from "@/lib/plans/schema";
import { changePlan } from "@/lib/plans/service";
import { inviteMember, revokeInvitation } from "@/lib/tenants/invitations";
import { changeMemberRole, removeMember } from "@/lib/tenants/members";
import { updateTenantProfile } from "@/lib/tenants/profile";
import { ChangeRoleInput, InvitationRef, InviteMemberInput, MembershipRef, TenantProfileInput } from "@/lib/tenants/schema";
import { invitationUrl } from "@/lib/tenants/invitation-url";

export const updateProfileAction = tenantAction("tenant.update", "tenant:update", TenantProfileInput, async (ctx, input) => {
  const tenant = await updateTenantProfile(ctx.db, input, auditContext(ctx));
  revalidatePath("/", "layout");
  return { name: tenant.name };
}, { message: "Workspace profile saved" });

export const changePlanAction = tenantAction("tenant.changePlan", "tenant:update", ChangePlanInput, async (ctx, input) => {
  const result = await changePlan(ctx.db, input, { role: ctx.role, audit: auditContext(ctx) });
  revalidatePath("/settings");
  return result;
}, { message: "Plan changed" });

export const inviteMemberAction = tenantAction("members.invite", "members:invite", InviteMemberInput, async (ctx, input) => {
  const { invitation, token } = await inviteMember(ctx.db, input, actingContext(ctx));
  revalidatePath("/settings/members");
  return { email: invitation.email, url: await invitationUrl(token) };
});

export const changeRoleAction = tenantAction("members.changeRole", "members:update", ChangeRoleInput, async (ctx, input) => {
  await changeMemberRole(ctx.db, input, actingContext(ctx));
  revalidatePath("/settings/members");
  return { role: input.role };
}, { message: "Role updated" });

export const removeMemberAction = tenantAction("members.remove", "members:remove", MembershipRef, async (ctx, input) => {
  const result = await removeMember(ctx.db, input.membershipId, actingContext(ctx));
  revalidatePath("/settings/members");
  return result;
}, { message: "Member removed" });

export const revokeInvitationAction = tenantAction("invitations.revoke", "members:invite", InvitationRef, async (ctx, input) => {
  const result = await revokeInvitation(ctx.db, input.invitationId, actingContext(ctx));
  revalidatePath("/settings/members");
  return result;
}, { message: "Invitation revoked" });
