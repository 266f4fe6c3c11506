"use client";

import { useRef } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** Pause a sender by hand, or restore it, with the reason kept in the decision log. */
export function SenderStatusForm({ identityId, address, paused, setStatus }: {
  identityId: string;
  address: string;
  paused: boolean;
  setStatus: FormAction<{ id: string; status: string }>;
}) {
  const form = useRef<HTMLFormElement>(null);
  // The form stays on the page with the sender's new state: its reason starts empty again.
  const { onSubmit, pending, errors } = useSavingForm(setStatus, () => form.current?.reset());
  const fieldId = `reason-${identityId}`;
  const action = paused ? "restore" : "pause";
  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-label={`${paused ? "Restore" : "Pause"} ${address}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="identityId" value={identityId} />
      <input type="hidden" name="action" value={action} />
      <FormField className="min-w-0 flex-1" label={`Why ${paused ? "restore" : "pause"} ${address}?`} htmlFor={fieldId} error={errors.reason}>
        <Input id={fieldId} name="reason" autoComplete="off" className="min-w-40" {...fieldErrorProps(fieldId, { [fieldId]: errors.reason })} />
      </FormField>
      <Button type="submit" size="sm" variant={paused ? "default" : "outline"} disabled={pending}>{paused ? "Restore" : "Pause"}</Button>
    </form>
  );
}
