import type { Metadata } from "next";
import Link from "next/link";
import type { BoardColumn } from "@/components/pipeline/board-state";
import { PipelineBoard } from "@/components/pipeline/pipeline-board";
import { PipelineFilters } from "@/components/pipeline/pipeline-filters";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import type { DealStatus } from "@/lib/deals/rules";
import { listPipeline, type PipelineCard } from "@/lib/prospects/pipeline";
import { parseProspectQuery, prospectQueryString, prospectSearchParams, type ProspectQuery } from "@/lib/prospects/query";
import { listMembers } from "@/lib/tenants/members";
import { moveDealAction } from "./actions";

export const metadata: Metadata = { title: "Pipeline" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toBoardCard(card: PipelineCard, ownerNames: Map<string, string>) {
  return {
    id: card.id,
    status: card.status as DealStatus,
    address: [card.street, card.unit && `Unit ${card.unit}`].filter(Boolean).join(", ") || "Address unknown",
    locality: [card.city, [card.region, card.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", "),
    spread: card.spread,
    spreadRatio: card.spreadRatio,
    score: card.score,
    ownerName: card.ownerId ? (ownerNames.get(card.ownerId) ?? "Former member") : null,
  };
}

function prospectsHref(query: ProspectQuery, patch: Partial<ProspectQuery>) {
  const params = prospectQueryString(prospectSearchParams({ ...query, page: 1, ...patch }));
  return params ? `/deals?${params}` : "/deals";
}

export default async function PipelinePage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePage("deals:read");
  const query = parseProspectQuery(await searchParams);
  const [pipeline, members] = await Promise.all([listPipeline(ctx.db, query, { timeZone: ctx.tenant.timeZone }), listMembers(ctx.db)]);
  const ownerNames = new Map(members.map((m) => [m.userId, m.name ?? m.email]));
  const columns: BoardColumn[] = pipeline.map((column) => ({ ...column, cards: column.cards.map((card) => toBoardCard(card, ownerNames)) }));
  const listHrefs = Object.fromEntries(columns.map((c) => [c.status, prospectsHref(query, { status: [c.status] })])) as Record<DealStatus, string>;

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Pipeline</h1>
          <p className="text-sm text-muted-foreground">Every deal by status, with the spread at stake in each. Drag a card by its grip to move the deal.</p>
        </div>
        <Button variant="outline" asChild>
          <Link href={prospectsHref(query, {})}>Open as a table</Link>
        </Button>
      </div>
      <PipelineFilters query={query} owners={[...ownerNames].map(([userId, name]) => ({ userId, name }))} />
      <PipelineBoard columns={columns} listHrefs={listHrefs} moveDeal={can(ctx.role, "deals:write") ? moveDealAction : undefined} />
    </div>
  );
}
