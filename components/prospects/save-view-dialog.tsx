"use client";

import { useEffect, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { fieldErrors } from "@/lib/http/result";

interface SaveViewDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The table's current query string, saved as the view. */
  queryString: string;
  existingNames: string[];
  saveView: FormAction<{ name: string }>;
}

export function SaveViewDialog({ open, onOpenChange, queryString, existingNames, saveView }: SaveViewDialogProps) {
  const [name, setName] = useState("");
  const { state, onSubmit, pending } = useFormAction(saveView, (formData) => formData.set("query", queryString));
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  const replacing = existingNames.includes(name.trim());

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(`Saved “${state.data.name}”`);
      onOpenChange(false);
      setName("");
    } else if (!state.issues?.length) {
      toast.error(state.error);
    }
  }, [state, onOpenChange]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Save view</DialogTitle>
          <DialogDescription>Keeps the current filters, sort, page size and columns under a name only you see.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <FormField label="Name" htmlFor="view-name" error={errors.name} hint={replacing ? "A view with this name exists: saving replaces it." : undefined} required>
            <Input id="view-name" name="name" value={name} onChange={(event) => setName(event.target.value)} maxLength={60} autoFocus {...fieldErrorProps("view-name", { "view-name": errors.name })} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" disabled={pending || !name.trim()}>{pending ? "Saving..." : replacing ? "Replace view" : "Save view"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
