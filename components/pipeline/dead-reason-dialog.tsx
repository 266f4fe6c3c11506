"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";

interface DeadReasonDialogProps {
  /** The address of the deal being marked dead; the dialog is open while it is set. */
  address: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** A deal goes to Dead only with a reason, asked for when its card is dropped there. */
export function DeadReasonDialog({ address, onConfirm, onCancel }: DeadReasonDialogProps) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason("");
    setError(null);
    onCancel();
  };
  return (
    <Dialog open={address !== null} onOpenChange={(open) => !open && close()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Why is this deal dead?</DialogTitle>
          <DialogDescription>{address} moves to Dead with the reason you give; it shows on the deal&apos;s timeline.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = reason.trim();
            if (!trimmed) {
              setError("Say why the deal is dead.");
              return;
            }
            setReason("");
            setError(null);
            onConfirm(trimmed);
          }}
        >
          <FormField label="Reason" htmlFor="dead-reason" error={error} required>
            <Textarea
              id="dead-reason"
              name="reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={500}
              placeholder="Seller sold to another buyer"
              autoFocus
              {...fieldErrorProps("dead-reason", { "dead-reason": error ? [error] : undefined })}
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={close}>Cancel</Button>
            <Button type="submit">Mark as dead</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
