"use client";

import { useEffect } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export interface LadderActions {
  startLadder: FormAction<unknown>;
  stopLadder: FormAction<unknown>;
}

export function StartLadderButton({ dealId, startLadder }: { dealId: string; startLadder: LadderActions["startLadder"] }) {
  const { state, onSubmit, pending } = useFormAction(startLadder);
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

export function StopLadderButton({ dealId, stopLadder }: { dealId: string; stopLadder: LadderActions["stopLadder"] }) {
  const { state, onSubmit, pending } = useFormAction(stopLadder);
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
