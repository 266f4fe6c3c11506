import type { Metadata } from "next";
import { Pencil } from "@/components/ui/icons";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CallButton } from "@/components/calls/call-button";
import { ContactCard } from "@/components/deals/contact-card";
import { DealFieldsCard } from "@/components/deals/deal-fields-card";
import { DealHeader } from "@/components/deals/deal-header";
import { DealLocationCard } from "@/components/deals/deal-location-card";
import { DealNotes } from "@/components/deals/deal-notes";
import { DealTimeline } from "@/components/deals/deal-timeline";
import { DealWorkCard } from "@/components/deals/deal-work-card";
import { DealTabs } from "@/components/dispositions/deal-tabs";
import { DeleteDealButton } from "@/components/deals/delete-deal-button";
import { Button } from "@/components/ui/button";
import { EvidenceList } from "@/components/deals/evidence-list";
import { RawSourceCard } from "@/components/deals/raw-source-card";
import { ContactConsentList } from "@/components/outbound/contact-consent-list";
import { SendMessageForm } from "@/components/outbound/send-message-form";
import { IntentPanel } from "@/components/signals/intent-panel";
import { DealListsQualityCard } from "@/components/quality/quality-flags";
import { DealScoreCard } from "@/components/scoring/score-card";
import { findPendingDraftId } from "@/lib/approvals/pending";
import { explainIntent } from "@/lib/signals/service";
import { listDealFiles } from "@/lib/files";
import { getArea } from "@/lib/market/service";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { isDealStatus } from "@/lib/deals/rules";
import { LadderCard } from "@/components/ladder/ladder-card";
import { getDealLadder } from "@/lib/ladder/view";
import { consentsOfLead } from "@/lib/outbound/consent-api";
import { getDealDetail } from "@/lib/prospects/detail";
import { DealMailSection } from "@/components/mail/deal-mail-section";
import { previewMailPieceAction, sendMailPieceAction } from "../../mail/actions";
import { CALL_ACTIONS } from "../../calls/call-actions";
import { startLadderAction, stopLadderAction } from "./ladder-actions";
import { sendMessageAction } from "./message-actions";
import { addDealNoteAction, assignDealOwnerAction, changeDealStatusAction, deleteDealAction, tagDealAction } from "./work-actions";

export const metadata: Metadata = { title: "Deal" };

export default async function DealPage({ params }: { params: Promise<{ dealId: string }> }) {
  const ctx = await requirePage("deals:read");
  const { dealId } = await params;
  // The scoped client cannot see another tenant's deal (nor a deleted one): both read as unknown, so 404.
  const detail = await getDealDetail(ctx.db, dealId);
  if (!detail) notFound();
  const { deal, fieldGroups, evidence, emails, timeline, notes, members, ownerName } = detail;
  const now = new Date();
  const [ladder, consents, intent, pendingDraftId, area, photos] = await Promise.all([
    getDealLadder(ctx.db, deal.id),
    consentsOfLead(ctx.db, { phone: deal.contactPhone, email: deal.contactEmail }),
    explainIntent(ctx.db, { kind: "lead", dealId: deal.id }, now),
    findPendingDraftId(ctx.db, { kind: "lead", dealId: deal.id }),
    deal.areaCode ? getArea(ctx.db, deal.areaCode) : null,
    listDealFiles(ctx.db, deal.id),
  ]);
  const { timeZone } = ctx.tenant;
  const canWork = can(ctx.role, "deals:write");
  const status = isDealStatus(deal.status) ? deal.status : "NEW";

  return (
    <div className="grid gap-6">
      <DealHeader deal={deal} />
      <DealTabs dealId={deal.id} active="overview" />
      {canWork && (
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" asChild>
            <Link href={`/deals/${deal.id}/edit`}><Pencil className="size-4" aria-hidden /> Edit deal</Link>
          </Button>
          <DeleteDealButton dealId={deal.id} deleteDeal={deleteDealAction} />
        </div>
      )}
      {/* Source order is the phone's reading order: contact and send first, the raw source last. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr]">
        <div className="grid min-w-0 content-start gap-6 lg:col-start-2 lg:row-start-1">
          <ContactCard name={deal.contactName} phone={deal.contactPhone} email={deal.contactEmail} leadTimeZone={deal.timeZone}>
            {deal.contactPhone && can(ctx.role, "calls:make") && <CallButton dealId={deal.id} actions={CALL_ACTIONS} className="w-fit" />}
            {(deal.contactPhone || deal.contactEmail) && <ContactConsentList records={consents} timeZone={timeZone} />}
          </ContactCard>
          {can(ctx.role, "messages:send") && <SendMessageForm dealId={deal.id} phone={deal.contactPhone} email={deal.contactEmail} sendMessage={sendMessageAction} />}
          {can(ctx.role, "mail:send") && <DealMailSection db={ctx.db} deal={deal} userId={ctx.user.id} timeZone={timeZone} actions={{ preview: previewMailPieceAction, send: sendMailPieceAction }} />}
          <DealWorkCard
            deal={{ id: deal.id, status, ownerId: deal.ownerId, tags: deal.tags, statusReason: deal.statusReason }}
            ownerName={ownerName}
            members={members}
            actions={canWork ? { changeStatus: changeDealStatusAction, assignOwner: assignDealOwnerAction, tagDeal: tagDealAction, removeTag: tagDealAction } : undefined}
          />
          <IntentPanel who="seller" score={intent.score} threshold={intent.threshold} signals={intent.contributions} pendingDraftId={pendingDraftId} now={now} />
          <DealScoreCard db={ctx.db} dealId={deal.id} />
          <DealListsQualityCard db={ctx.db} dealId={deal.id} timeZone={timeZone} />
        </div>
        <div className="grid min-w-0 content-start gap-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <DealFieldsCard groups={fieldGroups} />
          <LadderCard
            dealId={deal.id}
            ladder={ladder}
            timeZone={deal.timeZone ?? ctx.tenant.timeZone}
            canRun={canWork}
            actions={{ startLadder: startLadderAction, stopLadder: stopLadderAction }}
          />
          <EvidenceList evidence={evidence} timeZone={timeZone} />
          <RawSourceCard source={deal.source} sourceRef={deal.sourceRef} raw={deal.raw} emails={emails} timeZone={timeZone} />
        </div>
        <div className="grid min-w-0 content-start gap-6 lg:col-start-2 lg:row-start-2">
          <DealLocationCard
            location={{ latitude: deal.latitude, longitude: deal.longitude, locationSource: deal.locationSource, areaCode: deal.areaCode, label: [deal.street, deal.city].filter(Boolean).join(", ") }}
            area={area && { rank: area.rank, headline: area.reasons[0] ?? null, blacklistReason: area.blacklistReason }}
            photos={photos.map((f) => ({ id: f.id, fileName: f.fileName, url: f.url }))}
          />
          <DealNotes dealId={deal.id} notes={notes} timeZone={timeZone} addNote={canWork ? addDealNoteAction : undefined} />
          <DealTimeline entries={timeline} timeZone={timeZone} />
        </div>
      </div>
    </div>
  );
}
