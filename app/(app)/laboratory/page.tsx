import type { Metadata } from "next";
import Link from "next/link";
import { ExperimentForm } from "@/components/laboratory/experiment-form";
import { ExperimentStatusBadge } from "@/components/laboratory/experiment-status";
import { formatDateTime } from "@/components/prospects/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FlaskConical } from "@/components/ui/icons";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { listExperiments } from "@/lib/laboratory/service";
import { getIntentSettings } from "@/lib/signals/settings";
import { createExperimentAction } from "./actions";

export const metadata: Metadata = { title: "Laboratory" };
export const dynamic = "force-dynamic";

export default async function LaboratoryPage() {
  const ctx = await requirePage("laboratory:read");
  const [experiments, production] = await Promise.all([listExperiments(ctx.db), getIntentSettings(ctx.db)]);
  const canRun = can(ctx.role, "laboratory:run");
  const { version, source: _source, createdAt: _createdAt, ...productionConfig } = production;
  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Laboratory</h1>
        <p className="text-sm text-muted-foreground">
          Try another intent configuration (signal weights, half-lives, the threshold, the drafting templates) on the real signals of a past window, side by side with production. A run only reads: it never sends, never calls a provider and never changes production. An owner promotes an experiment to production settings.
        </p>
      </div>

      <section aria-labelledby="experiments-heading" className="grid gap-3">
        <h2 id="experiments-heading" className="text-lg font-semibold">Experiments</h2>
        {experiments.length === 0 ? (
          <EmptyState
            icon={FlaskConical}
            title="No experiments yet"
            description={`Production drafts when a score reaches ${production.highIntentThreshold}. Create an experiment below, for example with a lower threshold, run it, and see whom it would have drafted to and how that compares with what your team approved and rejected.`}
          />
        ) : (
          <div className="rounded-md border">
            <Table aria-label="Experiments">
              <TableHeader>
                <TableRow>
                  <TableHead>Experiment</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Threshold</TableHead>
                  <TableHead className="text-right">Window</TableHead>
                  <TableHead>Last run</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {experiments.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell className="font-medium">
                      <Link href={`/laboratory/${e.id}`} className="underline-offset-4 hover:underline">{e.name}</Link>
                      {e.description && <span className="block max-w-md truncate text-xs font-normal text-muted-foreground">{e.description}</span>}
                    </TableCell>
                    <TableCell>
                      <ExperimentStatusBadge status={e.status} />
                      {e.promotedVersion !== null && <span className="ml-2 text-xs text-muted-foreground">as version {e.promotedVersion}</span>}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{e.threshold}</TableCell>
                    <TableCell className="text-right tabular-nums">{e.windowDays} d</TableCell>
                    <TableCell className="text-sm">
                      {e.lastRun ? (
                        e.lastRun.status === "DONE" && e.lastRun.summary ? (
                          <span>
                            {formatDateTime(e.lastRun.startedAt, ctx.tenant.timeZone)}: drafts {e.lastRun.summary.labProposed} vs {e.lastRun.summary.productionProposed} in production
                          </span>
                        ) : (
                          <span>{e.lastRun.status === "FAILED" ? "Failed" : "Running"}, {formatDateTime(e.lastRun.startedAt, ctx.tenant.timeZone)}</span>
                        )
                      ) : (
                        <span className="text-muted-foreground">Never</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      {canRun && (
        <Card>
          <CardHeader>
            <CardTitle><h2>New experiment</h2></CardTitle>
            <CardDescription>Name it, pick the window of signals to replay, and change the configuration it tries.</CardDescription>
          </CardHeader>
          <CardContent>
            <ExperimentForm production={productionConfig} productionVersion={version} createExperiment={createExperimentAction} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
