"use client";

import { useRouter } from "next/navigation";
import type { DirectAction } from "@/components/forms/action-types";
import { ConfirmRemoval } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";

/** Deletes a saved search after a confirmation; its alerts already told stay in the list. */
export function DeleteSearchButton({ searchId, name, deleteSearch }: { searchId: string; name: string; deleteSearch: DirectAction<{ searchId: string }, { id: string }> }) {
  const router = useRouter();
  return (
    <ConfirmRemoval
      triggerLabel="Delete"
      triggerAriaLabel={`Delete ${name}`}
      title={`Delete "${name}"?`}
      description="You will no longer be told of its matches. Alerts waiting for its digest are dropped."
      confirmLabel="Delete search"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        const result = await deleteSearch(null, { searchId });
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success("Search deleted");
        router.refresh();
        return true;
      }}
    />
  );
}
