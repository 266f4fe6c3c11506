import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DealHeader } from "@/components/deals/deal-header";
import { DealTabs } from "@/components/dispositions/deal-tabs";
import { DocumentsTable } from "@/components/memo/documents-table";
import { GenerateMemoButton } from "@/components/memo/generate-memo-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FileUp } from "@/components/ui/icons";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findDeal } from "@/lib/deals/service";
import { FILE_LINK_TTL_MS } from "@/lib/files";
import { dealDocumentsFor } from "@/lib/memo/documents";
import { generateMemoAction } from "./actions";

export const metadata: Metadata = { title: "Deal documents" };

const DEAL_COLUMNS = {
  id: true, street: true, unit: true, city: true, region: true, postalCode: true, country: true, status: true, strategy: true,
  spread: true, spreadRatio: true, mao: true, askingPrice: true, arv: true,
} as const;

/** The deal's Documents tab: its investor memos by version, each opened through a short-lived signed link. */
export default async function DealDocumentsPage({ params }: { params: Promise<{ dealId: string }> }) {
  const ctx = await requirePage("deals:read");
  const { dealId } = await params;
  // The scoped client cannot see another tenant's deal (nor a deleted one): both read as unknown, so 404.
  const deal = await findDeal(ctx.db, dealId, DEAL_COLUMNS);
  if (!deal) notFound();
  const documents = await dealDocumentsFor(ctx.db, deal.id, `user:${ctx.user.id}`);
  const canGenerate = can(ctx.role, "deals:write");
  const minutes = Math.round(FILE_LINK_TTL_MS / 60_000);

  return (
    <div className="grid gap-6">
      <DealHeader deal={deal} />
      <DealTabs dealId={deal.id} active="documents" />
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-4">
          <div className="grid gap-1.5">
            <CardTitle>Investor memo</CardTitle>
            <CardDescription>
              A PDF for a buyer or partner: the property, its numbers with the comps behind the ARV, the strategy, the lead score and why, market heat,
              data-quality flags and terms. Each generation is a new version; links open for you only and last {minutes} minutes (reload the page for fresh ones).
            </CardDescription>
          </div>
          {canGenerate && <GenerateMemoButton dealId={deal.id} generate={generateMemoAction} label={documents.length ? "Generate a new version" : "Generate memo"} />}
        </CardHeader>
        <CardContent>
          {documents.length ? (
            <DocumentsTable documents={documents} timeZone={ctx.tenant.timeZone} />
          ) : (
            <EmptyState
              icon={FileUp}
              title="No memo yet"
              description={
                canGenerate
                  ? "Generate the first one: it takes a second and uses what the deal has today. The underwriting engine also makes one when a deal's spread reaches your alert threshold."
                  : "Someone who works deals can generate it; the underwriting engine also makes one when a deal's spread reaches the alert threshold."
              }
            />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
