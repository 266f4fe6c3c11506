"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { Member } from "./pursuit-dialog";

interface NewPursuitDialogProps {
  members: Member[];
  /** Who the form offers as owner first: the signed-in member. */
  currentUserId: string;
  create: FormAction<{ id: string }>;
}

/** A pursuit that did not come from SAM.gov: a task order, a state or city bid, a subcontract. */
export function NewPursuitDialog({ members, currentUserId, create }: NewPursuitDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New pursuit
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New pursuit</DialogTitle>
          <DialogDescription>For a bid that is not on SAM.gov. It starts in Identified; pursue a SAM.gov notice from its opportunity page instead.</DialogDescription>
        </DialogHeader>
        {open && <NewPursuitForm members={members} currentUserId={currentUserId} create={create} onSaved={() => setOpen(false)} onCancel={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function NewPursuitForm({ members, currentUserId, create, onSaved, onCancel }: NewPursuitDialogProps & { onSaved: () => void; onCancel: () => void }) {
  const { onSubmit, pending, errors } = useSavingForm(create, onSaved);
  const field = (id: string, name: string) => fieldErrorProps(id, { [id]: errors[name] });
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <FormField label="Title" htmlFor="new-pursuit-title" error={errors.title} required>
        <Input id="new-pursuit-title" name="title" maxLength={300} placeholder="County courthouse roof, RFP 24-117" autoFocus {...field("new-pursuit-title", "title")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Value (USD)" htmlFor="new-pursuit-value" error={errors.valueDollars}>
          <Input id="new-pursuit-value" name="valueDollars" inputMode="decimal" placeholder="250000" {...field("new-pursuit-value", "valueDollars")} />
        </FormField>
        <FormField label="Deadline (UTC day)" htmlFor="new-pursuit-deadline" error={errors.deadline}>
          <Input id="new-pursuit-deadline" name="deadline" type="date" {...field("new-pursuit-deadline", "deadline")} />
        </FormField>
      </div>
      <FormField label="Owner" htmlFor="new-pursuit-owner" error={errors.ownerId}>
        <NativeSelect id="new-pursuit-owner" name="ownerId" defaultValue={currentUserId} {...field("new-pursuit-owner", "ownerId")}>
          <option value="">No owner</option>
          {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </NativeSelect>
      </FormField>
      <FormField label="Notes" htmlFor="new-pursuit-notes" error={errors.notes}>
        <Textarea id="new-pursuit-notes" name="notes" maxLength={5000} rows={3} {...field("new-pursuit-notes", "notes")} />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Adding..." : "Add pursuit"}</Button>
      </DialogFooter>
    </form>
  );
}
