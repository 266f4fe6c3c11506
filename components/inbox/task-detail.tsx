import { Phone, PhoneOff } from "@/components/ui/icons";
import Link from "next/link";
import { formatInZone } from "@/components/ladder/format";
import { CallButton, type CallActions } from "@/components/calls/call-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TaskDetail as TaskDetailData } from "@/lib/ladder/inbox";
import { TASK_OUTCOME_LABELS, type TaskOutcome } from "@/lib/ladder/schema";
import { callingHoursNotice } from "./calling-hours";
import { CompleteTaskForm, type CompleteTaskAction } from "./complete-task-form";

interface TaskDetailProps {
  detail: TaskDetailData;
  canWork: boolean;
  /** The viewer's zone, for the history. */
  viewerTimeZone: string;
  completeTask: CompleteTaskAction;
  /** The instant the page was read, for the calling-hours notice. */
  now: string;
  /** The dialer's actions when the viewer may place calls: the call button replaces the tel: link. */
  callActions?: CallActions | null;
}

const outcomeLabel = (outcome: string | null) => (outcome ? (TASK_OUTCOME_LABELS[outcome as TaskOutcome] ?? outcome) : null);

/** The open task: the lead, a tel: link, notes and history, and the form that closes it. */
export function TaskDetail({ detail, canWork, viewerTimeZone, completeTask, now, callActions = null }: TaskDetailProps) {
  const { task, history, callingHours, registryBlock } = detail;
  const outsideHours = callingHoursNotice(callingHours, new Date(now));
  const { deal } = task;
  const leadZone = deal.timeZone ?? viewerTimeZone;
  const closedText = `Closed (${task.status.toLowerCase()}): ${outcomeLabel(task.outcome) ?? "no outcome"}.`;
  const address = [deal.street, deal.city, deal.region, deal.postalCode].filter(Boolean).join(", ") || "Address unknown";
  return (
    <Card role="region" aria-label="Task detail">
      <CardHeader>
        <CardTitle>{task.channel} step {task.step}: {deal.contactName ?? "Unnamed lead"}</CardTitle>
        <CardDescription>
          <Link href={`/deals/${deal.id}`} className="underline-offset-2 hover:underline">{address}</Link>
          {deal.market ? ` · ${deal.market}` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-5 text-sm">
        <div className="grid gap-1">
          {registryBlock && deal.contactPhone ? (
            <div role="status" className="grid gap-0.5 rounded-md border border-destructive/50 bg-destructive/5 p-2" data-testid="registry-call-block">
              <p className="flex items-center gap-2 font-medium">
                <PhoneOff className="size-4 shrink-0" aria-hidden />
                <span>Do not call: a do-not-call registry refuses this number</span>
              </p>
              <p className="text-muted-foreground [overflow-wrap:anywhere]">{registryBlock.message}</p>
              {registryBlock.fixHref && (
                <Link href={registryBlock.fixHref} className="w-fit underline underline-offset-2">{registryBlock.fixLabel}</Link>
              )}
            </div>
          ) : outsideHours && deal.contactPhone ? (
            <div role="status" className="grid gap-0.5 rounded-md border border-amber-600/50 bg-amber-500/10 p-2" data-testid="calling-hours-notice">
              <p className="flex items-center gap-2 font-medium">
                <PhoneOff className="size-4 shrink-0" aria-hidden />
                <span>{outsideHours}</span>
              </p>
              <p className="text-muted-foreground">
                <span className="whitespace-nowrap">{deal.contactPhone}</span>
                {callingHours.open ? null : callingHours.localTime ? ` · now ${formatInZone(now, callingHours.timeZone)} for the lead` : ""}
              </p>
            </div>
          ) : deal.contactPhone && callActions ? (
            <CallButton dealId={deal.id} taskId={task.channel === "CALL" && task.status === "OPEN" ? task.id : undefined} phone={deal.contactPhone} actions={callActions} className="w-fit" />
          ) : deal.contactPhone ? (
            <a href={`tel:${deal.contactPhone}`} className="flex items-center gap-2 text-base font-medium underline-offset-2 hover:underline">
              <Phone className="size-4" aria-hidden /> {deal.contactPhone}
            </a>
          ) : (
            <p className="text-muted-foreground">No phone number on this lead.</p>
          )}
          <p className="text-muted-foreground">Due {formatInZone(task.dueAt, leadZone)} (lead&apos;s time) · status {task.status.toLowerCase()}</p>
          {task.notes && <p>Notes: {task.notes}</p>}
        </div>
        {canWork ? (
          <CompleteTaskForm
            key={task.id}
            taskId={task.id}
            closed={task.status === "OPEN" ? null : closedText}
            outsideHours={task.channel === "CALL" && outsideHours ? outsideHours : null}
            completeTask={completeTask}
          />
        ) : (
          <p className="text-muted-foreground">{task.status === "OPEN" ? "You can view this task but not close it." : closedText}</p>
        )}
        <section aria-label="History" className="grid gap-2">
          <h3 className="font-medium">History</h3>
          {history.tasks.length === 0 && history.messages.length === 0 && <p className="text-muted-foreground">No earlier tasks or messages.</p>}
          <ul className="grid gap-1">
            {history.messages.map((m) => (
              <li key={m.id} className="flex flex-wrap items-baseline gap-2">
                <Badge variant="outline">{m.direction === "INBOUND" ? "Reply" : m.channel}</Badge>
                <span className="text-muted-foreground">{formatInZone(m.createdAt, viewerTimeZone)}</span>
                <span className="line-clamp-2 min-w-0 flex-1 basis-48 [overflow-wrap:anywhere]" title={m.body}>{m.body}</span>
                <span className="text-xs text-muted-foreground">{m.status.toLowerCase()}{m.blockedReason ? `: ${m.blockedReason}` : ""}</span>
              </li>
            ))}
            {history.tasks.map((t) => (
              <li key={t.id} className="flex flex-wrap items-baseline gap-2">
                <Badge variant="outline">{t.channel} step {t.step}</Badge>
                <span className="text-muted-foreground">{formatInZone(t.dueAt, viewerTimeZone)}</span>
                <span>{t.status.toLowerCase()}{t.outcome ? ` · ${outcomeLabel(t.outcome)}` : ""}</span>
                {t.notes && <span className="text-xs text-muted-foreground">{t.notes}</span>}
              </li>
            ))}
          </ul>
        </section>
      </CardContent>
    </Card>
  );
}
