import { MailPlus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { RevokeInvitationButton, type RowAction } from "./member-row-actions";

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

interface InvitationsTableProps {
  invitations: InvitationRow[];
  /** The workspace zone, in which expiry times are shown. */
  timeZone: string;
  /** Present when the viewer may revoke invitations. */
  revokeInvitation: RowAction | null;
}

/** Pending invitations: who, as what, until when; revocable by those who may invite. */
export function InvitationsTable({ invitations, timeZone, revokeInvitation }: InvitationsTableProps) {
  if (invitations.length === 0) {
    return <EmptyState icon={MailPlus} title="No pending invitations" description="Use “Invite member” to add a VA, an investor or an admin." />;
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead className="hidden sm:table-cell">Expires</TableHead>
          {revokeInvitation && <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id}>
            <TableCell>{invitation.email}</TableCell>
            <TableCell><Badge variant="outline">{ROLE_LABELS[invitation.role]}</Badge></TableCell>
            <TableCell className="hidden sm:table-cell">{invitation.expiresAt.toLocaleString("en-CA", { timeZone, timeZoneName: "short" })}</TableCell>
            {revokeInvitation && (
              <TableCell><RevokeInvitationButton invitationId={invitation.id} email={invitation.email} revokeInvitation={revokeInvitation} /></TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
