import { Inbox } from "@/components/ui/icons";
import type { Metadata } from "next";
import { InboxFilters } from "@/components/inbox/inbox-filters";
import { SlaCard } from "@/components/inbox/sla-card";
import { TaskDetail } from "@/components/inbox/task-detail";
import { TaskList, type TaskRow } from "@/components/inbox/task-list";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { getSlaSnapshot, getTaskDetail, listDueTasks, listTaskAssignees, listTaskMarkets } from "@/lib/ladder/inbox";
import { InboxQuery } from "@/lib/ladder/schema";
import { parseStorable } from "@/lib/validation/text";
import { CALL_ACTIONS } from "../calls/call-actions";
import { assignTasksAction, completeTaskAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePage("tasks:read");
  // Hand-edited URLs are read leniently: a bad value (a NUL included) falls back to the defaults.
  const parsed = parseStorable(InboxQuery, await searchParams);
  const query = parsed.success ? parsed.data : InboxQuery.parse({});
  // VAs see their own tasks unless they ask for more; everyone else sees all.
  const owner = query.owner ?? (ctx.role === "va" ? "me" : "all");
  const ownerId = owner === "all" ? undefined : owner === "me" ? ctx.user.id : owner;
  const now = new Date();

  const [due, assignees, markets, sla, detail] = await Promise.all([
    listDueTasks(ctx.db, { ownerId, market: query.market, limit: query.limit, now }),
    listTaskAssignees(ctx.db),
    listTaskMarkets(ctx.db),
    getSlaSnapshot(ctx.db, { now }),
    query.task ? getTaskDetail(ctx.db, query.task, now) : Promise.resolve(null),
  ]);
  const names = Object.fromEntries(assignees.map((a) => [a.userId, a.name]));
  const rows: TaskRow[] = due.rows.map((t) => ({
    id: t.id,
    dueAt: t.dueAt.toISOString(),
    step: t.step,
    channel: t.channel,
    ownerName: t.ownerId ? (names[t.ownerId] ?? "Former member") : null,
    street: t.deal.street,
    city: t.deal.city,
    market: t.deal.market,
    contactName: t.deal.contactName,
    timeZone: t.deal.timeZone,
    hotArea: t.hotArea,
  }));
  const selected = detail ?? (due.rows[0] ? await getTaskDetail(ctx.db, due.rows[0].id, now) : null);

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
          <p className="text-sm text-muted-foreground">
            {due.total} due {due.total === 1 ? "task" : "tasks"}, hot areas first, then oldest first. Call the lead, then close the task with what happened.
          </p>
        </div>
        <InboxFilters owner={owner} market={query.market ?? ""} assignees={assignees} markets={markets} />
      </div>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          {rows.length === 0 ? (
            <EmptyState
              icon={Inbox}
              title="Nothing due"
              description={owner === "me" ? "No call of yours is due. Switch the owner filter to Everyone or Unassigned to help out." : "No call is due for these filters. New leads add calls as their ladders run."}
            />
          ) : (
            <TaskList
              tasks={rows}
              selectedId={selected?.task.id ?? null}
              canAssign={can(ctx.role, "tasks:assign")}
              assignees={assignees}
              now={now.toISOString()}
              assignTasks={assignTasksAction}
            />
          )}
        </div>
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          {selected && <TaskDetail detail={selected} canWork={can(ctx.role, "tasks:work")} viewerTimeZone={ctx.tenant.timeZone} completeTask={completeTaskAction} now={now.toISOString()} callActions={can(ctx.role, "calls:make") ? CALL_ACTIONS : null} />}
          <SlaCard sla={sla} ownerNames={names} />
        </div>
      </div>
    </div>
  );
}
