import Link from "next/link";
import type { DirectAction } from "@/components/forms/action-types";
import { TierBadge } from "@/components/buyers/buyer-format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { DealBuyerMatches } from "@/lib/buyers/candidates";
import { ActionButton } from "./action-button";

export interface MatchLink {
  id: string;
  buyerId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  views: number;
}

interface BuyerMatchListProps {
  dealId: string;
  matches: DealBuyerMatches["matches"];
  links: MatchLink[];
  now: Date;
  revokeLink?: DirectAction<{ dealId: string; linkId: string }, { revokedAt: Date }>;
}

function linkState(link: MatchLink | undefined, now: Date): string {
  if (!link) return "No link sent";
  if (link.revokedAt) return "Link revoked";
  if (link.expiresAt <= now) return "Link expired";
  return `Link live until ${link.expiresAt.toISOString().slice(0, 10)} · ${link.views} view${link.views === 1 ? "" : "s"}`;
}

/** The buyers whose buy box admits the deal, best first, each with the reasons and points of its rank. */
export function BuyerMatchList({ dealId, matches, links, now, revokeLink }: BuyerMatchListProps) {
  const linkOf = new Map(links.map((l) => [l.buyerId, l]));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Matched buyers</CardTitle>
        <CardDescription>{matches.length === 0 ? "No buyer's buy box admits this deal yet." : `${matches.length} buyer${matches.length === 1 ? "" : "s"} whose buy box admits this deal, best first.`}</CardDescription>
      </CardHeader>
      <CardContent>
        {matches.length === 0 ? (
          <EmptyState
            title="No matching buyers"
            description="A buyer matches when the deal's ZIP or market is in their buy box and the price, type and rehab fit. Add buyers or widen a buy box."
            action={<Link className="text-sm font-medium underline" href="/buyers/new">Add a buyer</Link>}
          />
        ) : (
          <ol className="grid gap-3" aria-label="Matched buyers">
            {matches.map((match, index) => {
              const link = linkOf.get(match.buyerId);
              const live = link && !link.revokedAt && link.expiresAt > now;
              return (
                <li key={match.buyerId} className="grid gap-2 rounded-lg border p-3" data-testid="buyer-match">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="text-sm text-muted-foreground tabular-nums">{index + 1}.</span>
                      <Link href={`/buyers/${match.buyerId}`} className="font-medium underline-offset-4 hover:underline">{match.buyer.name}</Link>
                      {match.buyer.company && <span className="text-sm text-muted-foreground">{match.buyer.company}</span>}
                      <TierBadge tier={match.buyer.tier} isNew={match.buyer.tierIsNew} />
                    </div>
                    <span className="text-sm font-semibold tabular-nums">{match.score} pts</span>
                  </div>
                  <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground" aria-label={`Why ${match.buyer.name} matches`}>
                    {match.reasons.map((reason) => (
                      <li key={reason.code}>
                        {/* Labels may already carry their points ("ZIP 77002 in buy box +30"). */}
                        {reason.label.endsWith(`+${reason.points}`) ? reason.label : `${reason.label} +${reason.points}`}
                      </li>
                    ))}
                  </ul>
                  <div className="flex flex-wrap items-center justify-between gap-2 text-xs">
                    <span className="text-muted-foreground">{linkState(link, now)}</span>
                    {live && revokeLink && (
                      <ActionButton
                        action={revokeLink}
                        input={{ dealId, linkId: link.id }}
                        label="Revoke link"
                        pendingLabel="Revoking..."
                        done="Link revoked: the buyer's page now answers that it is gone"
                        ariaLabel={`Revoke the link of ${match.buyer.name}`}
                      />
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
