"use server";

import { ChangePasswordSchema, changeOwnPassword } from "@/lib/auth/password-change";
import { auditContext } from "@/lib/auth/session";
import { setMemberPhone } from "@/lib/calls/member-phone";
import { MemberPhoneInput } from "@/lib/calls/schema";
import { tenantAction } from "@/lib/http/action";

// Every role may change its own password; the audit line goes to the workspace in use.
export const changePasswordAction = tenantAction("account.changePassword", "dashboard:read", ChangePasswordSchema, async (ctx, input) => {
  await changeOwnPassword(ctx.db, ctx.user.id, input, auditContext(ctx));
  return null;
}, { message: "Password changed" });

// The phone is the member's in this workspace: the dialer rings it before bridging to a lead.
export const saveMemberPhoneAction = tenantAction("account.savePhone", "dashboard:read", MemberPhoneInput, (ctx, input) =>
  setMemberPhone(ctx.db, ctx.user.id, input, auditContext(ctx)), { message: "Phone saved" });
