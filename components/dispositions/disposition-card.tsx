"use client";

import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { DISPOSITION_LABELS, DISPOSITION_STAGES, nextDispositionStep, type DispositionStage } from "@/lib/dispositions/rules";
import { BUYER_TERMS_MAX } from "@/lib/dispositions/schema";
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
  /** What buyers read on their deal page; the closing date as YYYY-MM-DD. */
  terms: { buyerTerms: string | null; targetClosingDate: string | null };
  saveTerms?: FormAction<{ buyerTerms: string | null; targetClosingDate: string | null }>;
}

function BuyerTermsForm({ dealId, terms, saveTerms }: { dealId: string; terms: DispositionCardProps["terms"]; saveTerms: NonNullable<DispositionCardProps["saveTerms"]> }) {
  const { onSubmit, pending, errors } = useSavingForm(saveTerms, undefined, (formData) => formData.set("dealId", dealId));
  const ids = { terms: "deal-buyer-terms", closing: "deal-target-closing" };
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 border-t pt-4" aria-label="Terms for buyers">
      <h3 className="text-sm font-semibold">What buyers see on their page</h3>
      <FormField label="Terms (optional)" htmlFor={ids.terms} error={errors.buyerTerms} hint="E.g. $5,000 EMD, 7-day inspection, assignment at closing.">
        <Textarea id={ids.terms} name="buyerTerms" rows={3} maxLength={BUYER_TERMS_MAX} defaultValue={terms.buyerTerms ?? ""} {...fieldErrorProps(ids.terms, { [ids.terms]: errors.buyerTerms })} />
      </FormField>
      <FormField label="Closing by (optional)" htmlFor={ids.closing} error={errors.targetClosingDate}>
        <Input id={ids.closing} name="targetClosingDate" type="date" defaultValue={terms.targetClosingDate ?? ""} {...fieldErrorProps(ids.closing, { [ids.closing]: errors.targetClosingDate })} />
      </FormField>
      <Button type="submit" variant="outline" disabled={pending}>{pending ? "Saving..." : "Save terms"}</Button>
    </form>
  );
}

/** Where the deal stands with buyers, the fee it earns, and the one next step as a button. */
export function DispositionCard({ dealId, stage, assignedBuyerName, assignmentFee, advance, terms, saveTerms }: DispositionCardProps) {
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
        {saveTerms ? (
          <BuyerTermsForm dealId={dealId} terms={terms} saveTerms={saveTerms} />
        ) : (
          <dl className="grid grid-cols-2 gap-3 border-t pt-4">
            <div>
              <dt className="text-muted-foreground">Terms</dt>
              <dd className="whitespace-pre-line">{terms.buyerTerms ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Closing by</dt>
              <dd className="tabular-nums">{terms.targetClosingDate ?? "—"}</dd>
            </div>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
