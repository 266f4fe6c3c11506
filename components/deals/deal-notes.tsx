"use client";

import { useRef } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { formatDateTime } from "@/components/prospects/format";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";

export interface NoteView {
  id: string;
  body: string;
  author: string;
  createdAt: Date;
}

interface DealNotesProps {
  dealId: string;
  notes: NoteView[];
  timeZone: string;
  /** Absent for roles that only read deals. */
  addNote?: FormAction<{ id: string }>;
}

/** The team's notes on a deal, newest first, with a box to add one. */
export function DealNotes({ dealId, notes, timeZone, addNote }: DealNotesProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Notes</CardTitle>
        <CardDescription>{notes.length ? `${notes.length} note${notes.length === 1 ? "" : "s"}, newest first.` : "No notes yet. Calls, visits and what the seller said go here."}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {addNote && <AddNoteForm dealId={dealId} addNote={addNote} />}
        {notes.length > 0 && (
          <ul className="grid gap-3" aria-label="Notes">
            {notes.map((note) => (
              <li key={note.id} className="grid gap-1 rounded-md border p-3" data-testid="deal-note">
                <p className="text-sm whitespace-pre-line break-words">{note.body}</p>
                <p className="text-xs text-muted-foreground">
                  {`${note.author} · `}
                  <time dateTime={note.createdAt.toISOString()}>{formatDateTime(note.createdAt, timeZone)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function AddNoteForm({ dealId, addNote }: { dealId: string; addNote: FormAction<{ id: string }> }) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { onSubmit, pending, errors } = useSavingForm(addNote, () => {
    if (textRef.current) textRef.current.value = "";
  }, (formData) => formData.set("dealId", dealId));
  return (
    <form onSubmit={onSubmit} className="grid gap-2" noValidate aria-label="Add a note">
      <FormField label="New note" htmlFor="note-body" error={errors.body}>
        <Textarea ref={textRef} id="note-body" name="body" rows={3} maxLength={5000} {...fieldErrorProps("note-body", { "note-body": errors.body })} />
      </FormField>
      <Button type="submit" variant="outline" disabled={pending} className="justify-self-start">{pending ? "Adding..." : "Add note"}</Button>
    </form>
  );
}
