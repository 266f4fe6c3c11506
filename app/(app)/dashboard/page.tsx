import { Activity, Clock, MailPlus, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ActivityBars } from "@/components/dashboard/activity-bars";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ROLE_LABELS, ROLES, can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { dashboardOverview } from "@/lib/dashboard/overview";

export const metadata: Metadata = { title: "Dashboard" };

function Stat({ label, value, icon: Icon, href }: { label: string; value: string; icon: typeof Users; href?: string }) {
  const body = (
    <Card className="h-full transition-colors hover:bg-accent/40">
      <CardContent className="flex items-center gap-4">
        <span className="flex size-10 items-center justify-center rounded-md bg-primary/10 text-primary"><Icon className="size-5" aria-hidden /></span>
        <div>
          <p className="text-2xl font-semibold tabular-nums">{value}</p>
          <p className="text-sm text-muted-foreground">{label}</p>
        </div>
      </CardContent>
    </Card>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}

export default async function DashboardPage() {
  const ctx = await requirePage("dashboard:read");
  const seesActivity = can(ctx.role, "audit:read");
  const overview = await dashboardOverview(ctx.db, { includeActivity: seesActivity });
  const localTime = new Intl.DateTimeFormat("en-US", { timeZone: ctx.tenant.timeZone, weekday: "long", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(new Date());
  const weekChanges = overview.activity.slice(-7).reduce((s, d) => s + d.count, 0);

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome back, {ctx.user.name.split(" ")[0]}</h1>
        <p className="text-sm text-muted-foreground">
          {ctx.tenant.name} · {ctx.tenant.country === "CA" ? "Canada" : "United States"} · {localTime} · you are {ROLE_LABELS[ctx.role]}
        </p>
      </div>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Members" value={String(overview.memberCount)} icon={Users} href={can(ctx.role, "members:read") ? "/settings/members" : undefined} />
        <Stat label="Pending invitations" value={String(overview.pendingInvitations)} icon={MailPlus} href={can(ctx.role, "members:read") ? "/settings/members" : undefined} />
        {seesActivity && <Stat label="Changes in 7 days" value={String(weekChanges)} icon={Activity} href="/audit" />}
        <Stat label="Workspace time zone" value={ctx.tenant.timeZone.split("/").pop()!.replaceAll("_", " ")} icon={Clock} />
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        {seesActivity && (
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>Activity</CardTitle>
              <CardDescription>Changes recorded in the audit log, per day.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-6">
              <ActivityBars data={overview.activity} />
              {overview.recent.length === 0 ? (
                <EmptyState icon={Activity} title="No activity yet" description="Invite a teammate or update the workspace profile to see changes here." />
              ) : (
                <ul className="divide-y text-sm">
                  {overview.recent.map((event) => (
                    <li key={event.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span><Badge variant="secondary" className="mr-2 font-mono">{event.action}</Badge>{event.actorEmail ?? "system"}</span>
                      <time className="text-xs text-muted-foreground" dateTime={event.createdAt.toISOString()}>
                        {event.createdAt.toLocaleString("en-CA", { timeZone: ctx.tenant.timeZone, timeZoneName: "short" })}
                      </time>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        )}
        <Card className={seesActivity ? "" : "lg:col-span-3"}>
          <CardHeader>
            <CardTitle>Team</CardTitle>
            <CardDescription>Members by role.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2 text-sm">
              {ROLES.map((role) => (
                <li key={role} className="flex items-center justify-between">
                  <span>{ROLE_LABELS[role]}</span>
                  <span className="tabular-nums text-muted-foreground">{overview.membersByRole[role] ?? 0}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
