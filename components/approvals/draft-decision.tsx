"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction, useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Check, Pencil, Send, X } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { approveDraft, rejectDraft } from "@/lib/approvals/service";
import { fieldErrors } from "@/lib/http/result";

type ApproveResult = Awaited<ReturnType<typeof approveDraft>>;
type RejectResult = Awaited<ReturnType<typeof rejectDraft>>;

interface DraftDecisionProps {
  draftId: string;
  /** The draft as it stands, footer tokens kept: what the edit form starts from. */
  subject: string;
  body: string;
  /** Where the sent email shows up: the Outbox and the person's timeline. */
  timelineHref: string;
  timelineLabel: string;
  approve: FormAction<ApproveResult>;
  /** Approves the subject and body of the edit form (both required). */
  approveEdited: FormAction<ApproveResult>;
  edit: FormAction<{ draftId: string }>;
  reject: FormAction<RejectResult>;
}

const STATUS_WORD: Record<string, string> = { SENT: "sent", SENDING: "being sent", REJECTED: "rejected", PENDING: "pending" };

/** Approve and send, edit then save or approve, or reject with a reason; says what each did. */
export function DraftDecision({ draftId, subject, body, timelineHref, timelineLabel, approve, approveEdited, edit, reject }: DraftDecisionProps) {
  const [mode, setMode] = useState<"review" | "edit" | "reject">("review");
  const withDraftId = (formData: FormData) => formData.set("draftId", draftId);
  const approving = useFormAction(approve, withDraftId);
  const approvingEdited = useFormAction(approveEdited, withDraftId);
  const saving = useSavingForm(edit, () => setMode("review"), withDraftId);
  const rejecting = useFormAction(reject, withDraftId);
  const [lastEdit, setLastEdit] = useState<"save" | "approve">("save");

  const editState = lastEdit === "save" ? saving.state : approvingEdited.state;
  const editErrors = editState && !editState.ok ? fieldErrors(editState.issues) : {};
  const rejectErrors = rejecting.state && !rejecting.state.ok ? fieldErrors(rejecting.state.issues) : {};
  // The latest approval's answer, whichever form sent it.
  const approval = lastEdit === "approve" && mode === "edit" ? approvingEdited.state : approving.state ?? approvingEdited.state;
  const pending = approving.pending || approvingEdited.pending || saving.pending || rejecting.pending;

  function submitEdit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value === "approve" ? "approve" : "save";
    setLastEdit(intent);
    if (intent === "approve") approvingEdited.onSubmit(event);
    else saving.onSubmit(event);
  }

  return (
    <div className="grid gap-4" data-testid="draft-decision">
      {mode === "review" && (
        <div className="flex flex-wrap gap-2">
          <form onSubmit={approving.onSubmit} aria-label="Approve and send">
            <Button type="submit" disabled={pending}><Send className="size-4" aria-hidden /> {approving.pending ? "Sending..." : "Approve and send"}</Button>
          </form>
          <Button variant="outline" onClick={() => setMode("edit")} disabled={pending}><Pencil className="size-4" aria-hidden /> Edit</Button>
          <Button variant="outline" onClick={() => setMode("reject")} disabled={pending}><X className="size-4" aria-hidden /> Reject</Button>
        </div>
      )}

      {mode === "edit" && (
        <form onSubmit={submitEdit} className="grid gap-3" noValidate aria-label="Edit draft">
          <FormField label="Subject" htmlFor="draft-subject" error={editErrors.subject} required>
            <Input id="draft-subject" name="subject" defaultValue={subject} maxLength={200} {...fieldErrorProps("draft-subject", { "draft-subject": editErrors.subject })} />
          </FormField>
          <FormField
            label="Body"
            htmlFor="draft-body"
            error={editErrors.body}
            required
            hint={
              <>
                Keep <code>{"{{postal_address}}"}</code> and <code>{"{{unsubscribe_link}}"}</code>: they become your workspace&apos;s postal address and the
                person&apos;s own unsubscribe link when the email is sent. An email without them is not sent.
              </>
            }
          >
            <Textarea id="draft-body" name="body" defaultValue={body} rows={14} maxLength={5000} {...fieldErrorProps("draft-body", { "draft-body": editErrors.body })} aria-describedby={editErrors.body ? "draft-body-error draft-body-hint" : "draft-body-hint"} />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="approve" disabled={pending}><Check className="size-4" aria-hidden /> {approvingEdited.pending ? "Sending..." : "Approve edited"}</Button>
            <Button type="submit" name="intent" value="save" variant="outline" disabled={pending}>{saving.pending ? "Saving..." : "Save"}</Button>
            <Button type="button" variant="ghost" onClick={() => setMode("review")}>Cancel</Button>
          </div>
          {editState && !editState.ok && !editState.issues?.length && <p role="alert" className="text-sm font-medium text-destructive">{editState.error}</p>}
        </form>
      )}

      {mode === "reject" && (
        <form onSubmit={rejecting.onSubmit} className="grid gap-3" noValidate aria-label="Reject draft">
          <FormField label="Why reject it?" htmlFor="reject-reason" error={rejectErrors.reason} required hint="Kept with the draft and in the audit log, so the drafting can be tuned.">
            <Textarea id="reject-reason" name="reason" rows={3} maxLength={500} {...fieldErrorProps("reject-reason", { "reject-reason": rejectErrors.reason })} />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="destructive" disabled={pending}>{rejecting.pending ? "Rejecting..." : "Reject draft"}</Button>
            <Button type="button" variant="ghost" onClick={() => setMode("review")}>Cancel</Button>
          </div>
          {rejecting.state && !rejecting.state.ok && !rejecting.state.issues?.length && <p role="alert" className="text-sm font-medium text-destructive">{rejecting.state.error}</p>}
          {rejecting.state?.ok && rejecting.state.data.status === "ALREADY_DECIDED" && (
            <p role="alert" className="text-sm font-medium text-destructive">{`Someone already decided this draft: it is ${STATUS_WORD[rejecting.state.data.draftStatus] ?? rejecting.state.data.draftStatus}.`}</p>
          )}
        </form>
      )}

      <div aria-live="polite" data-testid="approve-result">
        {approval && !approval.ok && !approval.issues?.length && <p role="alert" className="text-sm font-medium text-destructive">{approval.error}</p>}
        {approval?.ok && <ApprovalOutcome result={approval.data} timelineHref={timelineHref} timelineLabel={timelineLabel} />}
      </div>
    </div>
  );
}

