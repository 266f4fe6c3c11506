import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OutboxBacklog } from "@/lib/events/backlog";
import type { HealthCheck } from "@/lib/system/health";
import { dateTimeFormatter, relativeTo } from "./format";

/** Whether an Inngest server answers: the same check as /api/health/detailed. */
export function InngestStatusCard({ check }: { check: HealthCheck }) {
  const reachable = check.status === "ok";
  return (
    <Card role="region" aria-labelledby="inngest-status-title">
      <CardHeader>
        <CardTitle id="inngest-status-title" className="flex items-center gap-2">
          Inngest
          <Badge variant={reachable ? "success" : "warning"}>{reachable ? "Reachable" : "Unreachable"}</Badge>
        </CardTitle>
        <CardDescription>{String(check.url ?? "")}</CardDescription>
      </CardHeader>
      <CardContent className="text-sm text-muted-foreground">
        {reachable
          ? "Engines run on their schedules; events are delivered as they are written."
          : "Schedules wait and events queue in the outbox until Inngest answers. Run now still works."}
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
        <CardDescription>Events (new leads, ladder starts and stops, engine runs) written with their change and sent to Inngest until accepted.</CardDescription>
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
