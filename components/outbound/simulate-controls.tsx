"use client";

import { useEffect, useState, useTransition } from "react";
import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { fieldErrors } from "@/lib/http/result";

type SimulateReplyAction = FormAction<{ keyword: string | null; action: string | null; consentChanged: boolean }>;

export interface SimulateActions {
  simulateReceipt: DirectAction<{ messageId: string; outcome: "delivered" | "failed" }, { status: string | null; changed: boolean }>;
  simulateReply: SimulateReplyAction;
}

interface SimulateControlsProps {
  messageId: string;
  channel: string;
  to: string;
  actions: SimulateActions;
}

/** Delivery receipt and reply simulations for a message of the local outbox (demo and tests). */
export function SimulateControls({ messageId, channel, to, actions }: SimulateControlsProps) {
  const [pending, startTransition] = useTransition();
  const [replyOpen, setReplyOpen] = useState(false);

  function receipt(outcome: "delivered" | "failed") {
    startTransition(async () => {
      const result = await actions.simulateReceipt(null, { messageId, outcome });
      if (!result.ok) return void toast.error(result.error);
      toast.success(result.data.changed ? `Marked ${outcome}` : `Already ${String(result.data.status).toLowerCase()}: nothing changed`);
    });
  }

  return (
    <div className="flex flex-wrap gap-1">
      <Button size="sm" variant="outline" disabled={pending} onClick={() => receipt("delivered")}>Simulate delivered</Button>
      <Button size="sm" variant="outline" disabled={pending} onClick={() => receipt("failed")}>Simulate failed</Button>
      {channel === "SMS" && (
        <>
          <Button size="sm" variant="outline" onClick={() => setReplyOpen(true)}>Simulate reply</Button>
          <SimulateReplyDialog messageId={messageId} to={to} open={replyOpen} onOpenChange={setReplyOpen} simulateReply={actions.simulateReply} />
        </>
      )}
    </div>
  );
}

interface SimulateReplyDialogProps {
  messageId: string;
  to: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  simulateReply: SimulateReplyAction;
}

function SimulateReplyDialog({ messageId, to, open, onOpenChange, simulateReply }: SimulateReplyDialogProps) {
  const { state, onSubmit, pending } = useFormAction(simulateReply, (formData) => formData.set("messageId", messageId));
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      const { keyword, action, consentChanged } = state.data;
      toast.success(
        keyword && consentChanged
          ? `${keyword}: ${to} is ${action === "opt_out" ? "opted out" : "opted in again"}; confirmation sent`
          : keyword
            ? `${keyword}: ${to} was already ${action === "opt_out" ? "opted out" : "opted in"}`
            : "Reply received",
      );
      onOpenChange(false);
    } else if (!state.issues?.length) {
      toast.error(state.error);
    }
  }, [state, onOpenChange, to]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Simulate a reply</DialogTitle>
          <DialogDescription>{`As if ${to} answered by SMS. STOP, UNSUBSCRIBE, QUIT... opt the number out; START opts it back in.`}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <FormField label="Reply" htmlFor="reply-body" error={errors.body} required>
            <Textarea id="reply-body" name="body" rows={3} maxLength={1600} autoFocus {...fieldErrorProps("reply-body", { "reply-body": errors.body })} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" disabled={pending}>{pending ? "Receiving..." : "Receive reply"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
