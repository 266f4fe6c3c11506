import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { LadderView } from "@/lib/ladder/view";
import { formatInZone, STEP_STATE_LABELS, stepStateVariant } from "./format";
import { StartLadderButton, StopLadderButton, type LadderActions } from "./ladder-buttons";
import { stopReasonText } from "@/lib/prospects/timeline-text";

interface LadderCardProps {
  dealId: string;
  ladder: LadderView | null;
  /** The lead's zone (due times are shown in it), else the workspace's. */
  timeZone: string;
  canRun: boolean;
  actions: LadderActions;
}

const STATUS_TEXT = { ACTIVE: "Running", COMPLETED: "Completed", STOPPED: "Stopped" } as const;

/** The lead's follow-up ladder: each step, when it is due in the lead's time, and what became of it. */
export function LadderCard({ dealId, ladder, timeZone, canRun, actions }: LadderCardProps) {
  const running = ladder?.status === "ACTIVE";
  return (
    <Card aria-labelledby="ladder-title">
      <CardHeader>
        <CardTitle id="ladder-title">Follow-up ladder</CardTitle>
        <CardDescription>
          {ladder
            ? `${STATUS_TEXT[ladder.status]}${ladder.stopReason ? ` (${stopReasonText(ladder.stopReason)})` : ""}. Times in ${timeZone}.`
            : "No ladder yet. Start one to text and call this lead on the tenant's cadence, inside its contact window."}
        </CardDescription>
        {canRun && <CardAction>{running ? <StopLadderButton dealId={dealId} stopLadder={actions.stopLadder} /> : <StartLadderButton dealId={dealId} startLadder={actions.startLadder} />}</CardAction>}
      </CardHeader>
      {ladder && (
        <CardContent>
          <ol className="grid gap-2 text-sm">
            {ladder.steps.map((step) => (
              <li key={step.step} className="flex flex-wrap items-center justify-between gap-2 border-b pb-2 last:border-b-0 last:pb-0">
                <span className="flex items-center gap-2">
                  <span className="w-5 text-muted-foreground tabular-nums">{step.step}.</span>
                  <span className="font-medium">{step.channel}</span>
                  <span className="text-muted-foreground">{formatInZone(step.dueAt ?? step.nominalAt, timeZone)}</span>
                </span>
                <span className="flex items-center gap-2">
                  {step.taskStatus && step.taskStatus !== "OPEN" && <span className="text-xs text-muted-foreground">task {step.taskStatus.toLowerCase()}</span>}
                  <Badge variant={stepStateVariant(step.shown)} title={step.reason ?? undefined}>{STEP_STATE_LABELS[step.shown] ?? step.shown}</Badge>
                </span>
                {step.reason && <p className="w-full pl-7 text-xs text-muted-foreground">{step.reason}</p>}
              </li>
            ))}
          </ol>
        </CardContent>
      )}
    </Card>
  );
}
