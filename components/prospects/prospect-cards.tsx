import Link from "next/link";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/ui/cn";
import { StatusBadge, StrategyBadge } from "./deal-badges";
import { formatMoney, formatPercent, formatPhone, spreadTone } from "./format";
import type { ProspectTableRow } from "./prospect-columns";

export interface CardSelection {
  isSelected: (dealId: string) => boolean;
  toggle: (dealId: string, selected: boolean) => void;
}

/** The phone layout: one card per deal with the numbers a wholesaler scans for, and a checkbox beside it when rows can be selected. */
export function ProspectCards({ rows, selection }: { rows: ProspectTableRow[]; selection?: CardSelection }) {
  return (
    <ul className="grid grid-cols-1 gap-2 md:hidden">
      {rows.map((row) => (
        <li key={row.id} className="flex min-w-0 items-start gap-2">
          {selection && (
            <Checkbox
              className="mt-4 size-5"
              aria-label={`Select ${[row.street, row.unit && `Unit ${row.unit}`].filter(Boolean).join(", ") || "Address unknown"}`}
              checked={selection.isSelected(row.id)}
              onCheckedChange={(checked) => selection.toggle(row.id, checked === true)}
            />
          )}
          <Link href={`/deals/${row.id}`} className="grid min-w-0 flex-1 grid-cols-1 gap-2 rounded-lg border p-3 transition-colors hover:bg-muted/50 focus-visible:bg-muted/50">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="truncate font-medium">{[row.street, row.unit && `Unit ${row.unit}`].filter(Boolean).join(", ") || "Address unknown"}</p>
                <p className="truncate text-xs text-muted-foreground">{[row.city, row.region, row.postalCode].filter(Boolean).join(", ")}</p>
              </div>
              <StatusBadge status={row.status} />
            </div>
            <dl className="grid grid-cols-3 gap-2 text-xs">
              <div><dt className="text-muted-foreground">Asking</dt><dd className="tabular-nums">{formatMoney(row.askingPrice)}</dd></div>
              <div><dt className="text-muted-foreground">ARV</dt><dd className="tabular-nums">{formatMoney(row.arv)}</dd></div>
              <div>
                <dt className="text-muted-foreground">Spread</dt>
                <dd className={cn("font-medium tabular-nums", spreadTone(row.spread))}>
                  {formatMoney(row.spread)} <span className="font-normal">({formatPercent(row.spreadRatio)})</span>
                </dd>
              </div>
            </dl>
            <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
              <StrategyBadge strategy={row.strategy} />
              <span>{row.intake}</span>
            </div>
            {(row.ownerName || row.contactPhone) && (
              <div className="flex flex-wrap items-center justify-between gap-x-2 text-xs text-muted-foreground">
                <span>{row.ownerName ? `Owner: ${row.ownerName}` : "No owner"}</span>
                {row.contactPhone && <span className="whitespace-nowrap tabular-nums">{formatPhone(row.contactPhone)}</span>}
              </div>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
