import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { RemoveMemberButton, RoleSelect, type RowAction } from "./member-row-actions";

export interface MemberRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

export interface MemberActions {
  changeRole: RowAction;
  removeMember: RowAction;
}

interface MembersTableProps {
  members: MemberRow[];
  viewer: { userId: string; role: Role };
  /** Whether the viewer may change roles and remove members at all. */
  canManage: boolean;
  /** The roles the viewer may hand out. */
  assignable: Role[];
  actions: MemberActions;
}

/** The workspace's members with their roles; those the viewer may manage get a role menu and a remove button. */
export function MembersTable({ members, viewer, canManage, assignable, actions }: MembersTableProps) {
  if (members.length === 0) {
    return <EmptyState icon={Users} title="No members" description="Invite your team to start working deals together." />;
  }
  return (
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
        {members.map((member) => (
          <MemberTableRow key={member.id} member={member} viewer={viewer} canManage={canManage} assignable={assignable} actions={actions} />
        ))}
      </TableBody>
    </Table>
  );
}

function MemberTableRow({ member, viewer, canManage, assignable, actions }: Omit<MembersTableProps, "members"> & { member: MemberRow }) {
  const self = member.userId === viewer.userId;
  // Only an owner may change or remove another owner; nobody changes or removes themselves here.
  const editable = canManage && !self && (viewer.role === "owner" || member.role !== "owner");
  return (
    <TableRow data-testid={`member-${member.email}`}>
      <TableCell className="font-medium">
        {member.name} {self && <Badge variant="secondary" className="ml-1">You</Badge>}
        <div className="text-xs text-muted-foreground sm:hidden">{member.email}</div>
      </TableCell>
      <TableCell className="hidden sm:table-cell">{member.email}</TableCell>
      <TableCell>
        {editable ? (
          <RoleSelect membershipId={member.id} role={member.role} roles={assignable} label={member.name} changeRole={actions.changeRole} />
        ) : (
          <Badge variant="outline">{ROLE_LABELS[member.role]}</Badge>
        )}
      </TableCell>
      <TableCell className="hidden md:table-cell">{member.joinedAt.toLocaleDateString("en-CA")}</TableCell>
      {canManage && (
        <TableCell>{editable && <RemoveMemberButton membershipId={member.id} label={member.name} removeMember={actions.removeMember} />}</TableCell>
      )}
    </TableRow>
  );
}
