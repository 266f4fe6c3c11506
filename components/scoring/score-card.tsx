import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TenantDb } from "@/lib/db/tenant";
import { getDealScore } from "@/lib/scoring/read";
import { ScoreBars } from "./score-bars";

const CONFIDENCE_TEXT = { high: "High confidence", medium: "Medium confidence", low: "Low confidence" } as const;
const CONFIDENCE_VARIANT = { high: "success", medium: "secondary", low: "warning" } as const;

/** The deal's lead score with each feature's points, the model that computed it and the source's own score. */
export async function DealScoreCard({ db, dealId }: { db: TenantDb; dealId: string }) {
  const view = await getDealScore(db, dealId);
  return (
    <Card data-testid="score-card">
      <CardHeader>
        <CardTitle><h2>Lead score</h2></CardTitle>
        <CardDescription>Why this lead ranks where it does: each feature&apos;s points add up to the score the contact rules apply.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {view.score === null ? (
          <p className="text-sm text-muted-foreground">Not scored yet: the scoring engine scores every deal on its next pass (Engines).</p>
        ) : (
          <>
            <p className="flex flex-wrap items-baseline gap-2">
              <span className="text-3xl font-semibold tabular-nums" data-testid="lead-score">{view.score}</span>
              <span className="text-sm text-muted-foreground">of 100</span>
              {view.confidence && <Badge variant={CONFIDENCE_VARIANT[view.confidence]}>{CONFIDENCE_TEXT[view.confidence]}</Badge>}
            </p>
            <p className="text-sm" data-testid="score-model">
              {`Model: ${view.modelLabel ?? "unknown"}`}
              {view.sourceScore !== null && <span className="text-muted-foreground">{` · source score ${view.sourceScore}`}</span>}
            </p>
            <ScoreBars contributions={view.contributions} />
          </>
        )}
        {view.score === null && view.sourceScore !== null && <p className="text-sm">{`Source score ${view.sourceScore}`}</p>}
      </CardContent>
    </Card>
  );
}
