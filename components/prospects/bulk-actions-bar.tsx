"use client";

import { Download, X } from "@/components/ui/icons";
import { useState, useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { DealStatus } from "@/lib/deals/rules";
import { fieldErrors } from "@/lib/http/result";
import { BulkActionDialog, type BulkKind } from "./bulk-action-dialog";
import { bulkSummary, type BulkOutcome } from "./bulk-summary";
import type { OwnerOption } from "./prospect-filters";

type Ids = { dealIds: string[] };

/** The page's bulk server actions; each is absent when the user's role may not run it. */
export interface ProspectBulkActions {
  changeStatus?: DirectAction<Ids & { to: DealStatus; reason?: string }, BulkOutcome>;
  assignOwner?: DirectAction<Ids & { ownerId: string | null }, BulkOutcome>;
  tag?: DirectAction<Ids & { add?: string; remove?: string }, BulkOutcome>;
  startLadder?: DirectAction<Ids, BulkOutcome>;
  doNotContact?: DirectAction<Ids & { reason: string }, BulkOutcome>;
}

interface BulkActionsBarProps {
  selectedIds: string[];
  actions: ProspectBulkActions;
  owners: OwnerOption[];
  /** The address of a deal, for naming refused ones. */
  labelOf: (dealId: string) => string;
  onClear: () => void;
}

const BUTTONS: { kind: BulkKind; label: string; action: keyof ProspectBulkActions }[] = [
  { kind: "status", label: "Change status", action: "changeStatus" },
  { kind: "owner", label: "Assign owner", action: "assignOwner" },
  { kind: "tags", label: "Tags", action: "tag" },
  { kind: "ladder", label: "Start ladder", action: "startLadder" },
  { kind: "doNotContact", label: "Do not contact", action: "doNotContact" },
];

function run(actions: ProspectBulkActions, kind: BulkKind, dealIds: string[], values: Record<string, string>) {
  switch (kind) {
    case "status": return actions.changeStatus?.(null, { dealIds, to: values.to as DealStatus, reason: values.reason });
    case "owner": return actions.assignOwner?.(null, { dealIds, ownerId: values.ownerId || null });
    case "tags": return actions.tag?.(null, { dealIds, add: values.add, remove: values.remove });
    case "ladder": return actions.startLadder?.(null, { dealIds });
    case "doNotContact": return actions.doNotContact?.(null, { dealIds, reason: values.reason });
  }
}

/** Shown while rows are selected: what can be done to all of them at once, and what came of it. */
export function BulkActionsBar({ selectedIds, actions, owners, labelOf, onClear }: BulkActionsBarProps) {
  const [open, setOpen] = useState<BulkKind | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [report, setReport] = useState<{ title: string; lines: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const count = selectedIds.length;

  const submit = (kind: BulkKind, values: Record<string, string>) =>
    startTransition(async () => {
      const result = await run(actions, kind, selectedIds, values);
      if (!result) return;
      if (!result.ok) {
        setErrors(result.issues?.length ? fieldErrors(result.issues) : { _form: [result.error] });
        return;
      }
      const summary = bulkSummary(kind, result.data, labelOf);
      setReport(summary);
      setErrors({});
      setOpen(null);
      if (result.data.changed.length) toast.success(summary.title);
      else toast.error(summary.title);
    });

  return (
    <section aria-label="Bulk actions" className="grid gap-2 rounded-lg border border-primary/40 bg-primary/5 p-3" data-testid="bulk-actions">
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-1 text-sm font-medium" aria-live="polite">{count} selected</p>
        {BUTTONS.filter((button) => actions[button.action]).map((button) => (
          <Button key={button.kind} size="sm" variant="outline" onClick={() => { setErrors({}); setOpen(button.kind); }}>
            {button.label}
          </Button>
        ))}
        <form method="post" action="/api/prospects/export">
          <input type="hidden" name="ids" value={selectedIds.join(",")} />
          <Button type="submit" size="sm" variant="outline"><Download className="size-4" aria-hidden /> Export CSV</Button>
        </form>
        <Button size="sm" variant="ghost" onClick={() => { setReport(null); onClear(); }}>
          <X className="size-4" aria-hidden /> Clear selection
        </Button>
      </div>
      <div role="status" data-testid="bulk-report" className="text-sm">
        {report && (
          <>
            <p className="font-medium">{report.title}</p>
            {report.lines.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-muted-foreground">
                {report.lines.map((line) => <li key={line}>{line}</li>)}
              </ul>
            )}
          </>
        )}
      </div>
      <BulkActionDialog kind={open} count={count} owners={owners} pending={pending} errors={errors} onSubmit={submit} onClose={() => setOpen(null)} />
    </section>
  );
}
