import type { Metadata } from "next";
import Link from "next/link";
import type { ComponentProps } from "react";
import { notFound } from "next/navigation";
import { ExperimentActions } from "@/components/laboratory/experiment-actions";
import { ExperimentStatusBadge } from "@/components/laboratory/experiment-status";
import { PeopleList } from "@/components/laboratory/people-list";
import { ScoreDistributionChart } from "@/components/laboratory/score-distribution-chart";
import { formatDateTime } from "@/components/prospects/format";
import { formatConfidence } from "@/components/signals/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ArrowLeft, FlaskConical } from "@/components/ui/icons";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
import type { Comparison } from "@/lib/laboratory/compare";
import { compareExperiment, getExperiment } from "@/lib/laboratory/service";
import { getIntentSettings } from "@/lib/signals/settings";
import { archiveExperimentAction, promoteExperimentAction, runExperimentAction } from "../actions";

export const metadata: Metadata = { title: "Experiment" };
export const dynamic = "force-dynamic";

function Figure({ label, lab, production }: { label: string; lab: number; production: number }) {
  return (
    <div className="grid gap-1 rounded-md border p-3">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="grid grid-cols-2 gap-2">
        <span><span className="block text-2xl font-semibold tabular-nums">{lab}</span><span className="text-xs text-muted-foreground">experiment</span></span>
        <span><span className="block text-2xl font-semibold tabular-nums text-muted-foreground">{production}</span><span className="text-xs text-muted-foreground">production</span></span>
      </dd>
    </div>
  );
}

function SideBySide({ comparison }: { comparison: Comparison }) {
  const { lab, production, decisions } = comparison;
  return (
    <dl className="grid gap-3 sm:grid-cols-3">
      <Figure label="Drafts proposed" lab={lab.proposed} production={production.proposed} />
      <Figure label={`Approved drafts missed (of ${decisions.approved})`} lab={lab.approvedMissedCount} production={production.approvedMissedCount} />
      <Figure label={`Rejected drafts proposed (of ${decisions.rejected})`} lab={lab.rejectedProposedCount} production={production.rejectedProposedCount} />
    </dl>
  );
}

type People = ComponentProps<typeof PeopleList>["people"];

/** Who both sides, or only one, would have drafted to. */
function OverlapGroup({ id, title, people }: { id: string; title: string; people: People }) {
  return (
    <section aria-labelledby={id} className="grid gap-1">
      <h3 id={id} className="text-sm font-medium">{title} ({people.length})</h3>
      <PeopleList people={people} empty="No one." />
    </section>
  );
}

/** People whose past decision (approved or rejected) the experiment would have gone against. */
function DecisionsCard({ title, description, people, empty }: { title: string; description: string; people: People; empty: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle><h2>{title}</h2></CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent><PeopleList people={people} empty={empty} /></CardContent>
    </Card>
  );
}

