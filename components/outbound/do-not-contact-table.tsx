import type { FormAction } from "@/components/forms/action-types";
import { formatDateTime } from "@/components/prospects/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RemoveDoNotContactButton } from "./compliance-forms";

interface DoNotContactRow {
  id: string;
  value: string;
  reason: string;
  createdAt: Date;
}

interface DoNotContactTableProps {
  rows: DoNotContactRow[];
  timeZone: string;
  removeDoNotContact: FormAction<unknown>;
}

/** The do-not-contact list, newest first, each entry removable with a reason. */
export function DoNotContactTable({ rows, timeZone, removeDoNotContact }: DoNotContactTableProps) {
  if (rows.length === 0) return null;
  return (
    <Table>
      <TableHeader>
        <TableRow><TableHead>Phone or email</TableHead><TableHead>Reason</TableHead><TableHead>Added</TableHead><TableHead /></TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="dnc-row">
            <TableCell className="font-mono text-xs">{row.value}</TableCell>
            <TableCell className="text-sm">{row.reason}</TableCell>
            <TableCell className="text-xs text-muted-foreground">{formatDateTime(row.createdAt, timeZone)}</TableCell>
            <TableCell className="text-right"><RemoveDoNotContactButton id={row.id} value={row.value} removeDoNotContact={removeDoNotContact} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
