"use client";

import type { DirectAction } from "@/components/forms/action-types";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DISPOSITION_LABELS, DISPOSITION_STAGES, nextDispositionStep, type DispositionStage } from "@/lib/dispositions/rules";
import { ActionButton } from "./action-button";

const STEP_LABELS: Record<DispositionStage, string> = {
  MARKETED: "Mark as marketed",
  OFFER_ACCEPTED: "Accept an offer",
  ASSIGNED: "Mark contract assigned",
  CLOSED: "Record the closing",
};

const WAITING: Partial<Record<DispositionStage | "NONE", string>> = {
  MARKETED: "Next: accept one of the offers below.",
  CLOSED: "Closed: the buyer's purchase is on their record.",
};

interface DispositionCardProps {
  dealId: string;
  stage: DispositionStage | null;
  assignedBuyerName: string | null;
  assignmentFee: number | null;
  advance?: DirectAction<{ dealId: string; stage: DispositionStage }, { stage: DispositionStage }>;
}

/** Where the deal stands with buyers, the fee it earns, and the one next step as a button. */
export function DispositionCard({ dealId, stage, assignedBuyerName, assignmentFee, advance }: DispositionCardProps) {
  const next = nextDispositionStep(stage);
  const reached = stage ? DISPOSITION_STAGES.indexOf(stage) : -1;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Disposition</CardTitle>
        <CardDescription data-testid="disposition-stage">{stage ? DISPOSITION_LABELS[stage] : "Not marketed yet"}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <ol className="flex flex-wrap gap-2" aria-label="Disposition stages">
          {DISPOSITION_STAGES.map((s, i) => (
            <li key={s} aria-current={s === stage ? "step" : undefined} className={i <= reached ? "rounded-full bg-primary px-2 py-0.5 text-primary-foreground" : "rounded-full border px-2 py-0.5 text-muted-foreground"}>
              {DISPOSITION_LABELS[s]}
            </li>
          ))}
        </ol>
        <dl className="grid grid-cols-2 gap-3">
          <div>
            <dt className="text-muted-foreground">Buyer</dt>
            <dd className="font-medium">{assignedBuyerName ?? "None yet"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Assignment fee</dt>
            <dd className="font-medium tabular-nums" data-testid="assignment-fee">{assignmentFee === null ? "—" : `$${assignmentFee.toLocaleString("en-US")}`}</dd>
          </div>
        </dl>
        <p className="text-xs text-muted-foreground">The fee is the accepted offer less the deal&apos;s contract price (its asking price).</p>
        {advance && (
          <div className="flex flex-wrap gap-2">
            {next && next !== "OFFER_ACCEPTED" && (
              <ActionButton action={advance} input={{ dealId, stage: next }} variant="default" label={STEP_LABELS[next]} pendingLabel="Saving..." done={`Now ${DISPOSITION_LABELS[next]}`} />
            )}
            {(stage === "OFFER_ACCEPTED" || stage === "ASSIGNED") && (
              <ActionButton action={advance} input={{ dealId, stage: "MARKETED" }} label="Buyer fell through: market again" pendingLabel="Saving..." done="Back on the market" />
            )}
          </div>
        )}
        {!next && WAITING[stage ?? "NONE"] && <p className="text-muted-foreground">{WAITING[stage ?? "NONE"]}</p>}
      </CardContent>
    </Card>
  );
}
