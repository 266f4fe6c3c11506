"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { ConsentFields } from "./consent-fields";
import { DealFormFields } from "./deal-form-fields";
import type { MemberOption } from "./deal-owner-form";

interface DealCreateFormProps {
  members: MemberOption[];
  createDeal: FormAction<{ id: string }>;
}

/** A lead taken by hand (a call, a letter): placed, priced and followed up like any other. */
export function DealCreateForm({ members, createDeal }: DealCreateFormProps) {
  const router = useRouter();
  const { onSubmit, pending, errors, state } = useSavingForm(createDeal);
  useEffect(() => {
    if (state?.ok) router.push(`/deals/${state.data.id}`);
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} className="grid gap-6" noValidate aria-label="New deal">
      <DealFormFields errors={errors} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">Working it</legend>
        <FormField label="Owner" htmlFor="ownerId" error={errors.ownerId}>
          <NativeSelect id="ownerId" name="ownerId" defaultValue="" {...fieldErrorProps("ownerId", errors)}>
            <option value="">Nobody yet</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>{m.name}</option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Tags" htmlFor="tags" error={errors.tags} hint="Comma-separated: probate, vacant">
          <Input id="tags" name="tags" maxLength={200} {...fieldErrorProps("tags", errors)} />
        </FormField>
      </fieldset>
      <ConsentFields errors={errors} />
      {/* An error of no field (the plan's monthly quota, a rate limit) stays beside the form, not only in a toast. */}
      {state && !state.ok && !state.issues?.length ? <p role="alert" className="text-sm font-medium text-destructive">{state.error}</p> : null}
      <Button type="submit" disabled={pending} className="justify-self-start">{pending ? "Creating..." : "Create deal"}</Button>
    </form>
  );
}
