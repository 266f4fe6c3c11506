import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { LiquiditySnapshot } from "@/lib/buyers/types";

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** The liquidity node of the deal (region, market, property type) with the figures its score comes from. */
export function LiquidityFigures({ liquidity, coldBelow }: { liquidity: LiquiditySnapshot | null; coldBelow: number }) {
  if (!liquidity) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Buyer liquidity</CardTitle>
          <CardDescription>The deal needs a state or province and a market to place it on the liquidity graph. Edit the deal to add them.</CardDescription>
        </CardHeader>
      </Card>
    );
  }
  const cold = liquidity.score < coldBelow;
  const figures: [string, string][] = [
    ["Buyers covering it", String(liquidity.buyerCount)],
    ["Active buyers (90 days)", String(liquidity.activeBuyerCount)],
    ["Response rate", percent(liquidity.avgResponseRate)],
    ["Close rate", percent(liquidity.avgCloseRate)],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Buyer liquidity</CardTitle>
        <CardDescription>
          {liquidity.region} · {liquidity.market} · {liquidity.propertyType}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <p className="text-3xl font-semibold tabular-nums" data-testid="liquidity-score">
          {liquidity.score.toFixed(1)}
          <span className="ml-2 text-sm font-normal text-muted-foreground">{cold ? `cold market (under ${coldBelow})` : "liquid market"}</span>
        </p>
        <dl className="grid grid-cols-2 gap-3 text-sm">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="font-medium tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-muted-foreground">Score = active buyers × 0.5 + response rate × 50 + close rate × 50.</p>
      </CardContent>
    </Card>
  );
}
