"use server";

import { redirect } from "next/navigation";
import { tenantDbFor } from "@/lib/db/edge";
import { unsubscribeEmail } from "@/lib/outbound";
import { unsubscribeSecret, verifyUnsubscribeToken } from "@/lib/outbound/unsubscribe";

/** The recipient confirmed: the address is opted out of the sender's email at once. */
export async function confirmUnsubscribe(token: string) {
  const claim = verifyUnsubscribeToken(token, unsubscribeSecret());
  if (!claim) redirect(`/unsubscribe/${encodeURIComponent(token)}`);
  const db = await tenantDbFor(claim.tenantId);
  const tenant = await db.tenant.findUnique({ where: { id: db.tenantId }, select: { id: true } });
  if (tenant) await unsubscribeEmail(db, claim.address);
  redirect(`/unsubscribe/${encodeURIComponent(token)}`);
}
