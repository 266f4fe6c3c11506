"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/select";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";

export interface MemberOption {
  userId: string;
  name: string;
  role: Role;
}

interface DealOwnerFormProps {
  dealId: string;
  ownerId: string | null;
  members: MemberOption[];
  assignOwner: FormAction<{ changed: boolean }>;
}

/** Gives the deal to a member of the workspace, or to nobody. */
export function DealOwnerForm({ dealId, ownerId, members, assignOwner }: DealOwnerFormProps) {
  const { onSubmit, pending, errors } = useSavingForm(assignOwner, undefined, (formData) => formData.set("dealIds", dealId));
  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Deal owner">
      <FormField label="Owner" htmlFor="deal-owner" error={errors.ownerId}>
        <NativeSelect id="deal-owner" name="ownerId" defaultValue={ownerId ?? ""} key={ownerId ?? "none"} {...fieldErrorProps("deal-owner", { "deal-owner": errors.ownerId })}>
          <option value="">Nobody</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>{`${m.name} (${ROLE_LABELS[m.role]})`}</option>
          ))}
        </NativeSelect>
      </FormField>
      <Button type="submit" variant="outline" disabled={pending}>{pending ? "Saving..." : "Save owner"}</Button>
    </form>
  );
}
