"use client";

import { useRef } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";

export interface OpportunityNoteView {
  id: string;
  body: string;
  author: string;
  /** Already written in the workspace zone. */
  writtenAt: string;
  writtenAtIso: string;
}

/** The team's notes on a notice, newest first, with a box to add one. */
export function OpportunityNotes({ noticeId, notes, addNote }: { noticeId: string; notes: OpportunityNoteView[]; addNote?: FormAction<{ id: string }> }) {
  return (
    <div className="grid gap-4">
      {addNote && <AddNoteForm noticeId={noticeId} addNote={addNote} />}
      {notes.length === 0 ? (
        <p className="text-sm text-muted-foreground">No notes yet. Site visits, questions for the contracting officer and teaming ideas go here.</p>
      ) : (
        <ul className="grid gap-3" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} className="grid gap-1 rounded-md border p-3" data-testid="opportunity-note">
              <p className="text-sm break-words whitespace-pre-line">{note.body}</p>
              <p className="text-xs text-muted-foreground">
                {`${note.author} · `}
                <time dateTime={note.writtenAtIso}>{note.writtenAt}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AddNoteForm({ noticeId, addNote }: { noticeId: string; addNote: FormAction<{ id: string }> }) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { onSubmit, pending, errors } = useSavingForm(addNote, () => {
    if (textRef.current) textRef.current.value = "";
  });
  return (
    <form onSubmit={onSubmit} className="grid gap-2" noValidate aria-label="Add a note">
      <input type="hidden" name="noticeId" value={noticeId} />
      <FormField label="New note" htmlFor="body" error={errors.body}>
        <Textarea ref={textRef} id="body" name="body" rows={3} maxLength={5000} {...fieldErrorProps("body", errors)} />
      </FormField>
      <Button type="submit" variant="outline" disabled={pending} className="justify-self-start">{pending ? "Adding..." : "Add note"}</Button>
    </form>
  );
}
