"use client";

import Link from "next/link";
import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { OpportunityStatusName } from "@/lib/govcon/codes";

export type StatusAction = FormAction<{ status: OpportunityStatusName; pursuitId: string | null }>;

interface OpportunityStatusPanelProps {
  noticeId: string;
  status: OpportunityStatusName;
  pursuitId: string | null;
  setStatus: StatusAction;
}

/** One button that moves the opportunity to one status. */
function StatusButton({ noticeId, status, label, variant, setStatus }: { noticeId: string; status: OpportunityStatusName; label: string; variant: "default" | "outline"; setStatus: StatusAction }) {
  const { onSubmit, pending } = useSavingForm(setStatus);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="status" value={status} />
      <Button type="submit" variant={variant} disabled={pending}>{pending ? "Saving..." : label}</Button>
    </form>
  );
}

/** No-bid takes a reason the whole team will read on the page. */
function NoBidForm({ noticeId, setStatus, onCancel }: { noticeId: string; setStatus: StatusAction; onCancel: () => void }) {
  const { onSubmit, pending, errors } = useSavingForm(setStatus, onCancel);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="No-bid this opportunity" className="grid w-full gap-3 rounded-md border p-3">
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="status" value="NO_BID" />
      <FormField label="Why not bid?" htmlFor="reason" error={errors.reason} hint="Shown to the team on this page." required>
        <Textarea id="reason" name="reason" rows={3} maxLength={2000} autoFocus {...fieldErrorProps("reason", errors)} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="destructive" disabled={pending}>{pending ? "Saving..." : "Mark no-bid"}</Button>
        <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/** Track, pursue (a card on the Pursuits board) or no-bid, from wherever the opportunity stands. */
export function OpportunityStatusPanel({ noticeId, status, pursuitId, setStatus }: OpportunityStatusPanelProps) {
  const [decliningBid, setDecliningBid] = useState(false);
  return (
    <div className="flex flex-wrap items-start gap-2">
      {status !== "TRACKING" && status !== "PURSUING" && <StatusButton noticeId={noticeId} status="TRACKING" label="Track" variant="outline" setStatus={setStatus} />}
      {status !== "PURSUING" && <StatusButton noticeId={noticeId} status="PURSUING" label="Pursue" variant="default" setStatus={setStatus} />}
      {pursuitId && (
        <Button variant="outline" asChild>
          <Link href={`/govcon/pursuits#pursuit-${pursuitId}`}>Open the pursuit on the board</Link>
        </Button>
      )}
      {status === "NO_BID" && <StatusButton noticeId={noticeId} status="NEW" label="Reopen" variant="outline" setStatus={setStatus} />}
      {status !== "NO_BID" && !decliningBid && (
        <Button type="button" variant="outline" onClick={() => setDecliningBid(true)}>No-bid</Button>
      )}
      {decliningBid && <NoBidForm noticeId={noticeId} setStatus={setStatus} onCancel={() => setDecliningBid(false)} />}
    </div>
  );
}
