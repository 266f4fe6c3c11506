import { MailPlus, Users } from "lucide-react";
import type { Metadata } from "next";
import { InviteDialog } from "@/components/settings/invite-dialog";
import { RemoveMemberButton, RevokeInvitationButton, RoleSelect } from "@/components/settings/member-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLE_LABELS, ROLES, can, type Role } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { listInvitations } from "@/lib/tenants/invitations";
import { listMembers } from "@/lib/tenants/members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const ctx = await requirePage("members:read");
  const [members, invitations] = await Promise.all([listMembers(ctx.db), listInvitations(ctx.db)]);
  const pending = invitations.filter((i) => i.status === "pending");
  const canManage = can(ctx.role, "members:update");
  // Admins may not hand out ownership; the server enforces it, the menu just doesn't offer it.
  const assignable: Role[] = ctx.role === "owner" ? [...ROLES] : ROLES.filter((r) => r !== "owner");

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
          <p className="text-sm text-muted-foreground">{members.length} member{members.length === 1 ? "" : "s"} in {ctx.tenant.name}</p>
        </div>
        {can(ctx.role, "members:invite") && <InviteDialog roles={assignable} />}
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Team</CardTitle>
          <CardDescription>Roles decide what each person can see and do.</CardDescription>
        </CardHeader>
        <CardContent>
          {members.length === 0 ? (
            <EmptyState icon={Users} title="No members" description="Invite your team to start working deals together." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead className="hidden sm:table-cell">Email</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead className="hidden md:table-cell">Joined</TableHead>
                  {canManage && <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {members.map((member) => {
                  const self = member.userId === ctx.user.id;
                  const editable = canManage && !self && (ctx.role === "owner" || member.role !== "owner");
                  return (
                    <TableRow key={member.id} data-testid={`member-${member.email}`}>
                      <TableCell className="font-medium">
                        {member.name} {self && <Badge variant="secondary" className="ml-1">You</Badge>}
                        <div className="text-xs text-muted-foreground sm:hidden">{member.email}</div>
                      </TableCell>
                      <TableCell className="hidden sm:table-cell">{member.email}</TableCell>
                      <TableCell>
                        {editable ? (
                          <RoleSelect membershipId={member.id} role={member.role} roles={assignable} label={member.name} />
                        ) : (
                          <Badge variant="outline">{ROLE_LABELS[member.role]}</Badge>
                        )}
                      </TableCell>
                      <TableCell className="hidden md:table-cell">{member.joinedAt.toLocaleDateString("en-CA")}</TableCell>
                      {canManage && (
                        <TableCell>{editable && <RemoveMemberButton membershipId={member.id} label={member.name} />}</TableCell>
                      )}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Pending invitations</CardTitle>
          <CardDescription>Links expire after 7 days and work once.</CardDescription>
        </CardHeader>
        <CardContent>
          {pending.length === 0 ? (
            <EmptyState icon={MailPlus} title="No pending invitations" description="Use “Invite member” to add a VA, an investor or an admin." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Email</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead className="hidden sm:table-cell">Expires</TableHead>
                  {can(ctx.role, "members:invite") && <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {pending.map((invitation) => (
                  <TableRow key={invitation.id}>
                    <TableCell>{invitation.email}</TableCell>
                    <TableCell><Badge variant="outline">{ROLE_LABELS[invitation.role]}</Badge></TableCell>
                    <TableCell className="hidden sm:table-cell">{invitation.expiresAt.toLocaleString("en-CA", { timeZone: ctx.tenant.timeZone, timeZoneName: "short" })}</TableCell>
                    {can(ctx.role, "members:invite") && (
                      <TableCell><RevokeInvitationButton invitationId={invitation.id} email={invitation.email} /></TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
