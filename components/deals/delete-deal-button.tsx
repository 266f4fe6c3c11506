"use client";

import { useRouter } from "next/navigation";
import type { DirectAction } from "@/components/forms/action-types";
import { ConfirmRemoval } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";

interface DeleteDealButtonProps {
  dealId: string;
  deleteDeal: DirectAction<{ dealId: string }, { id: string }>;
}

/** Deletes the deal after a confirmation; an admin can restore it for 30 days. */
export function DeleteDealButton({ dealId, deleteDeal }: DeleteDealButtonProps) {
  const router = useRouter();
  return (
    <ConfirmRemoval
      triggerLabel="Delete deal"
      title="Delete this deal?"
      description="It leaves Prospects, the pipeline and every count, and its follow-up ladder stops. An owner or admin can restore it from Recently deleted within 30 days."
      confirmLabel="Delete"
      pendingLabel="Deleting..."
      onConfirm={async () => {
        const result = await deleteDeal(null, { dealId });
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success("Deal deleted. An admin can restore it from Recently deleted for 30 days.");
        router.push("/deals");
        return true;
      }}
    />
  );
}
