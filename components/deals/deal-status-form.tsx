"use client";

import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { DEAL_STATUS_LABELS, nextStatuses, statusNeedsReason, statusTakesAssignmentFee, type DealStatus } from "@/lib/deals/rules";

interface DealStatusFormProps {
  dealId: string;
  status: DealStatus;
  changeStatus: FormAction<{ changed: boolean }>;
}

/** Moves the deal to one of the statuses the pipeline allows from where it stands. */
export function DealStatusForm({ dealId, status, changeStatus }: DealStatusFormProps) {
  const options = nextStatuses(status);
  const [to, setTo] = useState<DealStatus | "">("");
  const { onSubmit, pending, errors } = useSavingForm(changeStatus, () => setTo(""), (formData) => formData.set("dealIds", dealId));
  if (options.length === 0) return <p className="text-sm text-muted-foreground">A closed deal stays closed.</p>;
  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Change status">
      <FormField label="Move to" htmlFor="status-to" error={errors.to} hint={`Now ${DEAL_STATUS_LABELS[status]}. A change stops the lead's follow-up ladder.`}>
        <NativeSelect id="status-to" name="to" value={to} onChange={(e) => setTo(e.target.value as DealStatus)} {...fieldErrorProps("status-to", { "status-to": errors.to })}>
          <option value="">Choose a status</option>
          {options.map((s) => (
            <option key={s} value={s}>{DEAL_STATUS_LABELS[s]}</option>
          ))}
        </NativeSelect>
      </FormField>
      {to && statusNeedsReason(to) && (
        <FormField label="Why is it dead?" htmlFor="status-reason" error={errors.reason} required>
          <Textarea id="status-reason" name="reason" rows={2} maxLength={500} placeholder="Seller sold to another buyer" {...fieldErrorProps("status-reason", { "status-reason": errors.reason })} />
        </FormField>
      )}
      {to && statusTakesAssignmentFee(to) && (
        <FormField label="Assignment fee (optional)" htmlFor="status-fee" error={errors.assignmentFee} hint="Whole dollars, e.g. 12000 or $12k.">
          <Input id="status-fee" name="assignmentFee" inputMode="numeric" {...fieldErrorProps("status-fee", { "status-fee": errors.assignmentFee })} />
        </FormField>
      )}
      <Button type="submit" disabled={pending || !to}>{pending ? "Saving..." : "Change status"}</Button>
    </form>
  );
}
