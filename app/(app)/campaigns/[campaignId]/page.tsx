import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/blasts/auto-refresh";
import { CampaignControls } from "@/components/campaigns/campaign-controls";
import { CampaignFunnel } from "@/components/campaigns/campaign-funnel";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { audienceSegmentName, getCampaign, getCampaignMetrics, listCampaignRecipients } from "@/lib/campaigns/queries";
import { formatRate, RECIPIENT_STATES } from "@/lib/campaigns/rules";
import { timeZoneLabel } from "@/lib/campaigns/schedule";
import { CampaignRecipientsQuery } from "@/lib/campaigns/schema";
import { ExpectedError } from "@/lib/errors";
import { pauseCampaignAction, startCampaignAction } from "../actions";

export const metadata: Metadata = { title: "Campaign" };

function hrefFor(campaignId: string, state: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (state) params.set("state", state);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/campaigns/${campaignId}${query ? `?${query}` : ""}`;
}

/** One campaign: its funnel and per-variant rates (re-read every 3 seconds while it sends), its controls and recipients. */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ campaignId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePage("campaigns:read");
  const { campaignId } = await params;
  const query = CampaignRecipientsQuery.parse(await searchParams);
  const [campaign, metrics] = await Promise.all([getCampaign(ctx.db, campaignId), getCampaignMetrics(ctx.db, campaignId)]).catch((error: unknown) => {
    if (error instanceof ExpectedError && error.code === "not_found") notFound();
    throw error;
  });
  const [recipients, segmentName] = await Promise.all([listCampaignRecipients(ctx.db, campaignId, query), audienceSegmentName(ctx.db, campaign)]);
  const toBuyers = campaign.audience === "BUYER_SEGMENT";
  const pageCount = Math.max(1, Math.ceil(recipients.total / recipients.pageSize));
  const labels = new Map(campaign.variants.map((v) => [v.id, v.label]));
  const mail = campaign.channel === "MAIL";
  const live = campaign.status === "SENDING" || campaign.status === "SCHEDULED";
  const when = (d: Date | null) => (d ? d.toLocaleString("en-US", { timeZone: ctx.tenant.timeZone, dateStyle: "medium", timeStyle: "short" }) : null);

  return (
    <div className="grid gap-6">
      {live ? <AutoRefresh everyMs={3000} /> : null}
      <div className="grid gap-2">
        <p className="text-sm"><Link href="/campaigns" className="underline underline-offset-4">Campaigns</Link></p>
        <h1 className="text-2xl font-semibold tracking-tight">{campaign.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <CampaignStatusBadge status={campaign.status} />
          <span>
            {`${mail ? "Postcards" : "Email"} to ${toBuyers ? "buyers" : `leads scored ${campaign.minScore}+`}, ${campaign.dailyLimit} a day`}
            {campaign.scheduledAt ? `, from ${when(campaign.scheduledAt)} ${timeZoneLabel(ctx.tenant.timeZone, campaign.scheduledAt)}` : ""}
            {campaign.finishedAt ? `, finished ${when(campaign.finishedAt)}` : ""}
          </span>
        </p>
        <p className="text-sm text-muted-foreground">{`Audience: ${toBuyers ? (segmentName ? `buyer segment ${segmentName}` : "a buyer segment, since deleted") : campaign.audienceQuery ? `Prospects filtered by ${campaign.audienceQuery}` : "every prospect"}`}</p>
        {can(ctx.role, "campaigns:manage") ? <CampaignControls campaignId={campaign.id} status={campaign.status} start={startCampaignAction} pause={pauseCampaignAction} /> : null}
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Funnel</CardTitle>
          <CardDescription aria-live="polite">
            {live ? "Sending: this page updates every 3 seconds." : campaign.status === "DRAFT" ? "Start the campaign to take in its audience." : campaign.status === "PAUSED" ? "Paused: nothing is sent until it is resumed." : "Receipts keep updating the states."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CampaignFunnel metrics={metrics} mail={mail} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Variants</CardTitle>
          <CardDescription>Rates are over the emails sent with each variant.</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Variant</TableHead>
                <TableHead className="text-right">Sent</TableHead>
                <TableHead className="text-right">Open</TableHead>
                <TableHead className="text-right">Click</TableHead>
                <TableHead className="text-right">Bounce</TableHead>
                <TableHead className="text-right">Unsubscribe</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {metrics.variants.map((v) => (
                <TableRow key={v.variantId} data-testid="campaign-variant">
                  <TableCell className="whitespace-normal"><span className="font-medium">{v.label}</span>{v.subject ? <span className="block text-xs text-muted-foreground">{v.subject}</span> : null}</TableCell>
                  <TableCell className="text-right tabular-nums">{v.sent}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatRate(v.rates.open)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatRate(v.rates.click)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatRate(v.rates.bounce)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatRate(v.rates.unsubscribe)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Recipients</CardTitle>
          <CardDescription>{`Each ${toBuyers ? "buyer" : "lead"} once, with its state and, when refused, the gate and why.`}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <nav aria-label="Filter recipients by state" className="flex flex-wrap gap-2 text-sm">
            {[undefined, ...RECIPIENT_STATES].map((state) => {
              const current = state === query.state;
              const count = state ? metrics.states[state] : metrics.recipients;
              if (state && count === 0 && !current) return null;
              return (
                <Link key={state ?? "all"} href={hrefFor(campaignId, state, 1)} aria-current={current ? "page" : undefined} className={`rounded-md border px-2 py-1 ${current ? "bg-primary text-primary-foreground" : "hover:bg-muted"}`}>
                  {`${state ? state.toLowerCase() : "all"} (${count})`}
                </Link>
              );
            })}
          </nav>
          {recipients.rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{campaign.status === "DRAFT" ? "Recipients are taken in from the audience when the campaign starts." : "No recipient in this state."}</p>
          ) : (
            <div className="overflow-x-auto">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Recipient</TableHead>
                    <TableHead>Variant</TableHead>
                    <TableHead>State</TableHead>
                    <TableHead>Gate and reason</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {recipients.rows.map((r) => (
                    <TableRow key={r.id} data-testid="campaign-recipient">
                      <TableCell className="whitespace-normal">{r.dealId ? (
                        <Link href={`/deals/${r.dealId}`} className="underline underline-offset-4">{r.address}</Link>
                      ) : r.buyerId ? (
                        <Link href={`/buyers/${r.buyerId}`} className="underline underline-offset-4">{r.address}</Link>
                      ) : (
                        r.address
                      )}</TableCell>
                      <TableCell>{labels.get(r.variantId ?? "") ?? "—"}</TableCell>
                      <TableCell><CampaignStatusBadge status={r.state} /></TableCell>
                      <TableCell className="whitespace-normal">
                        {r.gate ? <span className="font-medium">{`${r.gate.replaceAll("_", " ")}: `}</span> : null}
                        {r.reason ?? r.error ?? <span className="text-muted-foreground">—</span>}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {pageCount > 1 ? <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => hrefFor(campaignId, query.state, page)} /> : null}
        </CardContent>
      </Card>
    </div>
  );
}
