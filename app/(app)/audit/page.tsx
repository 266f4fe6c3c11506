import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { DigestButton } from "@/components/audit/digest-button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { parseAuditQuery } from "@/lib/audit/query";
import { listAuditEntities, listAuditEvents } from "@/lib/audit/query";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { sendDigestNowAction } from "./actions";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toParams(values: Record<string, string | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (typeof value === "string" && value) params.set(key, value);
  return params;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePage("audit:read");
  const raw = await searchParams;
  const { query, ignored } = parseAuditQuery(raw);
  const [page, entities] = await Promise.all([listAuditEvents(ctx.db, query, ctx.tenant.timeZone), listAuditEntities(ctx.db)]);
  const params = toParams(raw);
  for (const key of ignored) params.delete(key);
  const hrefFor = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  params.delete("page");
  const exportHref = can(ctx.role, "audit:export") ? `/api/audit/export?${params}` : null;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="text-sm text-muted-foreground">
            Every change in this workspace: who, what, before and after. Entries cannot be edited or deleted.
          </p>
        </div>
        {can(ctx.role, "audit:digest") && <DigestButton sendDigest={sendDigestNowAction} />}
      </div>
      <AuditFilters query={query} entities={entities} exportHref={exportHref} />
      {ignored.length > 0 && (
        <p role="status" className="text-sm text-muted-foreground">
          Ignored filters that were not valid: {ignored.join(", ")}.
        </p>
      )}
      <Card>
        <CardContent className="grid gap-4">
          {page.rows.length === 0 ? (
            <EmptyState
              icon={ScrollText}
              title="No matching entries"
              description={params.size > 0 ? "Try widening the date range or clearing the filters." : "Changes to members, roles and settings will be listed here."}
            />
          ) : (
            <>
              <p className="text-sm text-muted-foreground">{page.total.toLocaleString()} entr{page.total === 1 ? "y" : "ies"}</p>
              <AuditTable rows={page.rows} timeZone={ctx.tenant.timeZone} />
              <Pagination page={query.page} pageCount={page.pageCount} hrefFor={hrefFor} />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
