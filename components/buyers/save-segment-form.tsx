"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** Saves the list's current filters under a name, for blasts to a segment. */
export function SaveSegmentForm({ query, save }: { query: string; save: FormAction<{ id: string }> }) {
  const { onSubmit, pending, errors } = useSavingForm(save);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate aria-label="Save as segment">
      <input type="hidden" name="query" value={query} />
      <FormField label="Save these filters as a segment" htmlFor="segment-name" error={errors.name} className="min-w-56 flex-1">
        <Input id="segment-name" name="name" maxLength={80} placeholder="Houston flippers" {...fieldErrorProps("segment-name", errors.name ? { "segment-name": errors.name } : {})} />
      </FormField>
      <Button type="submit" variant="outline" disabled={pending}>{pending ? "Saving..." : "Save segment"}</Button>
    </form>
  );
}
