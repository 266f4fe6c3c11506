import { actingContext } from "@/lib/auth/session";
import { sessionRoute } from "@/lib/http/route";
import { invitationUrl } from "@/lib/tenants/invitation-url";
import { inviteMember, listInvitations } from "@/lib/tenants/invitations";
import { InviteMemberInput } from "@/lib/tenants/schema";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ route: "/api/tenant/invitations", permission: "members:read" }, async ({ db }) =>
  (await listInvitations(db)).map(({ tokenHash: _hidden, ...invitation }) => invitation),
);

export const POST = sessionRoute(
  { route: "/api/tenant/invitations", permission: "members:invite", body: InviteMemberInput },
  async (ctx) => {
    const { invitation, token } = await inviteMember(ctx.db, ctx.body, actingContext(ctx));
    return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, url: await invitationUrl(token) };
  },
);
