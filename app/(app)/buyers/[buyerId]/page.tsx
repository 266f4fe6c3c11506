import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge, TierBadge } from "@/components/buyers/buyer-format";
import { BuyerForm, type BuyerFormValues } from "@/components/buyers/buyer-form";
import { BuyerSummary } from "@/components/buyers/buyer-summary";
import { DeleteBuyerButton } from "@/components/buyers/delete-buyer-button";
import { BuyerTimeline } from "@/components/buyers/buyer-timeline";
import { formatDate, zoneAbbreviation } from "@/components/prospects/format";
import { IntentPanel } from "@/components/signals/intent-panel";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { findPendingDraftId } from "@/lib/approvals/pending";
import { explainIntent } from "@/lib/signals/service";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { getBuyerTimeline } from "@/lib/buyers/timeline";
import { isExpectedError } from "@/lib/errors";
import { getBuyer } from "@/lib/buyers/service";
import { listMembers } from "@/lib/tenants/members";
import { deleteBuyerAction, updateBuyerAction } from "../actions";

export const metadata: Metadata = { title: "Buyer" };

export default async function BuyerPage({ params }: { params: Promise<{ buyerId: string }> }) {
  const ctx = await requirePage("buyers:read");
  const { buyerId } = await params;
  const buyer = await getBuyer(ctx.db, buyerId).catch((error: unknown) => {
    if (isExpectedError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const now = new Date();
  const [timeline, members, intent, pendingDraftId] = await Promise.all([
    getBuyerTimeline(ctx.db, buyer.id),
    listMembers(ctx.db),
    explainIntent(ctx.db, { kind: "buyer", buyerId: buyer.id }, now),
    findPendingDraftId(ctx.db, { kind: "buyer", buyerId: buyer.id }),
  ]);
  const { timeZone } = ctx.tenant;
  const canWrite = can(ctx.role, "buyers:write");
  const ownerMember = buyer.ownerId ? members.find((m) => m.userId === buyer.ownerId) : undefined;
  const owner = buyer.ownerId ? (ownerMember ? (ownerMember.name ?? ownerMember.email) : "Former member") : null;
  const values: BuyerFormValues = {
    ...buyer,
    proofOfFundsVerifiedAt: buyer.proofOfFundsVerifiedAt ? buyer.proofOfFundsVerifiedAt.toISOString().slice(0, 10) : null,
  };
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href="/buyers" className="text-sm text-muted-foreground hover:underline">Buyers</Link>
          <h1 className="break-words text-2xl font-semibold tracking-tight">{buyer.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <TierBadge tier={buyer.tier} isNew={buyer.tierIsNew} />
            <StatusBadge status={buyer.status} />
            {buyer.company && <span>{buyer.company}</span>}
            <span>Last activity: {buyer.lastActivityAt ? formatDate(buyer.lastActivityAt, timeZone) : "none yet"}</span>
            {buyer.timeZone && <span>Contacted in {buyer.timeZone.replaceAll("_", " ")} time</span>}
          </div>
        </div>
        {canWrite && <DeleteBuyerButton buyerId={buyer.id} buyerName={buyer.name} deleteBuyer={deleteBuyerAction} />}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader><CardTitle><h2>Buyer and buy box</h2></CardTitle></CardHeader>
          <CardContent>
            {canWrite ? (
              <BuyerForm buyer={values} members={members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }))} save={updateBuyerAction} />
            ) : (
              <>
                <p className="mb-4 text-sm text-muted-foreground">Your role can view buyers but not edit them.</p>
                <BuyerSummary buyer={buyer} ownerName={owner} timeZone={timeZone} />
              </>
            )}
          </CardContent>
        </Card>
        <div className="grid min-w-0 content-start gap-6">
          <IntentPanel who="buyer" score={intent.score} threshold={intent.threshold} signals={intent.contributions} pendingDraftId={pendingDraftId} now={now} />
          <Card>
            <CardHeader><CardTitle><h2>History</h2></CardTitle></CardHeader>
            <CardContent><BuyerTimeline entries={timeline} timeZone={timeZone} zoneLabel={zoneAbbreviation(timeZone)} /></CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
