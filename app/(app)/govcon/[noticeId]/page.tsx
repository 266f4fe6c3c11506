import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AwardsPanel } from "@/components/govcon/awards-panel";
import { FitBadge, OpportunityStatusBadge } from "@/components/govcon/opportunity-badges";
import { OpportunityNotes } from "@/components/govcon/opportunity-notes";
import { AmendmentHistory, Attachments, FitReasons, NoticeFields, PointsOfContact, type DateWriter } from "@/components/govcon/opportunity-sections";
import { OpportunityStatusPanel } from "@/components/govcon/opportunity-status-panel";
import { formatDateTime, zoneAbbreviation } from "@/components/prospects/format";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
import { awardsForOpportunity } from "@/lib/govcon/awards";
import { getOpportunityDetail, type OpportunityDetail } from "@/lib/govcon/opportunities";
import { deadlineRunway, describeRunway } from "@/lib/govcon/pipeline";
import { loadGovConProfile } from "@/lib/govcon/profile";
import { htmlToText } from "@/lib/intake/email/html";
import { addOpportunityNoteAction, setOpportunityStatusAction } from "../actions";

type Params = Promise<{ noticeId: string }>;

export const metadata: Metadata = { title: "Opportunity" };

async function loadDetail(db: Parameters<typeof getOpportunityDetail>[0], noticeId: string): Promise<OpportunityDetail> {
  try {
    return await getOpportunityDetail(db, noticeId);
  } catch (error) {
    if (isExpectedError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

function Section({ title, description, children, id }: { title: string; description?: React.ReactNode; children: React.ReactNode; id: string }) {
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <h2 id={id} className="leading-none font-semibold">{title}</h2>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** SAM.gov descriptions arrive as HTML or as text; either is shown as text. */
function descriptionText(description: string): string {
  return /<[a-z][^>]*>/i.test(description) ? htmlToText(description).trim() : description.trim();
}

export default async function OpportunityPage({ params }: { params: Params }) {
  const ctx = await requirePage("govcon:read");
  const { noticeId } = await params;
  const opportunity = await loadDetail(ctx.db, decodeURIComponent(noticeId));
  const [awards, profile] = await Promise.all([awardsForOpportunity(ctx.db, opportunity.id), loadGovConProfile(ctx.db)]);
  const now = new Date();
  const { timeZone } = ctx.tenant;
  const zone = zoneAbbreviation(timeZone, now);
  const dates: DateWriter = { at: (date) => (date ? `${formatDateTime(date, timeZone)} ${zone}` : "—") };
  const runway = opportunity.responseDeadline ? describeRunway(deadlineRunway(opportunity.responseDeadline, now)) : null;
  const canWork = can(ctx.role, "govcon:work");
  const notes = opportunity.notes.map((n) => ({
    id: n.id,
    body: n.body,
    author: n.authorName ?? "Someone",
    writtenAt: dates.at(n.createdAt),
    writtenAtIso: n.createdAt.toISOString(),
  }));

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid gap-3">
        <Link href="/govcon" className="text-sm text-muted-foreground underline-offset-4 hover:underline">← All opportunities</Link>
        <div className="flex flex-wrap items-center gap-2">
          <FitBadge score={opportunity.fitScore} />
          <OpportunityStatusBadge status={opportunity.status} />
          <span className="text-sm text-muted-foreground">{opportunity.noticeType}</span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{opportunity.title}</h1>
        <p className="text-sm text-muted-foreground">
          {[opportunity.subTier ?? opportunity.agency, runway].filter(Boolean).join(" · ")}
          {opportunity.ownerName && ` · Owner: ${opportunity.ownerName}`}
        </p>
        {opportunity.status === "NO_BID" && opportunity.noBidReason && (
          <div role="note" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm" data-testid="no-bid-reason">
            <p className="font-medium">No bid{opportunity.noBidByName ? `, decided by ${opportunity.noBidByName}` : ""}{opportunity.noBidAt ? ` on ${dates.at(opportunity.noBidAt)}` : ""}</p>
            <p className="break-words whitespace-pre-line">{opportunity.noBidReason}</p>
          </div>
        )}
        {canWork && (
          <OpportunityStatusPanel noticeId={opportunity.noticeId} status={opportunity.status} pursuitId={opportunity.pursuit?.id ?? null} setStatus={setOpportunityStatusAction} />
        )}
      </div>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="grid gap-6 xl:col-span-2">
          <Section id="notice-heading" title="The notice" description={`Times in ${zone}.`}>
            <NoticeFields opportunity={opportunity} dates={dates} runway={runway} />
          </Section>
          <Section id="description-heading" title="Description">
            {opportunity.description ? (
              <p className="max-h-[32rem] overflow-y-auto text-sm break-words whitespace-pre-line" tabIndex={0}>{descriptionText(opportunity.description)}</p>
            ) : (
              <p className="text-sm text-muted-foreground">
                {opportunity.descriptionUrl
                  ? `Not fetched: fetching a description costs one SAM.gov request, so the engine fetches it only for notices with a fit of ${profile?.descriptionMinFit ?? 50} or more.`
                  : "SAM.gov gave no description for this notice."}
              </p>
            )}
          </Section>
          <Section id="contacts-heading" title="Points of contact">
            <PointsOfContact contacts={opportunity.pointsOfContact} />
          </Section>
          <Section id="attachments-heading" title="Attachments">
            <Attachments links={opportunity.attachments} />
          </Section>
          <AwardsPanel awards={awards} />
        </div>
        <div className="grid content-start gap-6">
          <Section id="fit-heading" title="Bid fit" description={opportunity.fitScore === null ? undefined : `${opportunity.fitScore} of 100, from your GovCon profile.`}>
            <FitReasons score={opportunity.fitScore} reasons={opportunity.fitReasons} />
          </Section>
          <Section id="history-heading" title="Amendment history" description={opportunity.versions.length ? `${opportunity.versions.length} amendment${opportunity.versions.length === 1 ? "" : "s"}, newest first.` : "No amendment since it was first seen."}>
            <AmendmentHistory versions={opportunity.versions} dates={dates} firstSeenAt={opportunity.firstSeenAt} />
          </Section>
          <Section id="notes-heading" title="Notes">
            <OpportunityNotes noticeId={opportunity.noticeId} notes={notes} addNote={canWork ? addOpportunityNoteAction : undefined} />
          </Section>
        </div>
      </div>
    </div>
  );
}
