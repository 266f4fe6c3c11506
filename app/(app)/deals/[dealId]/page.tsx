import type { Metadata } from "next";
import { Pencil } from "@/components/ui/icons";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactCard } from "@/components/deals/contact-card";
import { DealFieldsCard } from "@/components/deals/deal-fields-card";
import { DealHeader } from "@/components/deals/deal-header";
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
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { isDealStatus } from "@/lib/deals/rules";
import { LadderCard } from "@/components/ladder/ladder-card";
import { getDealLadder } from "@/lib/ladder/view";
import { consentsOfLead } from "@/lib/outbound/consent-api";
import { getDealDetail } from "@/lib/prospects/detail";
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
  const [ladder, consents] = await Promise.all([getDealLadder(ctx.db, deal.id), consentsOfLead(ctx.db, { phone: deal.contactPhone, email: deal.contactEmail })]);
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
            {(deal.contactPhone || deal.contactEmail) && <ContactConsentList records={consents} timeZone={timeZone} />}
          </ContactCard>
          {can(ctx.role, "messages:send") && <SendMessageForm dealId={deal.id} phone={deal.contactPhone} email={deal.contactEmail} sendMessage={sendMessageAction} />}
          <DealWorkCard
            deal={{ id: deal.id, status, ownerId: deal.ownerId, tags: deal.tags, statusReason: deal.statusReason }}
            ownerName={ownerName}
            members={members}
            actions={canWork ? { changeStatus: changeDealStatusAction, assignOwner: assignDealOwnerAction, tagDeal: tagDealAction, removeTag: tagDealAction } : undefined}
          />
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
          <DealNotes dealId={deal.id} notes={notes} timeZone={timeZone} addNote={canWork ? addDealNoteAction : undefined} />
          <DealTimeline entries={timeline} timeZone={timeZone} />
        </div>
      </div>
    </div>
  );
}
