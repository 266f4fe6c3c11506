"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";

export type RemoveRegistry = DirectAction<{ registryId: string }, { id: string; name: string }>;

interface RemoveRegistryButtonProps {
  registryId: string;
  name: string;
  /** Canada's DNCL: removing it stops texts and calls to Canadian numbers, which the dialog says. */
  dncl: boolean;
  removeRegistry: RemoveRegistry;
}

/** Removes a registry and its copy after a confirmation; the removal is audited. */
export function RemoveRegistryButton({ registryId, name, dncl, removeRegistry }: RemoveRegistryButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await removeRegistry(null, { registryId });
      if (!result.ok) return void toast.error(result.error);
      toast.success(`Removed "${name}"`);
      setOpen(false);
      router.refresh();
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="w-fit" aria-label={`Remove copy: ${name}`}>
          <Trash2 className="size-4" aria-hidden /> Remove copy
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{`Remove "${name}"?`}</DialogTitle>
          <DialogDescription>
            {dncl
              ? "Its numbers stop being checked at once, and with no DNCL copy loaded every text and call to a Canadian number is refused unless the person gave prior express written consent."
              : "Its numbers stop being checked at once: texts and calls to them are no longer refused because of this list. Upload a copy again to restore it."}
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep it</Button>
          </DialogClose>
          <Button variant="destructive" onClick={confirm} disabled={pending}>{pending ? "Removing..." : "Remove"}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
