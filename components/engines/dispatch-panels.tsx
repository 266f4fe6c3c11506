import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OutboxBacklog } from "@/lib/events/backlog";
import type { ExecutorOverview } from "@/lib/runtime/overview";
import { dateTimeFormatter, relativeTo } from "./format";

/** Who runs the background jobs (Inngest or this server's embedded runner), and why. */
export function ExecutorCard({ executor, timeZone, now }: { executor: ExecutorOverview; timeZone: string; now: Date }) {
  const when = dateTimeFormatter(timeZone);
  const embedded = executor.kind === "embedded";
  const healthy = embedded || executor.reachable === true;
  return (
    <Card role="region" aria-labelledby="executor-title">
      <CardHeader>
        <CardTitle id="executor-title" className="flex flex-wrap items-center gap-2">
          Background jobs
          <Badge variant={healthy ? "success" : "warning"} data-testid="executor-kind">
            {embedded ? "Embedded runner" : executor.reachable ? "Inngest" : "Inngest unreachable"}
          </Badge>
        </CardTitle>
        <CardDescription data-testid="executor-reason">{executor.reason}.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm text-muted-foreground">
        {embedded && executor.jobs ? (
          <>
            <p>Ladder steps, engine runs and the daily and hourly jobs run in this server, and survive a restart.</p>
            <p data-testid="runner-jobs">
              {executor.jobs.waiting} job(s) waiting
              {executor.jobs.nextRunAt && <>, the next {when(executor.jobs.nextRunAt)} ({relativeTo(executor.jobs.nextRunAt, now)})</>}
              {executor.jobs.failed > 0 && <>; {executor.jobs.failed} failed after their retries</>}.
            </p>
          </>
        ) : executor.reachable ? (
          <p>Engines run on their schedules; events are delivered as they are written. Inngest answers at {executor.url}.</p>
        ) : (
          <p>Inngest does not answer at {executor.url}: schedules wait and events queue in the outbox until it does. Run now still works.</p>
        )}
      </CardContent>
    </Card>
  );
}

export function OutboxCard({ backlog, timeZone, now }: { backlog: OutboxBacklog; timeZone: string; now: Date }) {
  const when = dateTimeFormatter(timeZone);
  return (
    <Card role="region" aria-labelledby="outbox-title">
      <CardHeader>
        <CardTitle id="outbox-title" className="flex items-center gap-2">
          Event outbox
          <Badge variant={backlog.pending === 0 ? "success" : "warning"} data-testid="outbox-pending">
            {backlog.pending} waiting
          </Badge>
        </CardTitle>
        <CardDescription>Events (new leads, ladder starts and stops, engine runs) written with their change and handed to the background jobs until accepted.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        {backlog.pending === 0 ? (
          <p className="text-muted-foreground">Nothing waiting: every event was delivered.</p>
        ) : (
          <>
            <p>
              {backlog.pending} event(s) waiting since {when(backlog.oldestCreatedAt)} ({relativeTo(backlog.oldestCreatedAt, now)}), up to {backlog.maxAttempts} attempt(s).
            </p>
            {backlog.lastError && <p className="text-muted-foreground">Last dispatch error: {backlog.lastError}</p>}
          </>
        )}
      </CardContent>
    </Card>
  );
}
