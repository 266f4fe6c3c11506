import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

interface AuditRow {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-muted-foreground">—</span>;
  return (
    <details className="max-w-md text-xs">
      <summary className="cursor-pointer text-muted-foreground">View change</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        <pre className="overflow-x-auto rounded bg-muted p-2"><span className="font-semibold">Before</span>{"\n"}{before == null ? "—" : JSON.stringify(before, null, 2)}</pre>
        <pre className="overflow-x-auto rounded bg-muted p-2"><span className="font-semibold">After</span>{"\n"}{after == null ? "—" : JSON.stringify(after, null, 2)}</pre>
      </div>
    </details>
  );
}

export function AuditTable({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short",
  });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Action</TableHead>
          <TableHead className="hidden md:table-cell">Entity</TableHead>
          <TableHead>Change</TableHead>
          <TableHead className="hidden lg:table-cell">Request</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="audit-row">
            <TableCell className="whitespace-nowrap text-xs">{format.format(row.createdAt)}</TableCell>
            <TableCell className="text-sm">{row.actorEmail ?? <span className="text-muted-foreground">system</span>}</TableCell>
            <TableCell><Badge variant="secondary" className="font-mono">{row.action}</Badge></TableCell>
            <TableCell className="hidden text-sm md:table-cell">{row.entity}</TableCell>
            <TableCell><Change before={row.before} after={row.after} /></TableCell>
            <TableCell className="hidden font-mono text-xs text-muted-foreground lg:table-cell">{row.requestId?.slice(0, 8) ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
