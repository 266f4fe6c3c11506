"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";

interface DeleteDealButtonProps {
  dealId: string;
  deleteDeal: DirectAction<{ dealId: string }, { id: string }>;
}

/** Deletes the deal after a confirmation; an admin can restore it for 30 days. */
export function DeleteDealButton({ dealId, deleteDeal }: DeleteDealButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await deleteDeal(null, { dealId });
      if (!result.ok) return void toast.error(result.error);
      toast.success("Deal deleted. An admin can restore it from Recently deleted for 30 days.");
      setOpen(false);
      router.push("/deals");
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Trash2 className="size-4" aria-hidden /> Delete deal
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete this deal?</DialogTitle>
          <DialogDescription>
            It leaves Prospects, the pipeline and every count, and its follow-up ladder stops. An owner or admin can restore it from Recently deleted within 30 days.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep it</Button>
          </DialogClose>
          <Button variant="destructive" onClick={confirm} disabled={pending}>{pending ? "Deleting..." : "Delete"}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
