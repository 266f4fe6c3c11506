import type { Metadata } from "next";
import { ModelCard } from "@/components/scoring/model-card";
import { FitNowButton } from "@/components/scoring/model-actions";
import { PointsTable } from "@/components/scoring/points-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { countDecidedDeals } from "@/lib/deals/assessment";
import { listScoringModels, MIN_OUTCOMES } from "@/lib/scoring/models";
import { fitScoringModelAction, promoteScoringModelAction } from "./actions";

export const metadata: Metadata = { title: "Lead scoring" };
export const dynamic = "force-dynamic";

export default async function ScoringSettingsPage() {
  const ctx = await requirePage("scoring:fit");
  const [models, decided] = await Promise.all([listScoringModels(ctx.db), countDecidedDeals(ctx.db)]);
  const active = models.find((m) => m.status === "ACTIVE") ?? null;
  const proposed = models.filter((m) => m.status === "PROPOSED");
  const retired = models.filter((m) => m.status === "RETIRED");
  const canPromote = can(ctx.role, "scoring:promote");
  const { timeZone } = ctx.tenant;
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Lead scoring</h1>
        <p className="text-sm text-muted-foreground">
          Every deal gets a score from 0 to 100 at intake and whenever its inputs change; the contact rules&apos; minimum score applies to it. The points table scores until an owner promotes a model learned from this workspace&apos;s own outcomes.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle><h2>Model in use</h2></CardTitle>
          <CardDescription>
            {active ? `Learned model ${active.version}: scores are the predicted chance, in percent, that a lead reaches a contract.` : "The points table below (points-v1)."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {active && <ModelCard model={active} timeZone={timeZone} />}
          <div className="flex flex-wrap items-center gap-3">
            <FitNowButton fit={fitScoringModelAction} minOutcomes={MIN_OUTCOMES} />
            <p className="text-sm text-muted-foreground" data-testid="decided-outcomes">
              {`${decided} decided outcome${decided === 1 ? "" : "s"} (under contract or closed against dead); a fit needs ${MIN_OUTCOMES}.`}
            </p>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle><h2>Proposed models</h2></CardTitle>
          <CardDescription>Fitted on four fifths of the decided deals and measured on the fifth held out. Only an owner promotes one.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {proposed.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No model waiting. The scoring engine proposes one each night once {MIN_OUTCOMES} deals are decided; &quot;Fit now&quot; proposes one at once.
            </p>
          ) : (
            proposed.map((model) => <ModelCard key={model.id} model={model} timeZone={timeZone} promote={canPromote ? promoteScoringModelAction : undefined} />)
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle><h2>Points table (points-v1)</h2></CardTitle>
          <CardDescription>The default model. Every lead starts at the base and each feature adds or takes whole points; the best case of every feature sums to 100 and the worst to 0.</CardDescription>
        </CardHeader>
        <CardContent>
          <PointsTable />
        </CardContent>
      </Card>
      {retired.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle><h2>Retired models</h2></CardTitle>
            <CardDescription>Replaced by a later promotion; an owner can promote one again.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {retired.map((model) => <ModelCard key={model.id} model={model} timeZone={timeZone} promote={canPromote ? promoteScoringModelAction : undefined} />)}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
