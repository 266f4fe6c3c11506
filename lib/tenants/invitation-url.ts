import { headers } from "next/headers";

/** The link an invitee opens, on the host the inviter is using (or NEXTAUTH_URL). */
export async function invitationUrl(token: string): Promise<string> {
  const base = process.env.NEXTAUTH_URL ?? (await originFromHeaders());
  return `${base.replace(/\/$/, "")}/invite/${token}`;
}

async function originFromHeaders(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
