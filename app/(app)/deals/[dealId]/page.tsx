import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactCard } from "@/components/deals/contact-card";
import { DealFieldsCard } from "@/components/deals/deal-fields-card";
import { DealHeader } from "@/components/deals/deal-header";
import { DealTimeline } from "@/components/deals/deal-timeline";
import { EvidenceList } from "@/components/deals/evidence-list";
import { RawSourceCard } from "@/components/deals/raw-source-card";
import { SendMessageForm } from "@/components/outbound/send-message-form";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { LadderCard } from "@/components/ladder/ladder-card";
import { getDealLadder } from "@/lib/ladder/view";
import { getDealDetail } from "@/lib/prospects/detail";
import { startLadderAction, stopLadderAction } from "./ladder-actions";
import { sendMessageAction } from "./message-actions";

export const metadata: Metadata = { title: "Deal" };

export default async function DealPage({ params }: { params: Promise<{ dealId: string }> }) {
  const ctx = await requirePage("deals:read");
  const { dealId } = await params;
  // The scoped client cannot see another tenant's deal: it reads as unknown, so both 404.
  const detail = await getDealDetail(ctx.db, dealId);
  if (!detail) notFound();
  const { deal, fieldGroups, evidence, emails, timeline } = detail;
  const ladder = await getDealLadder(ctx.db, deal.id);
  const { timeZone } = ctx.tenant;

  return (
    <div className="grid gap-6">
      <DealHeader deal={deal} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid min-w-0 content-start gap-6">
          <DealFieldsCard groups={fieldGroups} />
          <LadderCard
            dealId={deal.id}
            ladder={ladder}
            timeZone={deal.timeZone ?? ctx.tenant.timeZone}
            canRun={can(ctx.role, "deals:write")}
            actions={{ startLadder: startLadderAction, stopLadder: stopLadderAction }}
          />
          <EvidenceList evidence={evidence} timeZone={timeZone} />
          <RawSourceCard source={deal.source} sourceRef={deal.sourceRef} raw={deal.raw} emails={emails} timeZone={timeZone} />
        </div>
        <div className="grid min-w-0 content-start gap-6">
          <ContactCard name={deal.contactName} phone={deal.contactPhone} email={deal.contactEmail} leadTimeZone={deal.timeZone} />
          {can(ctx.role, "messages:send") && <SendMessageForm dealId={deal.id} phone={deal.contactPhone} email={deal.contactEmail} sendMessage={sendMessageAction} />}
          <DealTimeline entries={timeline} timeZone={timeZone} />
        </div>
      </div>
    </div>
  );
}
