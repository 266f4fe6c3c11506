import type { Metadata } from "next";
import { ChartCard } from "@/components/analytics/chart-card";
import { FunnelChart } from "@/components/analytics/funnel-chart";
import { IntakeChart } from "@/components/analytics/intake-chart";
import { MarketsChart } from "@/components/analytics/markets-chart";
import { SpreadHistogram } from "@/components/analytics/spread-histogram";
import { AreaVelocityChart } from "@/components/analytics/area-velocity-chart";
import { RankDistributionChart } from "@/components/analytics/rank-distribution-chart";
import { RankedAreas } from "@/components/analytics/ranked-areas";
import { VelocityTable } from "@/components/analytics/velocity-table";
import { formatCount, formatPercent } from "@/components/prospects/format";
import { requirePage } from "@/lib/auth/session";
import { prospectAnalytics } from "@/lib/prospects/analytics";
import { marketAnalytics, RANKED_LIST_SIZE, VELOCITY_WEEKS } from "@/lib/market/analytics";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const ctx = await requirePage("analytics:read");
  const { timeZone } = ctx.tenant;
  const [{ funnel, intake, spreads, markets }, market] = await Promise.all([prospectAnalytics(ctx.db, { timeZone }), marketAnalytics(ctx.db, { now: new Date() })]);
  const areaCount = Object.values(market.totals).reduce((sum, n) => sum + n, 0);
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
      <section aria-labelledby="market-intel" className="grid gap-6">
        <div>
          <h2 id="market-intel" className="text-xl font-semibold tracking-tight">Market intel</h2>
          <p className="text-sm text-muted-foreground">
            {areaCount === 0
              ? "No postal area has been ranked yet."
              : `${formatCount(areaCount)} postal areas: ${formatCount(market.totals.HOT)} hot, ${formatCount(market.totals.NORMAL)} normal, ${formatCount(market.totals.COLD)} cold, ${formatCount(market.totals.BLACKLIST)} blacklisted.`}
          </p>
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <ChartCard
            title="Velocity of the leading areas"
            description={`New deals per week over ${VELOCITY_WEEKS} weeks in the hottest areas.`}
            empty={market.velocity.length === 0}
            emptyText="Areas appear once deals with a postal code arrive and the market-intel engine has ranked them."
            className="lg:col-span-2"
          >
            <AreaVelocityChart weeks={market.weeks} series={market.velocity} />
            <VelocityTable weeks={market.weeks} series={market.velocity} />
          </ChartCard>
          <ChartCard
            title="Hot areas"
            description={`The ${RANKED_LIST_SIZE} hottest postal areas, most deals in 4 weeks first.`}
            empty={market.hot.length === 0}
            emptyText="No area is hot: an area turns hot when its deals in 4 weeks outpace its 12-week rate (Settings, Market intel)."
          >
            <RankedAreas areas={market.hot} label="Hot areas" />
          </ChartCard>
          <ChartCard
            title="Cold areas"
            description={`The ${RANKED_LIST_SIZE} coldest postal areas, fewest deals in 12 weeks first.`}
            empty={market.cold.length === 0}
            emptyText="No area is cold."
          >
            <RankedAreas areas={market.cold} label="Cold areas" />
          </ChartCard>
          <ChartCard
            title="Ranks by market"
            description="Postal areas of each rank in the markets with the most areas."
            empty={market.ranksByMarket.length === 0}
            emptyText="Markets appear once their areas are ranked."
            className="lg:col-span-2"
          >
            <RankDistributionChart data={market.ranksByMarket} />
          </ChartCard>
        </div>
      </section>
    </div>
  );
}
