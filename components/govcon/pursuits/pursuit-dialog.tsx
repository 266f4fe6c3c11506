"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { PURSUIT_STAGES } from "@/lib/govcon/codes";
import { formatProbability, STAGE_LABELS, type StageProbabilities } from "@/lib/govcon/pipeline";
import type { PursuitCard } from "@/lib/govcon/pursuit-board";

export interface Member {
  userId: string;
  name: string;
}

interface PursuitDialogProps {
  /** The pursuit being edited; the dialog is open while it is set. */
  pursuit: PursuitCard | null;
  members: Member[];
  probabilities: StageProbabilities;
  save: FormAction<{ id: string }>;
  onClose: () => void;
}

/** The deadline's UTC day, as a date field shows it. */
const dayOf = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

export function PursuitDialog({ pursuit, members, probabilities, save, onClose }: PursuitDialogProps) {
  return (
    <Dialog open={pursuit !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Pursuit details</DialogTitle>
          <DialogDescription>{pursuit?.title}</DialogDescription>
        </DialogHeader>
        {pursuit && <PursuitForm key={pursuit.id} pursuit={pursuit} members={members} probabilities={probabilities} save={save} onSaved={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

interface PursuitFormProps {
  pursuit: PursuitCard;
  members: Member[];
  probabilities: StageProbabilities;
  save: FormAction<{ id: string }>;
  onSaved: () => void;
}

function PursuitForm({ pursuit, members, probabilities, save, onSaved }: PursuitFormProps) {
  const { onSubmit, pending, errors } = useSavingForm(save, onSaved, (formData) => {
    // A deadline the form did not change keeps its time of day (SAM.gov's are to the minute).
    if (formData.get("deadline") === dayOf(pursuit.deadline)) formData.delete("deadline");
  });
  const field = (id: string, name: string) => fieldErrorProps(id, { [id]: errors[name] });
  const probabilityHint = (which: "pWin" | "pGo") => `Blank uses the ${STAGE_LABELS[pursuit.stage]} stage's ${formatProbability(probabilities[pursuit.stage][which])}.`;
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <input type="hidden" name="id" value={pursuit.id} />
      <FormField label="Title" htmlFor="pursuit-title" error={errors.title} required>
        <Input id="pursuit-title" name="title" defaultValue={pursuit.title} maxLength={300} {...field("pursuit-title", "title")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Stage" htmlFor="pursuit-stage" error={errors.stage}>
          <NativeSelect id="pursuit-stage" name="stage" defaultValue={pursuit.stage} {...field("pursuit-stage", "stage")}>
            {PURSUIT_STAGES.map((stage) => <option key={stage} value={stage}>{STAGE_LABELS[stage]}</option>)}
          </NativeSelect>
        </FormField>
        <FormField label="Owner" htmlFor="pursuit-owner" error={errors.ownerId}>
          <NativeSelect id="pursuit-owner" name="ownerId" defaultValue={pursuit.ownerId ?? ""} {...field("pursuit-owner", "ownerId")}>
            <option value="">No owner</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </NativeSelect>
        </FormField>
        <FormField label="Value (USD)" htmlFor="pursuit-value" error={errors.valueDollars}>
          <Input id="pursuit-value" name="valueDollars" inputMode="decimal" defaultValue={pursuit.valueDollars ?? ""} {...field("pursuit-value", "valueDollars")} />
        </FormField>
        <FormField label="Deadline (UTC day)" htmlFor="pursuit-deadline" error={errors.deadline}>
          <Input id="pursuit-deadline" name="deadline" type="date" defaultValue={dayOf(pursuit.deadline)} {...field("pursuit-deadline", "deadline")} />
        </FormField>
        <FormField label="Own p(win), 0 to 1" htmlFor="pursuit-pwin" error={errors.pWin} hint={probabilityHint("pWin")}>
          <Input id="pursuit-pwin" name="pWin" type="number" min={0} max={1} step={0.01} defaultValue={pursuit.pWin ?? ""} {...field("pursuit-pwin", "pWin")} />
        </FormField>
        <FormField label="Own p(go), 0 to 1" htmlFor="pursuit-pgo" error={errors.pGo} hint={probabilityHint("pGo")}>
          <Input id="pursuit-pgo" name="pGo" type="number" min={0} max={1} step={0.01} defaultValue={pursuit.pGo ?? ""} {...field("pursuit-pgo", "pGo")} />
        </FormField>
      </div>
      <FormField label="Notes" htmlFor="pursuit-notes" error={errors.notes}>
        <Textarea id="pursuit-notes" name="notes" defaultValue={pursuit.notes ?? ""} maxLength={5000} rows={4} {...field("pursuit-notes", "notes")} />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onSaved}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save pursuit"}</Button>
      </DialogFooter>
    </form>
  );
}
