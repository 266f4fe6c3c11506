import type { Metadata } from "next";
import Link from "next/link";
import { DeleteSearchButton } from "@/components/govcon/delete-search-button";
import { EditSearchDialog } from "@/components/govcon/save-search-form";
import { formatCount, formatDateTime, zoneAbbreviation } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Bell } from "@/components/ui/icons";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { opportunitySearchParams } from "@/lib/govcon/filters";
import { ALERT_CHANNEL_LABELS, SEARCH_DELIVERY_LABELS } from "@/lib/govcon/search-schema";
import { describeFilters } from "@/lib/govcon/search-words";
import { listRecentAlerts, listSavedSearches, type RecentAlert, type SavedSearchView } from "@/lib/govcon/searches";
import { getTenantWithSettings } from "@/lib/tenants/settings";
import { cn } from "@/lib/ui/cn";
import { deleteSearchAction, updateSearchAction } from "./actions";

export const metadata: Metadata = { title: "Saved searches" };

/** The search's filters on the opportunities page, with its minimum fit as the fit filter. */
function opportunitiesHref(search: SavedSearchView): string {
  const fitMin = Math.max(search.filters.fitMin ?? 0, search.minFit) || undefined;
  const params = opportunitySearchParams({ ...search.filters, fitMin }).toString();
  return params ? `/govcon?${params}` : "/govcon";
}

const KIND_LABELS: Record<string, string> = {
  "search-match": "Search match",
  amendment: "Amendment",
  "deadline-7": "Deadline within 7 days",
  "deadline-3": "Deadline within 3 days",
  "deadline-1": "Deadline within 1 day",
};

const alertsText = (s: SavedSearchView) => `${SEARCH_DELIVERY_LABELS[s.delivery]}: ${s.channels.map((c) => ALERT_CHANNEL_LABELS[c]).join(", ")}`;
const ownerText = (s: SavedSearchView) => s.ownerEmail ?? "A former member";

function SearchActions({ search, className }: { search: SavedSearchView; className?: string }) {
  return (
    <div className={cn("flex flex-wrap gap-2", className)}>
      <EditSearchDialog search={search} updateSearch={updateSearchAction} />
      <DeleteSearchButton searchId={search.id} name={search.name} deleteSearch={deleteSearchAction} />
    </div>
  );
}

function SearchesTable({ searches, mine, showOwner }: { searches: SavedSearchView[]; mine: string; showOwner: boolean }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Search</TableHead>
            {showOwner ? <TableHead className="hidden md:table-cell">Owner</TableHead> : null}
            <TableHead className="hidden md:table-cell">Alerts</TableHead>
            <TableHead className="text-right">Matches now</TableHead>
            <TableHead className="hidden md:table-cell"><span className="sr-only">Actions</span></TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {searches.map((s) => (
            <TableRow key={s.id} data-testid="saved-search-row">
              <TableCell className="min-w-44 whitespace-normal">
                <span className="block font-medium">{s.name}</span>
                <span className="block text-sm text-muted-foreground">{describeFilters(s.filters, s.minFit)}</span>
                {/* Narrow screens: the owner and alert columns fold in here. */}
                <span className="block text-sm text-muted-foreground md:hidden">{`${alertsText(s)}${showOwner ? `. ${ownerText(s)}` : ""}`}</span>
                {s.ownerId === mine ? <SearchActions search={s} className="mt-2 md:hidden" /> : null}
              </TableCell>
              {showOwner ? <TableCell className="hidden md:table-cell">{ownerText(s)}</TableCell> : null}
              <TableCell className="hidden whitespace-normal md:table-cell">
                <span className="block text-sm">{SEARCH_DELIVERY_LABELS[s.delivery]}</span>
                <span className="block text-sm text-muted-foreground">{s.channels.map((c) => ALERT_CHANNEL_LABELS[c]).join(", ")}</span>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <Link href={opportunitiesHref(s)} className="font-medium underline underline-offset-4" aria-label={`${formatCount(s.matchesNow)} opportunities match ${s.name}: open them`}>
                  {formatCount(s.matchesNow)}
                </Link>
              </TableCell>
              <TableCell className="hidden md:table-cell">{s.ownerId === mine ? <SearchActions search={s} className="justify-end" /> : null}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function RecentAlerts({ alerts, timeZone }: { alerts: RecentAlert[]; timeZone: string }) {
  if (alerts.length === 0) {
    return <p className="text-sm text-muted-foreground">No alerts yet. They appear here after a sync finds a match, or as a tracked notice is amended or nears its deadline.</p>;
  }
  const zone = zoneAbbreviation(timeZone);
  return (
    <ul className="grid gap-3">
      {alerts.map((a) => (
        <li key={a.id} className="grid gap-1 border-b pb-3 text-sm last:border-b-0 last:pb-0">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant="secondary">{KIND_LABELS[a.kind] ?? a.kind}</Badge>
            {a.deliveredAt ? null : <Badge variant="outline">Waiting for the digest</Badge>}
            <time className="text-muted-foreground" dateTime={a.createdAt}>{`${formatDateTime(new Date(a.createdAt), timeZone)} ${zone}`}</time>
          </div>
          {a.noticeId ? (
            <Link href={`/govcon/${encodeURIComponent(a.noticeId)}`} className="underline underline-offset-4">{a.summary}</Link>
          ) : (
            <span>{a.summary}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The member's saved searches (every member's for managers) with their matches now, and the member's recent alerts. */
export default async function SavedSearchesPage() {
  const ctx = await requirePage("govcon:read");
  const seesAll = can(ctx.role, "govcon:manage");
  const [searches, alerts, tenant] = await Promise.all([
    listSavedSearches(ctx.db, { userId: ctx.user.id, seesAll }),
    listRecentAlerts(ctx.db, ctx.user.id),
    getTenantWithSettings(ctx.db),
  ]);
  const browse = (
    <Button asChild variant="outline">
      <Link href="/govcon">Open Opportunities</Link>
    </Button>
  );
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Saved searches</h1>
          <p className="text-sm text-muted-foreground">
            {`Filters you are told about when a sync finds a new or amended match: at once, or in a daily digest from 08:00 ${zoneAbbreviation(tenant.timeZone)}.`}
          </p>
        </div>
        {browse}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{seesAll ? "Searches of the workspace" : "Your searches"}</CardTitle>
        </CardHeader>
        <CardContent>
          {searches.length === 0 ? (
            <EmptyState icon={Bell} title="No saved searches yet" description="Filter the opportunities, then press Save this search to be told of new and amended matches." action={browse} />
          ) : (
            <SearchesTable searches={searches} mine={ctx.user.id} showOwner={seesAll} />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your recent alerts</CardTitle>
        </CardHeader>
        <CardContent>
          <RecentAlerts alerts={alerts} timeZone={tenant.timeZone} />
        </CardContent>
      </Card>
    </div>
  );
}
