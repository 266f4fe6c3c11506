"use client";

import { useRouter } from "next/navigation";
import type { DirectAction } from "@/components/forms/action-types";
import { ConfirmRemoval } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";

interface DeleteBuyerButtonProps {
  buyerId: string;
  buyerName: string;
  deleteBuyer: DirectAction<{ buyerId: string }, { id: string }>;
}

/** Deletes the buyer after a confirmation; its history (blasts, feedback, offers) is kept. */
export function DeleteBuyerButton({ buyerId, buyerName, deleteBuyer }: DeleteBuyerButtonProps) {
  const router = useRouter();
  return (
    <ConfirmRemoval
      triggerLabel="Delete buyer"
      title={`Delete ${buyerName}?`}
      description="The buyer leaves the Buyers list, every segment and every deal's matches, and gets no more blasts. What was sent to it and its offers stay on the deals' history."
      confirmLabel="Delete"
      pendingLabel="Deleting..."
      onConfirm={async () => {
        const result = await deleteBuyer(null, { buyerId });
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success(`${buyerName} deleted`);
        router.push("/buyers");
        return true;
      }}
    />
  );
}
