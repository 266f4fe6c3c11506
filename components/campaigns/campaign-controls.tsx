"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

type StatusAction = FormAction<{ id: string; status: string }>;

/** One button posting the campaign's id; a refusal (no postal address...) shows beside it, in words. */
function StatusButton({ campaignId, action, label, pendingLabel, variant }: { campaignId: string; action: StatusAction; label: string; pendingLabel: string; variant?: "default" | "outline" }) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(action);
  useEffect(() => {
    if (state?.ok) {
      toast.success(state.message ?? "Saved");
      router.refresh();
    }
  }, [state, router]);
  const refusal = state && !state.ok ? (state.issues?.[0]?.message ?? state.error) : null;
  return (
    <form onSubmit={onSubmit} className="grid gap-2">
      <input type="hidden" name="campaignId" value={campaignId} />
      <Button type="submit" disabled={pending} variant={variant} className="justify-self-start">{pending ? pendingLabel : label}</Button>
      {refusal ? <p role="alert" className="max-w-prose text-sm text-destructive">{refusal}</p> : null}
    </form>
  );
}

/** Start (a draft), pause (while scheduled or sending) and resume (when paused). */
export function CampaignControls({ campaignId, status, start, pause }: { campaignId: string; status: string; start: StatusAction; pause: StatusAction }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      {status === "DRAFT" ? <StatusButton campaignId={campaignId} action={start} label="Start campaign" pendingLabel="Starting…" /> : null}
      {status === "PAUSED" ? <StatusButton campaignId={campaignId} action={start} label="Resume" pendingLabel="Resuming…" /> : null}
      {status === "SENDING" || status === "SCHEDULED" ? <StatusButton campaignId={campaignId} action={pause} label="Pause" pendingLabel="Pausing…" variant="outline" /> : null}
    </div>
  );
}
