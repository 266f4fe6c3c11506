"use client";

import { useEffect } from "react";
import { startLadderAction, stopLadderAction } from "@/app/(app)/deals/[dealId]/ladder-actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export function StartLadderButton({ dealId }: { dealId: string }) {
  const { state, onSubmit, pending } = useFormAction(startLadderAction);
  useEffect(() => {
    if (state?.ok) toast.success("Ladder started");
    else if (state && !state.ok) toast.error(state.error);
  }, [state]);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="dealId" value={dealId} />
      <Button type="submit" size="sm" disabled={pending}>{pending ? "Starting..." : "Start ladder"}</Button>
    </form>
  );
}

export function StopLadderButton({ dealId }: { dealId: string }) {
  const { state, onSubmit, pending } = useFormAction(stopLadderAction);
  useEffect(() => {
    if (state?.ok) toast.success("Ladder stopped; its open call tasks are cancelled");
    else if (state && !state.ok) toast.error(state.error);
  }, [state]);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="dealId" value={dealId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>{pending ? "Stopping..." : "Stop ladder"}</Button>
    </form>
  );
}
