import type { Metadata } from "next";
import { headers } from "next/headers";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { tenantDbForInvitation } from "@/lib/db/edge";
import { clientIpRefusal } from "@/lib/ratelimit/limits";
import { describeInvitation, hashInvitationToken } from "@/lib/tenants/invitations";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

const STATUS_TEXT = {
  accepted: "This invitation has been used already. Sign in instead.",
  revoked: "This invitation was revoked. Ask the workspace admin for a new one.",
  expired: "This invitation has expired. Ask the workspace admin for a new one.",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Per client address, so invitation links cannot be guessed at speed.
  const refusal = await clientIpRefusal("publicPage", await headers());
  if (refusal) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Too many requests</CardTitle>
          <CardDescription>{refusal.message}</CardDescription>
        </CardHeader>
      </Card>
    );
  }
  const invitation = await describeInvitation(await tenantDbForInvitation(hashInvitationToken(token)), token);
  if (!invitation || invitation.status !== "pending") {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Invitation unavailable</CardTitle>
          <CardDescription>{invitation ? STATUS_TEXT[invitation.status as keyof typeof STATUS_TEXT] : "This invitation link is not valid."}</CardDescription>
        </CardHeader>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Join {invitation.tenantName}</CardTitle>
        <CardDescription>
          You were invited as <strong>{ROLE_LABELS[invitation.role]}</strong> with {invitation.email}.
          {invitation.hasAccount ? " Confirm with your existing password." : " Choose your name and a password."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AcceptInvitationForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} acceptInvitation={acceptInvitationAction} />
      </CardContent>
    </Card>
  );
}
