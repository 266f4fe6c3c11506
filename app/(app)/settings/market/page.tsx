import type { Metadata } from "next";
import Link from "next/link";
import { ThresholdsForm } from "@/components/market-settings/thresholds-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount } from "@/components/prospects/format";
import { requirePage } from "@/lib/auth/session";
import { rankCounts } from "@/lib/market/analytics";
import { getMarketSettings } from "@/lib/market/service";
import { MARKET_RANKS, RANK_LABELS } from "@/lib/market/types";
import { saveMarketSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Market intel" };
export const dynamic = "force-dynamic";

export default async function MarketSettingsPage() {
  const ctx = await requirePage("market:settings");
  const [thresholds, counts] = await Promise.all([getMarketSettings(ctx.db), rankCounts(ctx.db)]);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Market intel</h1>
        <p className="text-sm text-muted-foreground">
          How postal areas (US ZIPs, Canadian FSAs) are ranked hot, normal or cold from this workspace&apos;s own deals, messages and offers. Saving ranks every area again; changes are recorded in the audit log. Blacklisting is done per area on the <Link href="/market" className="underline underline-offset-4">Market map</Link>.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Areas now</CardTitle>
          <CardDescription>Postal areas of each rank under the thresholds below.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {MARKET_RANKS.map((rank) => (
              <div key={rank}>
                <dt className="text-sm text-muted-foreground">{RANK_LABELS[rank]}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{formatCount(counts[rank])}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Rank thresholds</CardTitle>
          <CardDescription>
            An area is hot when it meets every hot threshold, else cold when it meets any cold one, else normal. A blacklisted area stays blacklisted whatever its figures.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ThresholdsForm thresholds={thresholds} saveThresholds={saveMarketSettingsAction} />
        </CardContent>
      </Card>
    </div>
  );
}
