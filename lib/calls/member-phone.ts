/** The member's own phone (Membership.phone): the dialer rings it first, then bridges to the lead. */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { normalizePhone } from "@/lib/contact/address";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { MemberPhoneInput } from "./schema";

export async function getMemberPhone(db: TenantDb | TenantTransaction, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const member = await db.membership.findFirst({ where: { userId }, select: { phone: true } });
  return member?.phone ?? null;
}

/** Saves (or, empty, clears) the member's phone in E.164, audited. */
export async function setMemberPhone(db: TenantDb, userId: string, input: MemberPhoneInput, ctx: AuditContext): Promise<{ phone: string | null }> {
  const { phone: text } = MemberPhoneInput.parse(input);
  const phone = text ? normalizePhone(text) : null;
  if (text && !phone) throw new ExpectedError("invalid", "Enter your phone with its country code, e.g. +1 416 555 0100", "phone");
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { userId }, select: { id: true, phone: true } });
    if (!member) throw new ExpectedError("forbidden", "You are not a member of this workspace");
    if (member.phone === phone) return { phone };
    await tx.membership.update({ where: { id: member.id }, data: { phone } });
    await recordAudit(tx, { action: "member.phone_changed", entity: "Membership", entityId: member.id, before: { phone: member.phone }, after: { phone } }, ctx);
    return { phone };
  });
}
