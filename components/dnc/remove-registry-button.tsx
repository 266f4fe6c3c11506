"use client";

import { useRouter } from "next/navigation";
import type { DirectAction } from "@/components/forms/action-types";
import { ConfirmRemoval } from "@/components/ui/confirm-dialog";
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
  return (
    <ConfirmRemoval
      triggerLabel="Remove copy"
      triggerAriaLabel={`Remove copy: ${name}`}
      triggerClassName="w-fit"
      title={`Remove "${name}"?`}
      description={
        dncl
          ? "Its numbers stop being checked at once, and with no DNCL copy loaded every text and call to a Canadian number is refused unless the person gave prior express written consent."
          : "Its numbers stop being checked at once: texts and calls to them are no longer refused because of this list. Upload a copy again to restore it."
      }
      confirmLabel="Remove"
      pendingLabel="Removing..."
      onConfirm={async () => {
        const result = await removeRegistry(null, { registryId });
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success(`Removed "${name}"`);
        router.refresh();
        return true;
      }}
    />
  );
}
