import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SlaFigures, SlaSnapshot } from "@/lib/ladder/sla";

const share = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

function FigureRow({ label, figures }: { label: string; figures: SlaFigures }) {
  return (
    <TableRow>
      <TableCell>{label}</TableCell>
      <TableCell className="text-right tabular-nums">{figures.count}</TableCell>
      <TableCell className="text-right tabular-nums">{share(figures.within30m)}</TableCell>
      <TableCell className="text-right tabular-nums">{share(figures.within2h)}</TableCell>
    </TableRow>
  );
}

/** Of the tasks due in the last 30 days, the share completed within 30 minutes and 2 hours of due. */
export function SlaCard({ sla, ownerNames }: { sla: SlaSnapshot; ownerNames: Record<string, string> }) {
  return (
    <Card aria-labelledby="sla-title">
      <CardHeader>
        <CardTitle id="sla-title">SLA, last 30 days</CardTitle>
        <CardDescription>Calls completed within 30 minutes and 2 hours of falling due. Open tasks past a limit count as missed.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-3 gap-3 text-center">
          <div><dt className="text-xs text-muted-foreground">Due tasks</dt><dd className="text-2xl font-semibold tabular-nums" data-testid="sla-count">{sla.count}</dd></div>
          <div><dt className="text-xs text-muted-foreground">Within 30 min</dt><dd className="text-2xl font-semibold tabular-nums" data-testid="sla-30m">{share(sla.within30m)}</dd></div>
          <div><dt className="text-xs text-muted-foreground">Within 2 h</dt><dd className="text-2xl font-semibold tabular-nums" data-testid="sla-2h">{share(sla.within2h)}</dd></div>
        </dl>
        {sla.count > 0 && (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>By VA / market</TableHead>
                <TableHead className="text-right">Due</TableHead>
                <TableHead className="text-right">30 min</TableHead>
                <TableHead className="text-right">2 h</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sla.byOwner.map((row) => (
                <FigureRow key={`o-${row.ownerId}`} label={row.ownerId ? (ownerNames[row.ownerId] ?? "Former member") : "Unassigned"} figures={row} />
              ))}
              {sla.byMarket.map((row) => <FigureRow key={`m-${row.market}`} label={row.market ?? "No market"} figures={row} />)}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
