import { formatDateTime } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import { ConsentBasisBadge } from "./consent-basis";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ConsentPage } from "@/lib/outbound/consent";

/** The page's URL with the list's search kept and another page number. */
function pageHref(query: ConsentPage["query"], page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.consent) params.set("consent", query.consent);
  if (query.channel) params.set("channel", query.channel);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/settings/compliance${search ? `?${search}` : ""}#record-consent`;
}

function countText(page: ConsentPage): string {
  const count = `${page.total.toLocaleString("en-US")}${page.totalIsExact ? "" : "+"}`;
  const noun = page.total === 1 && page.totalIsExact ? "record" : "records";
  return page.query.q || page.query.consent || page.query.channel ? `${count} matching ${noun}` : `${count} ${noun}`;
}

/** The latest consent of each contact per channel, a page at a time, newest change first. */
export function ConsentTable({ page, timeZone }: { page: ConsentPage; timeZone: string }) {
  const { rows, query } = page;
  const first = (query.page - 1) * query.pageSize + 1;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground" data-testid="consent-count">
        {rows.length === 0 ? (query.page > 1 ? "No records on this page." : "No consent records match.") : `${first.toLocaleString("en-US")}–${(first + rows.length - 1).toLocaleString("en-US")} of ${countText(page)}`}
      </p>
      <div className="overflow-x-auto">
        <Table aria-label="Consent records">
          <TableHeader>
            <TableRow><TableHead>Channel</TableHead><TableHead>Address</TableHead><TableHead>Consent</TableHead><TableHead>Basis</TableHead><TableHead>Source</TableHead><TableHead>Note</TableHead><TableHead>Updated</TableHead></TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid="consent-row" data-status={row.status}>
                <TableCell className="text-xs">{row.channel}</TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">{row.address}</TableCell>
                <TableCell><Badge variant={row.status === "OPTED_IN" ? "success" : "warning"}>{row.status === "OPTED_IN" ? "opted in" : "opted out"}</Badge></TableCell>
                <TableCell><ConsentBasisBadge basis={row.basis} /></TableCell>
                <TableCell className="text-xs">
                  {row.source}
                  {row.evidence && <span className="block font-mono break-all text-muted-foreground">{row.evidence}</span>}
                </TableCell>
                <TableCell className="max-w-64 min-w-48 text-xs whitespace-normal text-muted-foreground">
                  <span className="line-clamp-2" title={row.note ?? row.wording ?? undefined}>{row.note ?? row.wording}</span>
                </TableCell>
                <TableCell className="text-xs whitespace-nowrap text-muted-foreground">{formatDateTime(row.updatedAt, timeZone)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {page.pageCount > 1 && <Pagination page={query.page} pageCount={page.pageCount} hrefFor={(n) => pageHref(query, n)} />}
    </div>
  );
}
