import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DraftDecision } from "@/components/approvals/draft-decision";
import { DecisionHistory, DraftIntentCard, PersonCard, RecentTimeline } from "@/components/approvals/draft-context";
import { DraftStatusBadge } from "@/components/approvals/queue-table";
import { formatDateTime } from "@/components/prospects/format";
import { formatConfidence } from "@/components/signals/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getApprovalDetail } from "@/lib/approvals/queries";
import type { DraftReasoning } from "@/lib/approvals/types";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { getIntentSettings } from "@/lib/signals/settings";
import { approveDraftAction, approveEditedDraftAction, editDraftAction, rejectDraftAction } from "../actions";

export const metadata: Metadata = { title: "Draft" };

/** The stored reasoning, read defensively: a drafter's JSON is data, not a promise. */
function reasoningOf(value: unknown): DraftReasoning {
  const raw = (value && typeof value === "object" ? value : {}) as Partial<DraftReasoning>;
  return {
    summary: typeof raw.summary === "string" ? raw.summary : "",
    signals: Array.isArray(raw.signals) ? raw.signals : [],
    facts: Array.isArray(raw.facts) ? raw.facts.filter((f): f is string => typeof f === "string") : [],
  };
}

export default async function DraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const ctx = await requirePage("approvals:read");
  const { draftId } = await params;
  const [detail, settings] = await Promise.all([getApprovalDetail(ctx.db, draftId), getIntentSettings(ctx.db)]);
  if (!detail) notFound();
  const { draft, preview } = detail;
  const { timeZone } = ctx.tenant;
  const now = new Date();
  const reasoning = reasoningOf(draft.reasoning);
  const intentScore = detail.deal?.intentScore ?? detail.buyer?.intentScore ?? draft.intentScore;
  const timelineHref = detail.deal ? `/deals/${detail.deal.id}` : detail.buyer ? `/buyers/${detail.buyer.id}` : "/approvals";
  const timelineLabel = detail.deal ? "deal's timeline" : "buyer's history";
  const canDecide = can(ctx.role, "approvals:decide");

  return (
    <div className="grid gap-6">
      <div className="min-w-0">
        <Link href="/approvals" className="text-sm text-muted-foreground hover:underline">Approvals</Link>
        <h1 className="break-words text-2xl font-semibold tracking-tight">{`Email to ${detail.person.name}`}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <DraftStatusBadge status={draft.status} />
          <span>{`Drafted ${formatDateTime(draft.createdAt, timeZone)}`}</span>
          <span>{draft.drafter === "template" ? "by the template drafter" : `by ${draft.drafter}`}</span>
        </div>
      </div>
      {/* Source order is the phone's reading order: the email and the decision first, the context after. */}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="grid min-w-0 content-start gap-6 lg:col-start-2 lg:row-start-1">
          <Card>
            <CardHeader><CardTitle><h2>The email</h2></CardTitle></CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
                <dt className="text-muted-foreground">From</dt>
                <dd className="break-all">{preview.from}</dd>
                <dt className="text-muted-foreground">To</dt>
                <dd className="break-all">{draft.toAddress}</dd>
                <dt className="text-muted-foreground">Subject</dt>
                <dd className="font-medium" data-testid="preview-subject">{preview.subject}</dd>
              </dl>
              <div className="whitespace-pre-wrap break-words rounded-md border bg-muted/40 p-3" data-testid="preview-body">{preview.body}</div>
              {draft.editedAt && <p className="text-xs text-muted-foreground">{`Edited ${formatDateTime(draft.editedAt, timeZone)}`}</p>}
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle><h2>Why this email</h2></CardTitle></CardHeader>
            <CardContent className="grid gap-2 text-sm">
              {reasoning.summary && <p>{reasoning.summary}</p>}
              {reasoning.facts.length > 0 && (
                <ul className="list-disc pl-5 text-muted-foreground">
                  {reasoning.facts.map((fact) => <li key={fact}>{fact}</li>)}
                </ul>
              )}
              <p data-testid="draft-confidence"><span className="text-muted-foreground">Confidence: </span>{formatConfidence(draft.confidence)}</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle><h2>Decision</h2></CardTitle></CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <DecisionState draft={draft} timeZone={timeZone} timelineHref={timelineHref} timelineLabel={timelineLabel} />
              {draft.status === "PENDING" && canDecide && (
                <DraftDecision
                  draftId={draft.id}
                  subject={draft.subject}
                  body={draft.body}
                  timelineHref={timelineHref}
                  timelineLabel={timelineLabel}
                  approve={approveDraftAction}
                  approveEdited={approveEditedDraftAction}
                  edit={editDraftAction}
                  reject={rejectDraftAction}
                />
              )}
              {draft.status === "PENDING" && !canDecide && <p className="text-muted-foreground">Your role can read drafts but not approve or reject them.</p>}
            </CardContent>
          </Card>
          <DecisionHistory entries={detail.history} timeZone={timeZone} />
        </div>
        <div className="grid min-w-0 content-start gap-6 lg:col-start-1 lg:row-start-1">
          <PersonCard detail={detail} />
          <DraftIntentCard score={intentScore} threshold={settings.highIntentThreshold} signals={detail.signals} now={now} />
          <RecentTimeline entries={detail.timeline} timeZone={timeZone} />
        </div>
      </div>
    </div>
  );
}

type Draft = NonNullable<Awaited<ReturnType<typeof getApprovalDetail>>>["draft"];

/** What became of the draft: sent (and where to see it), rejected (and why), or still waiting. */
function DecisionState({ draft, timeZone, timelineHref, timelineLabel }: { draft: Draft; timeZone: string; timelineHref: string; timelineLabel: string }) {
  const when = draft.decidedAt ? ` on ${formatDateTime(draft.decidedAt, timeZone)}` : "";
  if (draft.status === "SENT") {
    return (
      <p data-testid="draft-outcome">
        {`Approved and sent${when}. `}See it in the <Link href="/outbox?channel=EMAIL" className="font-medium text-primary underline underline-offset-4">Outbox</Link> or on the{" "}
        <Link href={timelineHref} className="font-medium text-primary underline underline-offset-4">{timelineLabel}</Link>.
      </p>
    );
  }
  if (draft.status === "SENDING") return <p data-testid="draft-outcome">{`Approved${when}; the email is being sent.`}</p>;
  if (draft.status === "REJECTED") return <p data-testid="draft-outcome">{`Rejected${when}: ${draft.rejectReason ?? "no reason given"}`}</p>;
  if (draft.blockedGate) {
    return (
      <p className="text-destructive" data-testid="draft-outcome">
        {`The last approval was blocked by the ${draft.blockedGate.replaceAll("_", " ")} check${draft.blockedDetail ? `: ${draft.blockedDetail}` : ""}. The draft is still waiting.`}
      </p>
    );
  }
  return <p className="text-muted-foreground">Waiting for a decision. Approving sends it now, through consent, do-not-contact and the daily limit.</p>;
}
