"use server";

import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { unsubscribeEmail } from "@/lib/outbound";
import { unsubscribeSecret, verifyUnsubscribeToken } from "@/lib/outbound/unsubscribe";

/** The recipient confirmed: the address is opted out of the sender's email at once. */
export async function confirmUnsubscribe(token: string) {
  const claim = verifyUnsubscribeToken(token, unsubscribeSecret());
  if (!claim) redirect(`/unsubscribe/${encodeURIComponent(token)}`);
  const prisma = await getPrisma();
  const tenant = await prisma.tenant.findUnique({ where: { id: claim.tenantId }, select: { id: true } });
  if (tenant) await unsubscribeEmail(scopeToTenant(prisma, tenant.id), claim.address);
  redirect(`/unsubscribe/${encodeURIComponent(token)}`);
}