function ApprovalOutcome({ result, timelineHref, timelineLabel }: { result: ApproveResult; timelineHref: string; timelineLabel: string }) {
  switch (result.status) {
    case "SENT":
      return (
        <p className="text-sm">
          Sent. See it in the <Link href="/outbox?channel=EMAIL" className="font-medium text-primary underline underline-offset-4">Outbox</Link> or on the{" "}
          <Link href={timelineHref} className="font-medium text-primary underline underline-offset-4">{timelineLabel}</Link>.
        </p>
      );
    case "BLOCKED":
      return (
        <div role="alert" className="grid gap-0.5 rounded-md border border-destructive/40 p-3 text-sm">
          <p className="font-medium text-destructive" data-gate={result.gate}>{`Not sent: blocked by the ${result.gate.replaceAll("_", " ")} check.`}</p>
          {result.fix && <p data-testid="blocked-fix">{result.fix.message}</p>}
          {result.fix?.fixHref && <Link href={result.fix.fixHref} className="font-medium text-primary underline underline-offset-4">{result.fix.fixLabel}</Link>}
          <p className="text-xs text-muted-foreground">{result.detail}</p>
          <p className="text-xs text-muted-foreground">The draft stays pending: approve it again once this is fixed.</p>
        </div>
      );
    case "FAILED":
      return <p role="alert" className="text-sm font-medium text-destructive">{`The email provider refused it: ${result.error}`}</p>;
    case "ALREADY_DECIDED":
      return <p role="alert" className="text-sm font-medium text-destructive">{`Someone already decided this draft: it is ${STATUS_WORD[result.draftStatus] ?? result.draftStatus}.`}</p>;
  }
}
