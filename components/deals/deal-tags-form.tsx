"use client";

import { X } from "lucide-react";
import { useTransition } from "react";
import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";

interface DealTagsFormProps {
  dealId: string;
  tags: string[];
  tagDeal: FormAction<{ changed: boolean }>;
  /** The same action, called with a tag to remove. */
  removeTag: DirectAction<{ dealIds: string[]; remove: string[] }, { changed: boolean }>;
}

/** The deal's tags: each removable, new ones added comma-separated. */
export function DealTagsForm({ dealId, tags, tagDeal, removeTag }: DealTagsFormProps) {
  const { onSubmit, pending, errors } = useSavingForm(tagDeal, undefined, (formData) => formData.set("dealIds", dealId));
  const [removing, startRemoving] = useTransition();
  const remove = (tag: string) =>
    startRemoving(async () => {
      const result = await removeTag(null, { dealIds: [dealId], remove: [tag] });
      if (result.ok) toast.success(`Removed ${tag}`);
      else toast.error(result.error);
    });
  return (
    <div className="grid gap-3">
      {tags.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full border bg-muted px-2.5 py-0.5 text-xs font-medium">
              {tag}
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-background focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                aria-label={`Remove tag ${tag}`}
                disabled={removing}
                onClick={() => remove(tag)}
              >
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No tags yet.</p>
      )}
      <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Tag the deal">
        <FormField label="Add tags" htmlFor="deal-tags-add" error={errors.add} hint="Comma-separated: probate, vacant">
          <Input id="deal-tags-add" name="add" maxLength={200} key={tags.join(",")} {...fieldErrorProps("deal-tags-add", { "deal-tags-add": errors.add })} />
        </FormField>
        <Button type="submit" variant="outline" disabled={pending}>{pending ? "Adding..." : "Add"}</Button>
      </form>
    </div>
  );
}
