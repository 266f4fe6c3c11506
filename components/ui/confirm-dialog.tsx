"use client";

import { Trash2 } from "lucide-react";
import { useState, useTransition, type ComponentProps, type ReactElement, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  description: ReactNode;
  /** Backs out without doing anything. */
  cancelLabel?: string;
  confirmLabel: string;
  pendingLabel: string;
  confirmVariant?: ComponentProps<typeof Button>["variant"];
  /** Does the action; resolves true when it succeeded and the dialog should close. */
  onConfirm: () => Promise<boolean>;
}

/** An action behind a confirmation: the trigger opens the dialog, which closes once the action succeeded. */
export function ConfirmDialog({ trigger, title, description, cancelLabel = "Cancel", confirmLabel, pendingLabel, confirmVariant, onConfirm }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      if (await onConfirm()) setOpen(false);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{cancelLabel}</Button>
          </DialogClose>
          <Button variant={confirmVariant} onClick={confirm} disabled={pending}>{pending ? pendingLabel : confirmLabel}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

interface ConfirmRemovalProps {
  /** The trigger's visible words, after a bin icon. */
  triggerLabel: ReactNode;
  /** The trigger's accessible name when the words alone do not say what it removes. */
  triggerAriaLabel?: string;
  triggerClassName?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** Does the removal; resolves true when it succeeded and the dialog should close. */
  onConfirm: () => Promise<boolean>;
}

/** A removal behind a confirmation: a bin-icon trigger, "Keep it" backs out. */
export function ConfirmRemoval({ triggerLabel, triggerAriaLabel, triggerClassName, ...dialog }: ConfirmRemovalProps) {
  return (
    <ConfirmDialog
      {...dialog}
      trigger={
        <Button variant="outline" size="sm" className={triggerClassName} aria-label={triggerAriaLabel}>
          <Trash2 className="size-4" aria-hidden /> {triggerLabel}
        </Button>
      }
      cancelLabel="Keep it"
      confirmVariant="destructive"
    />
  );
}
