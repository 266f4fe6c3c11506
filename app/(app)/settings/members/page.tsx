import type { Metadata } from "next";
import { InvitationsTable } from "@/components/settings/invitations-table";
import { InviteDialog } from "@/components/settings/invite-dialog";
import { MembersTable } from "@/components/settings/members-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLES, can, type Role } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { listInvitations } from "@/lib/tenants/invitations";
import { listMembers } from "@/lib/tenants/members";
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "../actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const ctx = await requirePage("members:read");
  const [members, invitations] = await Promise.all([listMembers(ctx.db), listInvitations(ctx.db)]);
  const pending = invitations.filter((i) => i.status === "pending");
  const canInvite = can(ctx.role, "members:invite");
  // Admins may not hand out ownership; the server enforces it, the menu just doesn't offer it.
  const assignable: Role[] = ctx.role === "owner" ? [...ROLES] : ROLES.filter((r) => r !== "owner");

  return (
    // minmax(0, 1fr): the cards may be narrower than their tables, which then scroll inside (phones).
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
          <p className="text-sm text-muted-foreground">{members.length} member{members.length === 1 ? "" : "s"} in {ctx.tenant.name}</p>
        </div>
        {canInvite && <InviteDialog roles={assignable} inviteMember={inviteMemberAction} />}
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Team</CardTitle>
          <CardDescription>Roles decide what each person can see and do.</CardDescription>
        </CardHeader>
        <CardContent>
          <MembersTable
            members={members}
            viewer={{ userId: ctx.user.id, role: ctx.role }}
            canManage={can(ctx.role, "members:update")}
            assignable={assignable}
            actions={{ changeRole: changeRoleAction, removeMember: removeMemberAction }}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Pending invitations</CardTitle>
          <CardDescription>Links expire after 7 days and work once.</CardDescription>
        </CardHeader>
        <CardContent>
          <InvitationsTable invitations={pending} timeZone={ctx.tenant.timeZone} revokeInvitation={canInvite ? revokeInvitationAction : null} />
        </CardContent>
      </Card>
    </div>
  );
}
