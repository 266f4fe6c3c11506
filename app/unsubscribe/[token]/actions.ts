"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIpRefusal } from "@/lib/ratelimit/limits";
import { tenantDbFor } from "@/lib/db/edge";
import { unsubscribeEmail } from "@/lib/outbound";
import { noteCampaignUnsubscribe } from "@/lib/campaigns/engagement";
import { unsubscribeSecret, verifyUnsubscribeToken } from "@/lib/outbound/unsubscribe";

/** The recipient confirmed: the address is opted out of the sender's email at once. */
export async function confirmUnsubscribe(token: string) {
  // Refused past the per-address limit: back to the page, which says when to retry.
  if (await clientIpRefusal("unsubscribe", await headers())) redirect(`/unsubscribe/${encodeURIComponent(token)}`);
  const claim = verifyUnsubscribeToken(token, unsubscribeSecret());
  if (!claim) redirect(`/unsubscribe/${encodeURIComponent(token)}`);
  const db = await tenantDbFor(claim.tenantId);
  const tenant = await db.tenant.findUnique({ where: { id: db.tenantId }, select: { id: true } });
  if (tenant) {
    const { address } = await unsubscribeEmail(db, claim.address);
    // The campaign email the link came from records the unsubscribe in its funnel.
    await noteCampaignUnsubscribe(db, address);
  }
  redirect(`/unsubscribe/${encodeURIComponent(token)}`);
}
