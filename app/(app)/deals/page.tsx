import { Inbox, Plus, Trash2, Upload } from "@/components/ui/icons";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDate, zoneAbbreviation } from "@/components/prospects/format";
import { toProspectTableRow } from "@/components/prospects/prospect-columns";
import { ProspectsTable } from "@/components/prospects/prospects-table";
import { HIDDEN_COLUMNS_PARAM, HIDEABLE_COLUMN_IDS, hrefWith, parseHiddenColumns, patchSearchParams } from "@/components/prospects/table-url";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { hasAnyDeal } from "@/lib/deals/service";
import { listProspects, parseProspectQuery } from "@/lib/prospects/query";
import { canonicalViewQuery, listSavedViews } from "@/lib/prospects/views";
import { listMembers } from "@/lib/tenants/members";
import {
  bulkAssignOwnerAction,
  bulkChangeStatusAction,
  bulkDoNotContactAction,
  bulkStartLadderAction,
  bulkTagAction,
  deleteViewAction,
  saveViewAction,
} from "./actions";

export const metadata: Metadata = { title: "Prospects" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toSearchParams(raw: Record<string, string | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const v of [value].flat()) if (v !== undefined) params.append(key, v);
  return params;
}

export default async function ProspectsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePage("deals:read");
  const raw = await searchParams;
  const query = parseProspectQuery(raw);
  const { timeZone } = ctx.tenant;
  const [page, views, members] = await Promise.all([listProspects(ctx.db, query, { timeZone }), listSavedViews(ctx.db, ctx.user.id), listMembers(ctx.db)]);
  const owners = members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }));
  const ownerNames = new Map(owners.map((o) => [o.userId, o.name]));
  const canWork = can(ctx.role, "deals:write");
  const bulkActions = canWork
    ? {
        changeStatus: bulkChangeStatusAction,
        assignOwner: bulkAssignOwnerAction,
        tag: bulkTagAction,
        startLadder: bulkStartLadderAction,
        ...(can(ctx.role, "compliance:manage") && { doNotContact: bulkDoNotContactAction }),
      }
    : undefined;
  const params = toSearchParams(raw);

  // A shared link can outlive its page (deals deleted, filters narrowed): land on the last one.
  if (page.rows.length === 0 && page.total > 0) redirect(hrefWith("/deals", patchSearchParams(params, { page: page.pageCount })));

  const anyDeals = page.total > 0 || (await hasAnyDeal(ctx.db));
  const canImport = can(ctx.role, "deals:import");
  const current = canonicalViewQuery(params.toString());
  const hiddenColumns = parseHiddenColumns(params.get(HIDDEN_COLUMNS_PARAM), HIDEABLE_COLUMN_IDS);

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Prospects</h1>
          <p className="text-sm text-muted-foreground">Every deal received, with its numbers. Click a row for its evidence and history.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(ctx.role, "deals:restore") && (
            <Button variant="ghost" asChild>
              <Link href="/deals/deleted"><Trash2 className="size-4" aria-hidden /> Recently deleted</Link>
            </Button>
          )}
          {canImport && (
            <Button variant="outline" asChild>
              <Link href="/deals/import"><Upload className="size-4" aria-hidden /> Import CSV</Link>
            </Button>
          )}
          {canWork && (
            <Button asChild>
              <Link href="/deals/new"><Plus className="size-4" aria-hidden /> New deal</Link>
            </Button>
          )}
        </div>
      </div>
      {anyDeals ? (
        <ProspectsTable
          rows={page.rows.map((row) =>
            toProspectTableRow(row, formatDate(row.createdAt, timeZone), row.ownerId ? (ownerNames.get(row.ownerId) ?? "Former member") : null, { intent: !hiddenColumns.includes("intent"), lists: !hiddenColumns.includes("lists") }),
          )}
          total={page.total}
          totalIsExact={page.totalIsExact}
          estimatedTotal={page.estimatedTotal}
          pageCount={page.pageCount}
          query={query}
          hiddenColumns={hiddenColumns}
          zoneLabel={zoneAbbreviation(timeZone)}
          views={views}
          currentViewId={views.find((view) => view.query === current)?.id ?? null}
          viewActions={{ saveView: saveViewAction, deleteView: deleteViewAction }}
          owners={owners}
          bulkActions={bulkActions}
          canExport={can(ctx.role, "deals:export")}
        />
      ) : (
        <EmptyState
          icon={Inbox}
          title="No deals yet"
          description="Import a CSV or send deals to the API; forwarded deal emails land here too."
          action={
            <>
              {canImport && <Button asChild><Link href="/deals/import">Import a CSV</Link></Button>}
              {can(ctx.role, "apikeys:manage") && <Button variant="outline" asChild><Link href="/settings/api">API keys</Link></Button>}
            </>
          }
        />
      )}
    </div>
  );
}
