import type { Metadata } from "next";
import { ChartCard } from "@/components/analytics/chart-card";
import { FunnelChart } from "@/components/analytics/funnel-chart";
import { IntakeChart } from "@/components/analytics/intake-chart";
import { MarketsChart } from "@/components/analytics/markets-chart";
import { SpreadHistogram } from "@/components/analytics/spread-histogram";
import { formatCount, formatPercent } from "@/components/prospects/format";
import { requirePage } from "@/lib/auth/session";
import { prospectAnalytics } from "@/lib/prospects/analytics";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const ctx = await requirePage("analytics:read");
  const { timeZone } = ctx.tenant;
  const { funnel, intake, spreads, markets } = await prospectAnalytics(ctx.db, { timeZone });
  const intakeTotal = intake.reduce((sum, d) => sum + d.total, 0);
  const underwritten = spreads.buckets.reduce((sum, b) => sum + b.count, 0);

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Analytics</h1>
        <p className="text-sm text-muted-foreground">
          {formatCount(funnel.total)} deals in this workspace. Days are counted in {timeZone}.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          title="Pipeline"
          description="Deals at each stage, in pipeline order."
          empty={funnel.total === 0}
          emptyText="Deals appear here once they are imported or received."
          footer={<>Dead: <span className="font-medium text-foreground">{formatCount(funnel.dead)}</span>{funnel.total > 0 && ` (${formatPercent(funnel.dead / funnel.total)} of all deals), not shown in the pipeline.`}</>}
        >
          <FunnelChart data={funnel.pipeline} />
        </ChartCard>
        <ChartCard
          title="Spread distribution"
          description="Underwritten deals by spread (MAO minus asking price)."
          empty={underwritten === 0}
          emptyText="No deal has been underwritten yet: underwriting needs an ARV, an asking price and an enabled offer policy."
          footer={`${formatCount(spreads.notUnderwritten)} deal(s) without a spread yet are left out.`}
        >
          <SpreadHistogram data={spreads.buckets} />
        </ChartCard>
        <ChartCard
          title="Intake, last 30 days"
          description={`Deals received per day by source (${timeZone}).`}
          empty={intakeTotal === 0}
          emptyText="No deals received in the last 30 days."
          footer={`${formatCount(intakeTotal)} deal(s) in 30 days.`}
          className="lg:col-span-2"
        >
          <IntakeChart data={intake} />
        </ChartCard>
        <ChartCard
          title="Top markets"
          description="The 15 markets with the most deals."
          empty={markets.length === 0}
          emptyText="No deal has a market yet: markets are derived from postal codes."
          className="lg:col-span-2"
        >
          <MarketsChart data={markets} />
        </ChartCard>
      </div>
    </div>
  );
}
