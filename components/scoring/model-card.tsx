import type { DirectAction } from "@/components/forms/action-types";
import { formatDate } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import type { ScoringModelView } from "@/lib/scoring/models";
import { CalibrationChart } from "./calibration-chart";
import { PromoteButton } from "./model-actions";

const STATUS_VARIANT = { ACTIVE: "success", PROPOSED: "secondary", RETIRED: "outline" } as const;

/** One learned model: how it was measured on the held-out fifth, its calibration, and Promote for owners. */
export function ModelCard({ model, timeZone, promote }: { model: ScoringModelView; timeZone: string; promote?: DirectAction<{ modelId: string }, { version: number; rescored: number }> }) {
  const { metrics } = model;
  return (
    <section className="grid gap-3 rounded-lg border p-4" aria-labelledby={`model-${model.id}`} data-testid="scoring-model">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`model-${model.id}`} className="font-medium">
          {`Model ${model.version}`} <Badge variant={STATUS_VARIANT[model.status]}>{model.status.toLowerCase()}</Badge>
        </h3>
        {promote && model.status !== "ACTIVE" && <PromoteButton modelId={model.id} version={model.version} promote={promote} />}
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div><dt className="text-muted-foreground">AUC</dt><dd className="text-lg font-semibold tabular-nums" data-testid="model-auc">{metrics.auc.toFixed(2)}</dd></div>
        <div><dt className="text-muted-foreground">Brier score</dt><dd className="text-lg font-semibold tabular-nums">{metrics.brier.toFixed(3)}</dd></div>
        <div><dt className="text-muted-foreground">Outcomes</dt><dd className="text-lg font-semibold tabular-nums">{model.outcomes}</dd></div>
        <div><dt className="text-muted-foreground">Reached contract</dt><dd className="text-lg font-semibold tabular-nums">{`${Math.round(metrics.positiveRate * 100)}%`}</dd></div>
      </dl>
      <p className="text-sm text-muted-foreground">
        {`Fitted on ${metrics.trainCount}, measured on ${metrics.testCount} held out; proposed ${formatDate(model.proposedAt, timeZone)}`}
        {model.promotedAt ? `, promoted ${formatDate(model.promotedAt, timeZone)}` : ""}
        {model.retiredAt ? `, retired ${formatDate(model.retiredAt, timeZone)}` : ""}.
      </p>
      <CalibrationChart bins={metrics.calibration} label={`Calibration of model ${model.version}: predicted chance against the share that reached a contract, held-out deals`} />
    </section>
  );
}