export default async function ExperimentPage({ params }: { params: Promise<{ experimentId: string }> }) {
  const ctx = await requirePage("laboratory:read");
  const { experimentId } = await params;
  const experiment = await getExperiment(ctx.db, experimentId).catch((error: unknown) => {
    if (isExpectedError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [{ run, comparison, wouldBeDrafts }, production] = await Promise.all([compareExperiment(ctx.db, experimentId), getIntentSettings(ctx.db)]);
  const open = experiment.status === "DRAFT" || experiment.status === "RAN";
  const zone = ctx.tenant.timeZone;
  const summary = run?.summary ?? null;
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid gap-2">
        <Link href="/laboratory" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeft className="size-4" aria-hidden /> Laboratory
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{experiment.name}</h1>
          <ExperimentStatusBadge status={experiment.status} />
        </div>
        {experiment.description && <p className="text-sm text-muted-foreground">{experiment.description}</p>}
        <p className="text-sm text-muted-foreground">
          Threshold {experiment.config.highIntentThreshold} (production {production.highIntentThreshold}, version {production.version}) · replays the last {experiment.windowDays} days
          {experiment.status === "PROMOTED" && experiment.promotedVersion !== null && experiment.promotedAt && ` · promoted as settings version ${experiment.promotedVersion} on ${formatDateTime(experiment.promotedAt, zone)}`}
        </p>
      </div>

      {open && (
        <ExperimentActions
          experimentId={experiment.id}
          windowDays={experiment.windowDays}
          canRun={can(ctx.role, "laboratory:run")}
          promote={experiment.status === "RAN" && can(ctx.role, "laboratory:promote") ? { nextVersion: production.version + 1, threshold: experiment.config.highIntentThreshold, productionThreshold: production.highIntentThreshold } : null}
          canArchive={can(ctx.role, "laboratory:run")}
          runExperiment={runExperimentAction}
          promoteExperiment={promoteExperimentAction}
          archiveExperiment={archiveExperimentAction}
        />
      )}
      {experiment.status === "RAN" && !can(ctx.role, "laboratory:promote") && (
        <p className="text-sm text-muted-foreground">Only an owner can promote an experiment to production.</p>
      )}

      {!run ? (
        <EmptyState icon={FlaskConical} title="Not run yet" description={`Run it to replay the last ${experiment.windowDays} days of signals under this configuration and production's, and compare whom each would have drafted to.`} />
      ) : run.status === "FAILED" ? (
        <EmptyState icon={FlaskConical} title="The last run failed" description={run.error ?? "Run it again; the failure is in the server log."} />
      ) : !comparison || !summary ? (
        <EmptyState icon={FlaskConical} title="Running" description="The run is still replaying signals. Reload in a moment." />
      ) : (
        <>
          <Card>
            <CardHeader>
              <CardTitle><h2>Side by side with production</h2></CardTitle>
              <CardDescription>
                Run {formatDateTime(run.startedAt, zone)} over {formatDateTime(new Date(summary.windowStart), zone)} to {formatDateTime(new Date(summary.windowEnd), zone)}: {summary.signals} signals from {comparison.considered} people, against production version {summary.productionVersion}. Past decisions are the drafts your team sent or rejected in the window.
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <SideBySide comparison={comparison} />
              {summary.notes.length > 0 && (
                <ul className="grid list-disc gap-1 pl-5 text-sm text-muted-foreground">
                  {summary.notes.map((note) => <li key={note}>{note}</li>)}
                </ul>
              )}
            </CardContent>
          </Card>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader><CardTitle><h2>Score distribution</h2></CardTitle></CardHeader>
              <CardContent>
                <ScoreDistributionChart data={comparison.distribution} threshold={summary.labThreshold} productionThreshold={summary.productionThreshold} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader><CardTitle><h2>Overlap</h2></CardTitle></CardHeader>
              <CardContent className="grid gap-4">
                <OverlapGroup id="both-heading" title="Both would draft" people={comparison.overlap.both} />
                <OverlapGroup id="lab-only-heading" title="Only the experiment" people={comparison.overlap.labOnly} />
                <OverlapGroup id="prod-only-heading" title="Only production" people={comparison.overlap.productionOnly} />
              </CardContent>
            </Card>
          </div>

          <div className="grid gap-6 lg:grid-cols-2">
            <DecisionsCard
              title={`Approved drafts it would have missed (${comparison.lab.approvedMissedCount})`}
              description="Sent by your team in the window, to people the experiment would not have drafted to."
              people={comparison.lab.approvedMissed}
              empty="None: it would have proposed every draft your team approved."
            />
            <DecisionsCard
              title={`Rejected drafts it would have proposed (${comparison.lab.rejectedProposedCount})`}
              description="Rejected by your team in the window, to people the experiment would still have drafted to."
              people={comparison.lab.rejectedProposed}
              empty="None of the rejected drafts."
            />
          </div>

          <Card>
            <CardHeader>
              <CardTitle><h2>Would-be drafts ({wouldBeDrafts.length})</h2></CardTitle>
              <CardDescription>Written with the experiment&apos;s templates at the moment each score reached its threshold. None was sent.</CardDescription>
            </CardHeader>
            <CardContent>
              {wouldBeDrafts.length === 0 ? (
                <p className="text-sm text-muted-foreground">The experiment would not have drafted to anyone in this window.</p>
              ) : (
                <ul className="grid gap-3">
                  {wouldBeDrafts.map((d) => (
                    <li key={d.key} className="rounded-md border p-3">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <Link href={d.kind === "lead" ? `/deals/${d.id}` : `/buyers/${d.id}`} className="font-medium underline-offset-4 hover:underline">{d.name}</Link>
                        <span className="text-xs text-muted-foreground">
                          score {d.labScore} (production {d.productionScore}){d.alsoProduction ? " · production drafts too" : " · only the experiment"}
                          {d.confidence !== null && ` · ${formatConfidence(d.confidence)}`}
                        </span>
                      </div>
                      {d.subject ? (
                        <details className="mt-2">
                          <summary className="cursor-pointer text-sm">{d.subject}</summary>
                          <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-muted p-2 font-sans text-sm">{d.body}</pre>
                        </details>
                      ) : (
                        <p className="mt-2 text-sm text-muted-foreground">No draft written: no deal or email context was found.</p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
