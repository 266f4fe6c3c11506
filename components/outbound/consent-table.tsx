import { formatDateTime } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

interface ConsentRow {
  id: string;
  channel: string;
  address: string;
  status: "OPTED_IN" | "OPTED_OUT";
  source: string;
  note: string | null;
  updatedAt: Date;
}

/** The latest consent of each contact per channel; at most the 200 most recent are listed. */
export function ConsentTable({ rows, timeZone }: { rows: ConsentRow[]; timeZone: string }) {
  return (
    <>
      <Table>
        <TableHeader>
          <TableRow><TableHead>Channel</TableHead><TableHead>Address</TableHead><TableHead>Consent</TableHead><TableHead>Source</TableHead><TableHead>Note</TableHead><TableHead>Updated</TableHead></TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="consent-row" data-status={row.status}>
              <TableCell className="text-xs">{row.channel}</TableCell>
              <TableCell className="font-mono text-xs">{row.address}</TableCell>
              <TableCell><Badge variant={row.status === "OPTED_IN" ? "success" : "warning"}>{row.status === "OPTED_IN" ? "opted in" : "opted out"}</Badge></TableCell>
              <TableCell className="text-xs">{row.source}</TableCell>
              <TableCell className="text-xs text-muted-foreground">{row.note}</TableCell>
              <TableCell className="text-xs text-muted-foreground">{formatDateTime(row.updatedAt, timeZone)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length === 200 && <p className="text-xs text-muted-foreground">The 200 most recent are shown; search to narrow.</p>}
    </>
  );
}
