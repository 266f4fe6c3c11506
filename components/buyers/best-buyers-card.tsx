import Link from "next/link";
import { TierBadge } from "./buyer-format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export interface BestBuyerView {
  buyerId: string;
  name: string;
  company: string | null;
  tier: string;
  tierIsNew: boolean;
  purchases: number;
  responses: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Best buyers in 62704": who buys and answers in this ZIP or FSA, tier first. Shown on the
 * deal's Buyers tab and above a buyer list filtered by one postal code.
 */
export function BestBuyersCard({ postalCode, buyers }: { postalCode: string; buyers: BestBuyerView[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Best buyers in {postalCode}</CardTitle>
        <CardDescription>Ranked by tier, then purchases and responses in {postalCode} over the last 180 days.</CardDescription>
      </CardHeader>
      <CardContent>
        {buyers.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="best-buyers-empty">
            No buyer has bought or answered in {postalCode} yet, and no active buyer&apos;s buy box names it. Add {postalCode} to a buy box, or blast the matches to start a record.
          </p>
        ) : (
          <ol className="grid gap-2 text-sm" aria-label={`Best buyers in ${postalCode}`}>
            {buyers.map((b) => (
              <li key={b.buyerId} className="flex flex-wrap items-center justify-between gap-2" data-testid="best-buyer">
                <span className="min-w-0">
                  <Link href={`/buyers/${b.buyerId}`} className="font-medium underline-offset-4 hover:underline">{b.name}</Link>
                  {b.company && <span className="text-muted-foreground"> · {b.company}</span>}
                </span>
                <span className="flex items-center gap-2 text-muted-foreground tabular-nums">
                  <TierBadge tier={b.tier} isNew={b.tierIsNew} />
                  {count(b.purchases, "purchase", "purchases")} · {count(b.responses, "response", "responses")}
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
