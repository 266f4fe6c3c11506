import Link from "next/link";
import { DASH, formatDate, formatMoney } from "@/components/prospects/format";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BuyerPage, BuyerRow } from "@/lib/buyers/query";
import { buyerQueryString, type BuyerQuery, type BuyerSort } from "@/lib/buyers/query-params";
import { StatusBadge, TierBadge } from "./buyer-format";

interface BuyersTableProps {
  page: BuyerPage;
  query: BuyerQuery;
  timeZone: string;
  ownerNames: Map<string, string>;
}

const COLUMNS: { sort: BuyerSort | null; label: string }[] = [
  { sort: "name", label: "Name" },
  { sort: "company", label: "Company" },
  { sort: "tier", label: "Tier" },
  { sort: "status", label: "Status" },
  { sort: null, label: "Buy box" },
  { sort: "proofOfFunds", label: "Proof of funds" },
  { sort: "lastActivity", label: "Last activity" },
  { sort: "intentScore", label: "Intent" },
  { sort: "createdAt", label: "Added" },
];

const href = (query: Partial<BuyerQuery>) => {
  const qs = buyerQueryString(query);
  return qs ? `/buyers?${qs}` : "/buyers";
};

/** Where the buyer buys (the first few places, then how many more) and its price range. */
function buyBoxSummary(row: BuyerRow): { where: string; price: string } {
  const places = [...row.markets, ...row.postalCodes];
  const where = places.length ? places.slice(0, 3).join(", ") + (places.length > 3 ? ` +${places.length - 3} more` : "") : "No area yet";
  const price =
    row.priceMin == null && row.priceMax == null ? "Any price"
    : row.priceMin == null ? `Up to ${formatMoney(row.priceMax)}`
    : row.priceMax == null ? `From ${formatMoney(row.priceMin)}`
    : `${formatMoney(row.priceMin)} to ${formatMoney(row.priceMax)}`;
  return { where, price };
}

function BuyBox({ row }: { row: BuyerRow }) {
  const { where, price } = buyBoxSummary(row);
  return (
    <>
      <span className="block">{where}</span>
      <span className="block text-muted-foreground">{price}</span>
    </>
  );
}

/** Server-rendered: sorting and paging are links, so the table works without scripts and by keyboard. */
export function BuyersTable({ page, query, timeZone, ownerNames }: BuyersTableProps) {
  const { after: _after, ...base } = query;
  const sortHref = (sort: BuyerSort) => href({ ...base, page: 1, sort, dir: query.sort === sort && query.dir === "asc" ? "desc" : "asc" });
  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {page.total === 1 ? "1 buyer" : `${page.total.toLocaleString("en-US")} buyers`}
      </p>
      <div className="hidden md:block">
        <Table>
          <TableHeader>
            <TableRow>
              {COLUMNS.map((column) => {
                const active = column.sort !== null && query.sort === column.sort;
                return (
                  <TableHead key={column.label} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                    {column.sort ? (
                      <Link href={sortHref(column.sort)} className="inline-flex items-center gap-1 hover:underline">
                        {column.label}
                        <span aria-hidden>{active ? (query.dir === "asc" ? "↑" : "↓") : ""}</span>
                        <span className="sr-only">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
                      </Link>
                    ) : (
                      column.label
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="font-medium">
                  <Link href={`/buyers/${row.id}`} className="hover:underline">{row.name}</Link>
                  {row.ownerId && <span className="block text-xs text-muted-foreground">{ownerNames.get(row.ownerId) ?? "Former member"}</span>}
                </TableCell>
                <TableCell>{row.company ?? DASH}</TableCell>
                <TableCell><TierBadge tier={row.tier} isNew={row.tierIsNew} /></TableCell>
                <TableCell><StatusBadge status={row.status} /></TableCell>
                <TableCell className="min-w-48 max-w-72 whitespace-normal text-sm"><BuyBox row={row} /></TableCell>
                <TableCell>{row.proofOfFundsAmount != null ? formatMoney(row.proofOfFundsAmount) : DASH}</TableCell>
                <TableCell>{row.lastActivityAt ? formatDate(row.lastActivityAt, timeZone) : "None yet"}</TableCell>
                <TableCell className="tabular-nums">{row.intentScore}</TableCell>
                <TableCell>{formatDate(row.createdAt, timeZone)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="grid gap-3 md:hidden" aria-label="Buyers">
        {page.rows.map((row) => (
          <li key={row.id} className="rounded-lg border p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/buyers/${row.id}`} className="font-medium hover:underline">{row.name}</Link>
              <TierBadge tier={row.tier} isNew={row.tierIsNew} />
            </div>
            {row.company && <p className="text-sm text-muted-foreground">{row.company}</p>}
            <p className="mt-1 text-sm"><BuyBox row={row} /></p>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              <StatusBadge status={row.status} />
              <span>Proof of funds {row.proofOfFundsAmount != null ? formatMoney(row.proofOfFundsAmount) : DASH}</span>
              <span>Last activity {row.lastActivityAt ? formatDate(row.lastActivityAt, timeZone) : "none yet"}</span>
              <span>Intent {row.intentScore}</span>
            </div>
          </li>
        ))}
      </ul>
      {page.pageCount > 1 && <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(n) => href({ ...base, page: n })} />}
    </div>
  );
}
