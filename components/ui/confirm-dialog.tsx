"use client";

import { Trash2 } from "lucide-react";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

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

/** A removal behind a confirmation: the trigger opens the dialog, "Keep it" backs out. */
export function ConfirmRemoval({ triggerLabel, triggerAriaLabel, triggerClassName, title, description, confirmLabel, pendingLabel, onConfirm }: ConfirmRemovalProps) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      if (await onConfirm()) setOpen(false);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className={triggerClassName} aria-label={triggerAriaLabel}>
          <Trash2 className="size-4" aria-hidden /> {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep it</Button>
          </DialogClose>
          <Button variant="destructive" onClick={confirm} disabled={pending}>{pending ? pendingLabel : confirmLabel}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
