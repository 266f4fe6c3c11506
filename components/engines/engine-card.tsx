import { AlertTriangle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatSeconds } from "@/lib/engines/orchestrator";
import type { EngineOverview } from "@/lib/engines/overview";
import type { EngineStatus } from "@/lib/engines/rules";
import { EngineControls, type EngineActions } from "./engine-controls";
import { EngineRunsTable } from "./engine-runs-table";
import { dateTimeFormatter, relativeTo } from "./format";

const STATUS: Record<EngineStatus, { label: string; variant: "success" | "warning" | "destructive" | "secondary" | "outline" }> = {
  idle: { label: "Idle", variant: "success" },
  running: { label: "Running", variant: "secondary" },
  paused: { label: "Paused", variant: "outline" },
  failing: { label: "Failing", variant: "warning" },
  escalated: { label: "Escalated", variant: "destructive" },
};

interface EngineCardProps {
  engine: EngineOverview;
  timeZone: string;
  canManage: boolean;
  now: Date;
  actions: EngineActions;
}

export function EngineCard({ engine, timeZone, canManage, now, actions }: EngineCardProps) {
  const when = dateTimeFormatter(timeZone);
  const status = STATUS[engine.status];
  return (
    <Card data-testid={`engine-${engine.name}`} aria-labelledby={`engine-${engine.name}-title`} role="region" className="min-w-0">
      <CardHeader>
        <CardTitle id={`engine-${engine.name}-title`} className="flex items-center gap-2">
          {engine.label}
          <Badge variant={status.variant} data-testid="engine-status">{status.label}</Badge>
        </CardTitle>
        <CardDescription>{engine.description}</CardDescription>
        {canManage && (
          <CardAction>
            <EngineControls engine={engine.name} label={engine.label} paused={engine.paused} actions={actions} />
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-muted-foreground">Last run</dt>
            <dd>{when(engine.lastRunAt)} <span className="text-muted-foreground">{relativeTo(engine.lastRunAt, now)}</span></dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Next run</dt>
            <dd>
              {engine.paused ? "Paused" : engine.nextRunAt ? <>{when(engine.nextRunAt)} <span className="text-muted-foreground">{relativeTo(engine.nextRunAt, now)}</span></> : "Not scheduled yet: the safety net starts it within 5 minutes"}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Interval</dt>
            <dd>
              Every {formatSeconds(engine.intervalSeconds)}{" "}
              <span className="text-muted-foreground">({formatSeconds(engine.bounds.minSeconds)} to {formatSeconds(engine.bounds.maxSeconds)})</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Consecutive failures</dt>
            <dd>{engine.consecutiveFailures}{engine.escalatedAt ? `, escalated ${when(engine.escalatedAt)}` : ""}</dd>
          </div>
          <div className="sm:col-span-2 lg:col-span-4">
            <dt className="text-muted-foreground">Why this interval</dt>
            <dd data-testid="interval-reason">{engine.intervalReason}</dd>
          </div>
        </dl>
        {engine.lastError && (
          <p className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm" role="note">
            <AlertTriangle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
            <span>
              Last error, {when(engine.lastError.at)}: {engine.lastError.message}
            </span>
          </p>
        )}
        <div>
          <h3 className="mb-2 text-sm font-medium">Recent runs</h3>
          <EngineRunsTable label={engine.label} runs={engine.recentRuns} timeZone={timeZone} />
        </div>
      </CardContent>
    </Card>
  );
}
