import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BestBuyersCard } from "@/components/buyers/best-buyers-card";
import { BuyerFilters } from "@/components/buyers/buyer-filters";
import { BuyersTable } from "@/components/buyers/buyers-table";
import { SaveSegmentForm } from "@/components/buyers/save-segment-form";
import { SegmentList } from "@/components/buyers/segment-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Plus, Upload, UserRound } from "@/components/ui/icons";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { bestBuyersForPostalCode, BEST_BUYERS_SHOWN } from "@/lib/buyers/performance";
import { hasAnyBuyer, listBuyers } from "@/lib/buyers/query";
import { buyerQueryString, hasBuyerFilters, parseBuyerQuery } from "@/lib/buyers/query-params";
import { normalizeBuyBoxPostalCode } from "@/lib/buyers/schema";
import { listSegments } from "@/lib/buyers/segments";
import { listMembers } from "@/lib/tenants/members";
import { deleteSegmentAction, saveSegmentAction } from "./actions";

export const metadata: Metadata = { title: "Buyers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BuyersPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePage("buyers:read");
  const query = parseBuyerQuery(await searchParams);
  // Filtered to one ZIP or FSA, the list also answers "who buys here best?".
  const bestCode = query.postalCode ? normalizeBuyBoxPostalCode(query.postalCode) : null;
  const [page, members, segments, best] = await Promise.all([
    listBuyers(ctx.db, { ...query, after: undefined }),
    listMembers(ctx.db),
    listSegments(ctx.db),
    bestCode ? bestBuyersForPostalCode(ctx.db, bestCode, { limit: BEST_BUYERS_SHOWN }) : null,
  ]);
  const owners = members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }));
  // A shared link can outlive its page: land on the last one.
  if (page.rows.length === 0 && page.total > 0) redirect(`/buyers?${buyerQueryString({ ...query, page: page.pageCount })}`);
  const anyBuyers = page.total > 0 || (await hasAnyBuyer(ctx.db));
  const canWrite = can(ctx.role, "buyers:write");
  const canImport = can(ctx.role, "deals:import");
  const filtered = hasBuyerFilters(query);
  const { page: _page, pageSize: _size, after: _after, ...segmentQuery } = query;

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Buyers</h1>
          <p className="text-sm text-muted-foreground">Cash buyers and what they buy. Open one to edit its buy box and see its history.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canImport && (
            <Button variant="outline" asChild>
              <Link href="/deals/import?kind=buyers"><Upload className="size-4" aria-hidden /> Import buyers</Link>
            </Button>
          )}
          {canWrite && (
            <Button asChild>
              <Link href="/buyers/new"><Plus className="size-4" aria-hidden /> Add a buyer</Link>
            </Button>
          )}
        </div>
      </div>
      {anyBuyers ? (
        <>
          <BuyerFilters query={query} owners={owners} />
          {bestCode && best && <BestBuyersCard postalCode={bestCode} buyers={best} />}
          {segments.length > 0 && <SegmentList segments={segments} deleteSegment={canWrite ? deleteSegmentAction : undefined} />}
          {page.total > 0 ? (
            <BuyersTable page={page} query={query} timeZone={ctx.tenant.timeZone} ownerNames={new Map(owners.map((o) => [o.userId, o.name]))} />
          ) : (
            <EmptyState icon={UserRound} title="No buyer matches these filters" description="Widen the filters or clear them to see every buyer." action={<Button variant="outline" asChild><Link href="/buyers">Clear filters</Link></Button>} />
          )}
          {canWrite && filtered && <SaveSegmentForm query={buyerQueryString(segmentQuery)} save={saveSegmentAction} />}
        </>
      ) : (
        <EmptyState
          icon={UserRound}
          title="No buyers yet"
          description="Add your cash buyers with what they buy (markets, ZIP codes, price range), or import the spreadsheet you keep them in. Deals are matched to their buy boxes."
          action={
            <>
              {canWrite && <Button asChild><Link href="/buyers/new">Add a buyer</Link></Button>}
              {canImport && <Button variant="outline" asChild><Link href="/deals/import?kind=buyers">Import buyers</Link></Button>}
            </>
          }
        />
      )}
    </div>
  );
}
