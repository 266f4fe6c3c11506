import { requestOrigin } from "@/lib/http/request-origin";

/** The link an invitee opens, on the host the inviter is using (or NEXTAUTH_URL). */
export async function invitationUrl(token: string): Promise<string> {
  const base = process.env.NEXTAUTH_URL ?? (await requestOrigin());
  return `${base.replace(/\/$/, "")}/invite/${token}`;
}

