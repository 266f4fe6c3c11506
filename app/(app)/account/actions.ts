"use server";

import { ChangePasswordSchema, changeOwnPassword } from "@/lib/auth/password-change";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";

// Every role may change its own password; the audit line goes to the workspace in use.
export const changePasswordAction = tenantAction("account.changePassword", "dashboard:read", ChangePasswordSchema, async (ctx, input) => {
  await changeOwnPassword(ctx.db, ctx.user.id, input, auditContext(ctx));
  return null;
}, { message: "Password changed" });
