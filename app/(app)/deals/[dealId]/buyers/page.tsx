import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BlastForm } from "@/components/blasts/blast-form";
import { DealHeader } from "@/components/deals/deal-header";
import { BestBuyersCard } from "@/components/buyers/best-buyers-card";
import { BuyerMatchList } from "@/components/dispositions/buyer-match-list";
import { DealTabs } from "@/components/dispositions/deal-tabs";
import { DispositionCard } from "@/components/dispositions/disposition-card";
import { LiquidityFigures } from "@/components/dispositions/liquidity-figures";
import { OffersCard } from "@/components/dispositions/offers-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findBuyerMatches } from "@/lib/buyers/candidates";
import { bestBuyersForDeal } from "@/lib/buyers/performance";
import { listSegments } from "@/lib/buyers/segments";
import { getBuyerSettings } from "@/lib/buyers/settings";
import { listDealLinks } from "@/lib/dispositions/links";
import { isDispositionStage } from "@/lib/dispositions/rules";
import { listOffers } from "@/lib/dispositions/service";
import { findDeal } from "@/lib/deals/service";
import { latestMemo } from "@/lib/memo/service";
import { sendBlastAction } from "../blast-actions";
import { advanceDispositionAction, decideOfferAction, recordTeamOfferAction, revokeBuyerLinkAction, updateBuyerTermsAction } from "./actions";

export const metadata: Metadata = { title: "Deal buyers" };

const DEAL_COLUMNS = {
  id: true, street: true, unit: true, city: true, region: true, postalCode: true, country: true, status: true, strategy: true,
  spread: true, spreadRatio: true, mao: true, askingPrice: true, arv: true, repairs: true, assignmentFee: true, dispositionStage: true, assignedBuyerId: true,
  buyerTerms: true, targetClosingDate: true,
} as const;

/** The deal's Buyers tab: liquidity of its node, ranked matches, offers and the disposition stage. */
export default async function DealBuyersPage({ params }: { params: Promise<{ dealId: string }> }) {
  const ctx = await requirePage("deals:read");
  const { dealId } = await params;
  // The scoped client cannot see another tenant's deal (nor a deleted one): both read as unknown, so 404.
  const deal = await findDeal(ctx.db, dealId, DEAL_COLUMNS);
  if (!deal) notFound();
  const [found, offers, links, settings, segments, best] = await Promise.all([
    findBuyerMatches(ctx.db, deal.id, { limit: 50 }),
    listOffers(ctx.db, deal.id),
    listDealLinks(ctx.db, deal.id),
    getBuyerSettings(ctx.db),
    listSegments(ctx.db),
    bestBuyersForDeal(ctx.db, deal),
  ]);
  const memo = await latestMemo(ctx.db, deal.id);
  const canWork = can(ctx.role, "deals:write");
  const stage = isDispositionStage(deal.dispositionStage) ? deal.dispositionStage : null;
  const buyerNames = new Map([...found.matches.map((m) => [m.buyerId, m.buyer.name] as const), ...offers.map((o) => [o.buyerId, o.buyerName] as const)]);
  const assignedBuyerName = deal.assignedBuyerId ? (buyerNames.get(deal.assignedBuyerId) ?? "A removed buyer") : null;
  const now = new Date();

  return (
    <div className="grid gap-6">
      <DealHeader deal={deal} />
      <DealTabs dealId={deal.id} active="buyers" />
      {/* Source order is the phone's reading order: where the deal stands and its offers first, then the buyers to blast. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 content-start gap-6 lg:col-start-2 lg:row-start-1">
          <DispositionCard
            dealId={deal.id}
            stage={stage}
            assignedBuyerName={assignedBuyerName}
            assignmentFee={deal.assignmentFee}
            advance={canWork ? advanceDispositionAction : undefined}
            terms={{ buyerTerms: deal.buyerTerms, targetClosingDate: deal.targetClosingDate?.toISOString().slice(0, 10) ?? null }}
            saveTerms={canWork ? updateBuyerTermsAction : undefined}
          />
          <OffersCard
            dealId={deal.id}
            contractPrice={deal.askingPrice}
            buyers={found.matches.map((m) => ({ id: m.buyerId, name: m.buyer.name }))}
            offers={offers.map((o) => ({ ...o, closingDate: o.closingDate?.toISOString() ?? null, createdAt: o.createdAt.toISOString() }))}
            actions={canWork ? { decide: decideOfferAction, recordOffer: recordTeamOfferAction } : undefined}
          />
          <LiquidityFigures liquidity={found.liquidity} coldBelow={settings.coldLiquidityScore} />
          {best.postalCode && <BestBuyersCard postalCode={best.postalCode} buyers={best.buyers} />}
        </div>
        <div className="grid min-w-0 content-start gap-6 lg:col-start-1 lg:row-start-1">
          <BuyerMatchList dealId={deal.id} matches={found.matches} links={links} now={now} revokeLink={canWork ? revokeBuyerLinkAction : undefined} />
          {can(ctx.role, "messages:send") && (found.matches.length > 0 || segments.length > 0) && (
            <Card>
              <CardHeader>
                <CardTitle>Send a blast</CardTitle>
                <CardDescription>Each buyer gets their own link to this deal&apos;s page; every message goes through the contact rules.</CardDescription>
              </CardHeader>
              <CardContent>
                <BlastForm
                  dealId={deal.id}
                  deal={deal}
                  showStreet={settings.showStreetToBuyers}
                  buyers={found.matches.map((m) => ({
                    id: m.buyerId, name: m.buyer.name, company: m.buyer.company, tier: m.buyer.tier, tierIsNew: m.buyer.tierIsNew,
                    score: m.score, hasPhone: m.buyer.phones.length > 0, hasEmail: m.buyer.emails.length > 0,
                  }))}
                  segments={segments.map((s) => ({ id: s.id, name: s.name }))}
                  liquidityScore={found.liquidity?.score ?? null}
                  coldBelow={settings.coldLiquidityScore}
                  sendBlast={sendBlastAction}
                  memo={memo}
                />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
