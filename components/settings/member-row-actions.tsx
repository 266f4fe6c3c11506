"use client";

import { useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";

export type RowAction = DirectAction<FormData, unknown>;

/**
 * Runs a row's server action and toasts its outcome from the handler itself: the row may
 * disappear when the page refreshes, so an effect in it would never get to run.
 */
function useRowAction(action: RowAction) {
  const [pending, startTransition] = useTransition();
  const run = (fields: Record<string, string>) =>
    startTransition(async () => {
      const formData = new FormData();
      for (const [key, value] of Object.entries(fields)) formData.set(key, value);
      const result = await action(null, formData);
      if (result.ok) toast.success(result.message ?? "Done");
      else toast.error(result.issues?.[0]?.message ?? result.error);
    });
  return { pending, run };
}

interface RoleSelectProps {
  membershipId: string;
  role: Role;
  roles: Role[];
  label: string;
  changeRole: RowAction;
}

export function RoleSelect({ membershipId, role, roles, label, changeRole }: RoleSelectProps) {
  const { pending, run } = useRowAction(changeRole);
  return (
    <NativeSelect
      defaultValue={role}
      key={role}
      aria-label={`Role of ${label}`}
      disabled={pending}
      containerClassName="w-36"
      onChange={(event) => run({ membershipId, role: event.currentTarget.value })}
    >
      {roles.map((r) => (
        <option key={r} value={r}>{ROLE_LABELS[r]}</option>
      ))}
    </NativeSelect>
  );
}

export function RemoveMemberButton({ membershipId, label, removeMember }: { membershipId: string; label: string; removeMember: RowAction }) {
  const { pending, run } = useRowAction(removeMember);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={`Remove ${label}`}
      onClick={() => window.confirm(`Remove ${label} from this workspace?`) && run({ membershipId })}
    >
      Remove
    </Button>
  );
}

export function RevokeInvitationButton({ invitationId, email, revokeInvitation }: { invitationId: string; email: string; revokeInvitation: RowAction }) {
  const { pending, run } = useRowAction(revokeInvitation);
  return (
    <Button variant="ghost" size="sm" disabled={pending} aria-label={`Revoke invitation for ${email}`} onClick={() => run({ invitationId })}>
      Revoke
    </Button>
  );
}
