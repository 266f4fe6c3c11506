import { formatPercent } from "@/components/prospects/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { VariantRow } from "@/lib/deliverability/variant-report";

/** Each rotated wording's sends, reply rate and opt-out rate, grouped by its ladder step or blast. */
export function VariantTable({ rows }: { rows: VariantRow[] }) {
  return (
    <Table aria-label="Results per wording">
      <TableHeader>
        <TableRow>
          <TableHead>Template</TableHead>
          <TableHead>Wording</TableHead>
          <TableHead className="text-right">Sent</TableHead>
          <TableHead className="text-right">Reply rate</TableHead>
          <TableHead className="text-right">Opt-out rate</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.variantKey} data-testid="variant">
            <TableCell>{row.family}</TableCell>
            <TableCell className="min-w-64 whitespace-normal"><span className="font-medium">{`${row.wording}. `}</span>{row.sample}</TableCell>
            <TableCell className="text-right tabular-nums">{row.sent}</TableCell>
            <TableCell className="text-right tabular-nums">{formatPercent(row.replyRate)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatPercent(row.optOutRate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
