import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompsTable } from "@/components/comps/comps-table";
import { FetchProviderCompsButton, UseCompsArvButton } from "@/components/comps/use-comps-arv-button";
import { DealHeader } from "@/components/deals/deal-header";
import { EvidenceList } from "@/components/deals/evidence-list";
import { DealTabs } from "@/components/dispositions/deal-tabs";
import { DealMiniMap } from "@/components/market/deal-mini-map";
import { formatMoney } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { COMP_RULES, EXCLUSION_LABELS, positionOf } from "@/lib/comps/rules";
import { compsForDeal } from "@/lib/comps/service";
import { findDeal } from "@/lib/deals/service";
import { compsProviderFor } from "@/lib/providers/comps";
import { listDealEvidence } from "@/lib/comps/evidence";
import { fetchProviderCompsAction, useCompsArvAction } from "./actions";

export const metadata: Metadata = { title: "Deal comps" };

const DEAL_COLUMNS = {
  id: true, street: true, unit: true, city: true, region: true, postalCode: true, country: true, status: true, strategy: true,
  spread: true, spreadRatio: true, mao: true, askingPrice: true, arv: true, arvSource: true, recommendedOffer: true, sqft: true, beds: true, propertyType: true,
} as const;

const CONFIDENCE_TONE = { high: "success", medium: "secondary", low: "outline" } as const;

/** The deal's Comps tab: the comparable sales behind an ARV estimate, and "Use this ARV". */
export default async function DealCompsPage({ params }: { params: Promise<{ dealId: string }> }) {
  const ctx = await requirePage("deals:read");
  const { dealId } = await params;
  const deal = await findDeal(ctx.db, dealId, DEAL_COLUMNS);
  if (!deal) notFound();
  const [found, evidence, provider] = await Promise.all([compsForDeal(ctx.db, deal.id), listDealEvidence(ctx.db, deal.id, 3), compsProviderFor(ctx.db)]);
  if (!found) notFound();
  const { subject, estimate } = found;
  const canPrice = can(ctx.role, "comps:write") && can(ctx.role, "deals:write");
  const at = positionOf(subject);
  const label = [deal.street, deal.city].filter(Boolean).join(", ") || "The property";
  const excluded = Object.entries(estimate.excluded).filter(([, n]) => n > 0);

  return (
    <div className="grid gap-6">
      <DealHeader deal={deal} />
      <DealTabs dealId={deal.id} active="comps" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 content-start gap-6 lg:col-start-2 lg:row-start-1">
          <Card>
            <CardHeader>
              <CardTitle>ARV from comps</CardTitle>
              <CardDescription>Median price per square foot of the comps × this property&apos;s {subject.sqft ? `${subject.sqft.toLocaleString("en-US")} sqft` : "square feet"}.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              {estimate.arv === null ? (
                <p className="text-sm text-muted-foreground">
                  {!subject.sqft
                    ? "No estimate: the deal has no square feet. Edit the deal to add them; comps price a home per square foot."
                    : "No estimate yet: no sold comparable fits this deal. Import sold comps near it (Import CSV → Sold comps) or close deals nearby."}
                </p>
              ) : (
                <>
                  <dl className="grid grid-cols-2 gap-3 text-sm">
                    <div className="col-span-2">
                      <dt className="text-xs text-muted-foreground">Suggested ARV</dt>
                      <dd className="text-2xl font-semibold tabular-nums" data-testid="suggested-arv">{formatMoney(estimate.arv)}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-muted-foreground">Range</dt>
                      <dd className="tabular-nums">{formatMoney(estimate.low)} – {formatMoney(estimate.high)}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-muted-foreground">Confidence</dt>
                      <dd><Badge variant={CONFIDENCE_TONE[estimate.confidence]}>{estimate.confidence}</Badge></dd>
                    </div>
                    <div>
                      <dt className="text-xs text-muted-foreground">Current ARV</dt>
                      <dd className="tabular-nums">{formatMoney(deal.arv)}{deal.arvSource === "comps" ? " (from comps)" : deal.arv !== null ? " (entered)" : ""}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-muted-foreground">Recommended offer</dt>
                      <dd className="tabular-nums">{formatMoney(deal.recommendedOffer)}</dd>
                    </div>
                  </dl>
                  {canPrice && <UseCompsArvButton dealId={deal.id} arv={estimate.arv} applyArv={useCompsArvAction} />}
                </>
              )}
              {canPrice && provider && <FetchProviderCompsButton dealId={deal.id} fetchComps={fetchProviderCompsAction} />}
            </CardContent>
          </Card>
          {at && (
            <DealMiniMap
              latitude={at.latitude}
              longitude={at.longitude}
              label={label}
              comps={estimate.comps.flatMap((c) => {
                const where = positionOf(c);
                return where ? [{ ...where, label: c.street ?? "Sale" }] : [];
              })}
            />
          )}
        </div>
        <div className="grid min-w-0 content-start gap-6 lg:col-start-1 lg:row-start-1">
          <Card>
            <CardHeader>
              <CardTitle>Comparable sales</CardTitle>
              <CardDescription>
                {`Up to ${COMP_RULES.maxComps} sales within ${COMP_RULES.maxDistanceKm} km, sold in the last ${estimate.windowMonths} months${estimate.windowMonths > COMP_RULES.recentMonths ? " (widened: fewer than 3 in 12 months)" : ""}, ${subject.propertyType ? `${subject.propertyType} like this one` : "of any type"}, within 20 % of its size and 1 bedroom.`}
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              {estimate.comps.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  No comparable sales yet. <Link href="/deals/import?kind=comps" className="underline">Import a sold-comps CSV</Link>; the workspace&apos;s closed deals count too.
                </p>
              ) : (
                <CompsTable comps={estimate.comps} />
              )}
              {excluded.length > 0 && (
                <p className="text-xs text-muted-foreground" data-testid="comps-excluded">
                  Left out: {excluded.map(([reason, n]) => `${n} ${EXCLUSION_LABELS[reason as keyof typeof EXCLUSION_LABELS] ?? reason}`).join(", ")}.
                </p>
              )}
            </CardContent>
          </Card>
          <EvidenceList evidence={evidence} timeZone={ctx.tenant.timeZone} />
        </div>
      </div>
    </div>
  );
}
