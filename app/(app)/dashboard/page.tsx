import { AlarmClock, FileSignature, Handshake, MessageSquareReply, PhoneCall, PhoneOff, Sparkles } from "lucide-react";
import type { Metadata } from "next";
import { BlockedByGate, HottestDeals, StatusBreakdown } from "@/components/dashboard/business-panels";
import { FigureCard } from "@/components/dashboard/figure-card";
import { CallList, SlaSummary, type CallRow } from "@/components/dashboard/va-calls";
import { formatCount, formatMoney } from "@/components/prospects/format";
import { ROLE_LABELS, can } from "@/lib/auth/permissions";
import { requirePage, type TenantContext } from "@/lib/auth/session";
import { businessOverview, vaOverview } from "@/lib/dashboard/overview";
import { inboxHref, OPEN_STATUSES, prospectsHref } from "@/lib/dashboard/rules";
import { outboxHref } from "@/lib/outbound/outbox-query";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const fees = (amount: number) => `${formatMoney(amount)} in assignment fees`;

async function BusinessDashboard({ ctx }: { ctx: TenantContext }) {
  const seesTasks = can(ctx.role, "tasks:read");
  const seesMessages = can(ctx.role, "messages:read");
  const o = await businessOverview(ctx.db, { timeZone: ctx.tenant.timeZone, seesTasks, seesMessages });
  const { weekStartDay, monthStartDay } = o.periods;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <FigureCard label="New deals this week" value={formatCount(o.newThisWeek)} icon={Sparkles} href={prospectsHref({ from: weekStartDay })} />
        <FigureCard label="Contracts this month" value={formatCount(o.contracts.count)} detail={fees(o.contracts.fees)} icon={FileSignature} href={prospectsHref({ contractedFrom: monthStartDay })} />
        <FigureCard label="Closings this month" value={formatCount(o.closings.count)} detail={fees(o.closings.fees)} icon={Handshake} href={prospectsHref({ closedFrom: monthStartDay })} />
        {o.repliesWaiting !== null && (
          <FigureCard label="Replies waiting" value={formatCount(o.repliesWaiting)} detail="Leads who wrote back and have no answer yet" icon={MessageSquareReply} href={outboxHref({ status: "RECEIVED", awaiting: "reply" })} tone={o.repliesWaiting > 0 ? "attention" : "default"} />
        )}
        {o.tasksOverdue !== null && (
          <FigureCard label="Tasks overdue" value={formatCount(o.tasksOverdue)} detail="Open calls past their due time" icon={AlarmClock} href={inboxHref("all")} tone={o.tasksOverdue > 0 ? "attention" : "default"} />
        )}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <StatusBreakdown rows={o.byStatus.map((row) => ({ ...row, href: prospectsHref({ status: [row.status] }) }))} />
        <HottestDeals deals={o.hottest} listHref={prospectsHref({ status: [...OPEN_STATUSES], spreadMin: 1, sort: "spread" })} />
        {o.blockedThisWeek && (
          <BlockedByGate gates={o.blockedThisWeek.map((g) => ({ ...g, href: outboxHref({ status: "BLOCKED", reason: g.gate, from: weekStartDay }) }))} />
        )}
      </div>
    </>
  );
}

async function VaDashboard({ ctx }: { ctx: TenantContext }) {
  const o = await vaOverview(ctx.db, ctx.user.id);
  const row = (task: (typeof o.calls.callNow)[number], opensAt?: Date | null): CallRow => ({
    taskId: task.id,
    href: inboxHref("me", task.id),
    street: task.deal.street,
    city: task.deal.city,
    contactName: task.deal.contactName,
    timeZone: task.deal.timeZone,
    dueAt: task.dueAt.toISOString(),
    ...(opensAt === undefined ? {} : { opensAt: opensAt?.toISOString() ?? null }),
  });
  const mine = inboxHref("me");
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FigureCard label="Calls to make now" value={formatCount(o.calls.callNow.length)} detail="Due, inside the lead's calling hours" icon={PhoneCall} href={mine} />
        <FigureCard label="Waiting for calling hours" value={formatCount(o.calls.waiting.length)} detail="Due, but too early or late for the lead" icon={PhoneOff} href={mine} />
        <FigureCard label="Overdue calls" value={formatCount(o.calls.overdue.length)} detail="Due more than 30 minutes ago" icon={AlarmClock} href={mine} tone={o.calls.overdue.length > 0 ? "attention" : "default"} />
        <FigureCard label="Replies to answer" value={formatCount(o.repliesWaiting)} detail="On your leads" icon={MessageSquareReply} href={outboxHref({ status: "RECEIVED", awaiting: "reply", owner: ctx.user.id })} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <CallList title="Call now" description="Your due calls whose lead may be called right now, oldest first." calls={o.calls.callNow.slice(0, 8).map((t) => row(t))} empty="No call of yours can be made right now." />
        <CallList title="Later today" description="Due calls outside the lead's calling hours: the inbox holds them until the window opens." calls={o.calls.waiting.slice(0, 8).map((w) => row(w.task, w.opensAt))} empty="Every due call of yours is inside its lead's hours." />
        <SlaSummary sla={o.sla} href={mine} />
      </div>
    </>
  );
}

export default async function DashboardPage() {
  const ctx = await requirePage("dashboard:read");
  const localTime = new Intl.DateTimeFormat("en-US", { timeZone: ctx.tenant.timeZone, weekday: "long", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(new Date());
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome back, {ctx.user.name.split(" ")[0]}</h1>
        <p className="text-sm text-muted-foreground">
          {ctx.tenant.name} · {ctx.tenant.country === "CA" ? "Canada" : "United States"} · {localTime} · you are {ROLE_LABELS[ctx.role]}
        </p>
      </div>
      {ctx.role === "va" ? <VaDashboard ctx={ctx} /> : <BusinessDashboard ctx={ctx} />}
    </div>
  );
}
