import type { Metadata } from "next";
import Link from "next/link";
import { KpiChart } from "@/components/kpi/kpi-chart";
import { KpiControls } from "@/components/kpi/kpi-controls";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { KpiRange, kpiSeries } from "@/lib/kpi/series";
import { liftThrottleAction, setAutoThrottleAction } from "./actions";

export const metadata: Metadata = { title: "KPIs" };
export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function KpisPage({ searchParams }: PageProps) {
  const ctx = await requirePage("engines:read");
  const query = KpiRange.parse(await searchParams);
  const view = await kpiSeries(ctx.db, query);
  const canManage = can(ctx.role, "engines:manage");
  return (
    <div className="grid min-w-0 gap-6">
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">KPIs</h1>
        <p className="text-sm text-muted-foreground">
          Each KPI per hour (UTC) against its baseline band: the same hour over the previous 7 days, mean ± 3 spreads. The tripwire checks the last hour every 5 minutes and alerts owners and admins (and Discord) once per KPI per hour.
        </p>
        <nav aria-label="Time range" className="flex gap-2 text-sm">
          {(["24h", "7d"] as const).map((range) => (
            <Link key={range} href={`/kpis?range=${range}`} aria-current={view.range === range ? "page" : undefined}
              className={view.range === range ? "rounded-md bg-primary px-3 py-1 text-primary-foreground" : "rounded-md border px-3 py-1 hover:bg-muted"}>
              Last {range === "24h" ? "24 hours" : "7 days"}
            </Link>
          ))}
        </nav>
      </div>
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2} className="flex flex-wrap items-center gap-2">
            Outbound {view.throttle ? <Badge variant="destructive">throttled</Badge> : <Badge variant="success">normal</Badge>}
          </CardTitle>
          <CardDescription>
            {view.throttle
              ? `Throttled since ${view.throttle.engagedAt.toISOString().slice(0, 16).replace("T", " ")} UTC: daily caps are cut to a tenth until the KPIs clear. ${view.throttle.reason}`
              : "With auto-throttle on, a KPI breach cuts the daily message caps to a tenth until every KPI is back inside its band, or an admin lifts it."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <KpiControls autoThrottle={view.autoThrottle} throttled={Boolean(view.throttle)} canManage={canManage}
            setAutoThrottle={setAutoThrottleAction} liftThrottle={liftThrottleAction} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>Alerts</CardTitle>
          <CardDescription>Raised in this span, newest first.</CardDescription>
        </CardHeader>
        <CardContent>
          {view.alerts.length === 0 ? (
            <p className="text-sm text-muted-foreground">No alerts: every KPI stayed inside its band.</p>
          ) : (
            <ul aria-label="KPI alerts" className="grid gap-3 text-sm">
              {view.alerts.map((alert) => (
                <li key={alert.id} className="break-words">
                  <span className="font-medium">{alert.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</span> — {alert.message}
                  {alert.throttled ? " Outbound was throttled." : ""}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      {view.series.length === 0 ? (
        <EmptyState title="No KPI data in this span" description="KPIs appear as leads come in and messages go out. Import a CSV or start a ladder, then come back." />
      ) : (
        <div className="grid min-w-0 gap-4 lg:grid-cols-2">
          {view.series.map((series) => (
            <Card key={series.key} className="min-w-0" data-testid={`kpi-${series.key}`}>
              <CardHeader>
                <CardTitle role="heading" aria-level={2} className="flex flex-wrap items-center gap-2 text-base">
                  {series.label}
                  {series.alerts > 0 && <Badge variant="destructive">{series.alerts} alert(s)</Badge>}
                </CardTitle>
              </CardHeader>
              <CardContent className="min-w-0">
                <KpiChart series={series} range={view.range} />
              </CardContent>
            </Card>
          ))}
        </div>
      )}
      {view.neverHappened.length > 0 && <p className="text-sm text-muted-foreground">At 0% throughout this span: {view.neverHappened.join(", ")}.</p>}
      {view.unmeasured.length > 0 && <p className="text-sm text-muted-foreground">Nothing to measure in this span: {view.unmeasured.join(", ")}.</p>}
    </div>
  );
}
