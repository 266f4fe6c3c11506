// Users are global (one account, several workspaces), hence the root client.
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { getPrisma } from "@/lib/db/client";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { hashPassword, PasswordSchema, verifyPassword } from "./password";

/** The account page's form, its server action and the tests share this one schema. */
export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: PasswordSchema,
    confirmPassword: z.string().min(1, "Enter the new password again"),
  })
  .refine((input) => input.currentPassword !== input.newPassword, { path: ["newPassword"], message: "Choose a password you have not been using" })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ["confirmPassword"], message: "The two new passwords do not match" });

export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/**
 * Sets a new password and, in the same write, bumps the session version: every session
 * signed in before, on any device, is refused from the next request on.
 *
 * The user is global and the audit log is the workspace's (`db`, where the user is acting),
 * and no transaction spans both clients: the password is written first, conditionally on
 * the hash just verified, and put back if the audit line cannot be written, so a change
 * without its audit line does not stay. The audit line holds no password or hash.
 */
export async function changePassword(prisma: PrismaClient, db: TenantDb, userId: string, input: ChangePasswordInput, ctx: AuditContext) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new ExpectedError("not_found", "This account no longer exists.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ExpectedError("invalid", "The current password is incorrect.", "currentPassword");
  }
  const newHash = await hashPassword(input.newPassword);
  const changed = await prisma.user.updateMany({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash: newHash, sessionVersion: { increment: 1 } },
  });
  if (changed.count !== 1) throw new ExpectedError("conflict", "The password was changed meanwhile. Sign in again and retry.", "currentPassword");
  try {
    await db.$transaction((tx) =>
      recordAudit(tx, { action: "user.password_changed", entity: "User", entityId: userId, after: { signedOutEverywhere: true } }, ctx),
    );
  } catch (error) {
    // The sessions stay ended (harmless); the password goes back to the one still on record.
    await prisma.user.updateMany({ where: { id: userId, passwordHash: newHash }, data: { passwordHash: user.passwordHash } });
    throw error;
  }
}

/** The signed-in user changes their own password; `db` is the workspace they act in. */
export async function changeOwnPassword(db: TenantDb, userId: string, input: ChangePasswordInput, ctx: AuditContext) {
  await changePassword(await getPrisma(), db, userId, input, ctx);
}
