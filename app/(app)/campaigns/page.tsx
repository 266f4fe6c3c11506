import type { Metadata } from "next";
import Link from "next/link";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Mail } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { formatRate } from "@/lib/campaigns/rules";

export const metadata: Metadata = { title: "Campaigns" };

/** Every campaign, newest first, with how far it got and how its emails did. */
export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePage("campaigns:read");
  const raw = Number((await searchParams).page);
  const list = await listCampaigns(ctx.db, { page: Number.isInteger(raw) && raw > 1 ? raw : 1 });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  const manage = can(ctx.role, "campaigns:manage");
  const newButton = manage ? (
    <Button asChild>
      <Link href="/campaigns/new">New campaign</Link>
    </Button>
  ) : null;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Campaigns</h1>
          <p className="text-sm text-muted-foreground">Email and mail to a saved Prospects view, a daily limit at a time, with opens, clicks and unsubscribes per variant.</p>
        </div>
        {newButton}
      </div>
      <Card>
        <CardContent className="grid gap-4">
          {list.rows.length === 0 ? (
            <EmptyState icon={Mail} title="No campaigns yet" description="Save a view on Prospects (the leads to reach), then make a campaign from it with one or more variants." action={newButton} />
          ) : (
            <div className="overflow-x-auto">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Campaign</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead className="text-right">Recipients</TableHead>
                    <TableHead className="text-right">Sent</TableHead>
                    <TableHead className="text-right">Open rate</TableHead>
                    <TableHead className="text-right">Click rate</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.rows.map((c) => (
                    <TableRow key={c.id} data-testid="campaign-row">
                      <TableCell className="whitespace-normal">
                        <Link href={`/campaigns/${c.id}`} className="font-medium underline underline-offset-4">{c.name}</Link>
                        <span className="block text-xs text-muted-foreground">{c.channel === "MAIL" ? "Mail" : "Email"}</span>
                      </TableCell>
                      <TableCell><CampaignStatusBadge status={c.status} /></TableCell>
                      <TableCell className="text-right tabular-nums">{c.recipients}</TableCell>
                      <TableCell className="text-right tabular-nums">{c.funnel.sent}</TableCell>
                      <TableCell className="text-right tabular-nums">{c.channel === "MAIL" ? "—" : formatRate(c.rates.open)}</TableCell>
                      <TableCell className="text-right tabular-nums">{c.channel === "MAIL" ? "—" : formatRate(c.rates.click)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {pageCount > 1 ? <Pagination page={list.page} pageCount={pageCount} hrefFor={(p) => (p > 1 ? `/campaigns?page=${p}` : "/campaigns")} /> : null}
        </CardContent>
      </Card>
    </div>
  );
}
