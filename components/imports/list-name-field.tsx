"use client";

import { FormField, fieldErrorId, fieldHintId } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { LEAD_LIST_NAME_MAX, LeadListName } from "@/lib/leadlists/schema";

/** The error for a typed list name, or null: the same rule the server applies. */
export function listNameError(value: string): string | null {
  const parsed = LeadListName.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Not a valid list name");
}

/** A lead import's list name: the file's name unless changed; an existing list's name adds to it. */
export function ListNameField({ value, disabled, onChange }: { value: string; disabled: boolean; onChange: (value: string) => void }) {
  const error = listNameError(value);
  return (
    <FormField
      htmlFor="list-name"
      label="List name"
      hint="A lead already in the workspace is not created again: it gains this list (stacking). Using an existing list's name adds to that list."
      error={error}
    >
      <Input
        id="list-name"
        name="listName"
        value={value}
        maxLength={LEAD_LIST_NAME_MAX + 20}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldHintId("list-name")} ${fieldErrorId("list-name")}` : fieldHintId("list-name")}
      />
    </FormField>
  );
}
