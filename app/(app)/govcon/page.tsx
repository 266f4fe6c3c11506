import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OpportunitiesTable, type OpportunityTableRow } from "@/components/govcon/opportunities-table";
import { OpportunityFilters } from "@/components/govcon/opportunity-filters";
import { SaveSearchForm } from "@/components/govcon/save-search-form";
import { formatCount, formatDate, zoneAbbreviation } from "@/components/prospects/format";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { filtersOf, opportunitySearchParams, parseOpportunityQuery, type OpportunityQuery } from "@/lib/govcon/filters";
import { listOpportunities, type OpportunityRow } from "@/lib/govcon/opportunities";
import { deadlineRunway, describeRunway } from "@/lib/govcon/pipeline";
import { loadGovConProfile } from "@/lib/govcon/profile";
import { saveSearchAction } from "./searches/actions";

export const metadata: Metadata = { title: "GovCon opportunities" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function hrefOf(query: Partial<OpportunityQuery>): string {
  const params = opportunitySearchParams(query).toString();
  return params ? `/govcon?${params}` : "/govcon";
}

function tableRowOf(row: OpportunityRow, timeZone: string, now: Date): OpportunityTableRow {
  const runway = deadlineRunway(row.responseDeadline, now);
  return {
    id: row.id,
    noticeId: row.noticeId,
    title: row.title,
    agency: row.subTier ?? row.agency,
    noticeType: row.noticeType,
    setAside: row.setAside,
    naicsCode: row.naicsCode,
    placeState: row.placeState,
    posted: row.postedAt && formatDate(row.postedAt, timeZone),
    deadline: row.responseDeadline && formatDate(row.responseDeadline, timeZone),
    runway: runway && describeRunway(runway),
    deadlinePassed: runway?.overdue ?? false,
    fitScore: row.fitScore,
    status: row.status,
  };
}

export default async function OpportunitiesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePage("govcon:read");
  const query = parseOpportunityQuery(await searchParams);
  const now = new Date();
  const [page, profile] = await Promise.all([listOpportunities(ctx.db, query, now), loadGovConProfile(ctx.db)]);
  const pageCount = Math.max(1, Math.ceil(page.total / query.pageSize));
  // A shared link can outlive its page (filters narrowed since): land on the last one.
  if (page.rows.length === 0 && page.total > 0) redirect(hrefOf({ ...query, page: pageCount }));

  const { timeZone } = ctx.tenant;
  const filtered = Object.values(filtersOf(query)).some((value) => value !== undefined);
  const rows = page.rows.map((row) => tableRowOf(row, timeZone, now));

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">GovCon opportunities</h1>
          <p className="text-sm text-muted-foreground">SAM.gov notices the GovCon engine found, scored against your profile. Open one for its fit reasons, history and incumbent.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" asChild>
            <Link href="/govcon/pursuits">Pursuits board</Link>
          </Button>
          {can(ctx.role, "govcon:work") && <SaveSearchForm filters={filtersOf(query)} saveSearch={saveSearchAction} />}
        </div>
      </div>

      {!profile && can(ctx.role, "govcon:manage") && (
        <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">
          Fit scores need a GovCon profile: your NAICS codes, set-asides and keywords. <Link href="/settings/govcon" className="font-medium text-foreground underline underline-offset-4">Set up the profile</Link>.
        </p>
      )}

      <OpportunityFilters query={query} />

      {page.total === 0 ? (
        <NoOpportunities filtered={filtered} hasProfile={Boolean(profile)} canManage={can(ctx.role, "govcon:manage")} canRunEngines={can(ctx.role, "engines:read")} />
      ) : (
        <section aria-label="Results" className="grid gap-3">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {formatCount(page.total)} {page.total === 1 ? "notice" : "notices"}
            {filtered ? (page.total === 1 ? " matches these filters" : " match these filters") : ""}.
          </p>
          <OpportunitiesTable rows={rows} sort={query.sort} dir={query.dir} zoneLabel={zoneAbbreviation(timeZone, now)} />
          {pageCount > 1 && <Pagination page={query.page} pageCount={pageCount} hrefFor={(n) => hrefOf({ ...query, page: n })} />}
        </section>
      )}
    </div>
  );
}

function NoOpportunities({ filtered, hasProfile, canManage, canRunEngines }: { filtered: boolean; hasProfile: boolean; canManage: boolean; canRunEngines: boolean }) {
  if (filtered) {
    return (
      <EmptyState
        title="No notice matches these filters"
        description="Widen the deadline window, lower the minimum fit or clear a filter."
        action={<Button variant="outline" asChild><Link href="/govcon">Clear the filters</Link></Button>}
      />
    );
  }
  if (!hasProfile) {
    return (
      <EmptyState
        title="Start with your GovCon profile"
        description="Your NAICS codes, set-asides and keywords decide which SAM.gov notices are worth a look and how each one scores."
        action={canManage ? <Button asChild><Link href="/settings/govcon">Set up the GovCon profile</Link></Button> : <span className="text-sm text-muted-foreground">Ask an owner or admin to set up the GovCon profile.</span>}
      />
    );
  }
  return (
    <EmptyState
      title="No notices yet"
      description="The GovCon engine reads SAM.gov (or the shipped sample feed when no key is set) and lists what it finds here."
      action={canRunEngines ? <Button asChild><Link href="/engines">Run the GovCon engine</Link></Button> : <span className="text-sm text-muted-foreground">The engine runs on its own schedule.</span>}
    />
  );
}
