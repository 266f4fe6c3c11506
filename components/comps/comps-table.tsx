import { DASH, formatMoney } from "@/components/prospects/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SelectedComp } from "@/lib/comps/types";
import { cn } from "@/lib/ui/cn";

const signed = (value: number) => (value === 0 ? "$0" : `${value > 0 ? "+" : "−"}${formatMoney(Math.abs(value))}`);

/** The chosen comparable sales, nearest first: where, when, how big, and what each makes of the subject's size. */
export function CompsTable({ comps }: { comps: SelectedComp[] }) {
  // A sale date is a calendar day (stored at UTC midnight): shown as that day, not shifted into the workspace's zone.
  const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Sale</TableHead>
          <TableHead className="text-right">Distance</TableHead>
          <TableHead className="hidden sm:table-cell">Sold</TableHead>
          <TableHead className="text-right">Price</TableHead>
          <TableHead className="hidden text-right md:table-cell">Size</TableHead>
          <TableHead className="text-right">Adjustment</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {comps.map((comp) => (
          <TableRow key={comp.id} data-testid="comp-row">
            <TableCell>
              <span className="block font-medium">{comp.street ?? "Address unknown"}</span>
              <span className="block text-xs text-muted-foreground">{[comp.city, comp.postalCode].filter(Boolean).join(" ") || DASH} · {comp.source.toLowerCase().replace("_", " ")}</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{comp.distanceKm.toFixed(1)} km</TableCell>
            <TableCell className="hidden sm:table-cell">
              {day.format(new Date(comp.soldAt))}
              <span className="block text-xs text-muted-foreground">{comp.monthsAgo} mo ago</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMoney(comp.soldPrice)}
              <span className="block text-xs text-muted-foreground">{formatMoney(Math.round(comp.pricePerSqft))}/sqft</span>
            </TableCell>
            <TableCell className="hidden text-right tabular-nums md:table-cell">
              {comp.sqft?.toLocaleString("en-US") ?? DASH} sqft
              <span className="block text-xs text-muted-foreground">{[comp.beds !== null && `${comp.beds} bd`, comp.baths !== null && `${comp.baths} ba`].filter(Boolean).join(" · ") || DASH}</span>
            </TableCell>
            <TableCell className={cn("text-right tabular-nums", comp.adjustment > 0 ? "text-emerald-700 dark:text-emerald-400" : comp.adjustment < 0 ? "text-red-700 dark:text-red-400" : "")}>
              {signed(comp.adjustment)}
              <span className="block text-xs text-muted-foreground">= {formatMoney(comp.adjustedPrice)}</span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
