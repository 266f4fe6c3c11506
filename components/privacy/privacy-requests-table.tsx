import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface PrivacyRequestRow {
  id: string;
  kind: "ERASURE" | "ACCESS";
  status: "PENDING" | "COMPLETED" | "FAILED";
  /** The person as given, or null once erased. */
  person: string | null;
  requestedAt: Date;
  deadline: Date;
  completedAt: Date | null;
  proof: Record<string, number> | null;
  lastError: string | null;
}

const STATUS_VARIANT = { PENDING: "secondary", COMPLETED: "default", FAILED: "destructive" } as const;

function Proof({ proof }: { proof: Record<string, number> | null }) {
  if (!proof) return <span className="text-muted-foreground">—</span>;
  const entries = Object.entries(proof).filter(([, count]) => count > 0);
  return (
    <details className="text-xs">
      <summary className="cursor-pointer">{`${entries.reduce((sum, [, n]) => sum + n, 0)} row(s) in ${entries.length} table(s)`}</summary>
      {/* Tables with nothing of the person's are left out; the stored proof keeps every count. */}
      <ul className="mt-1 grid gap-0.5">
        {entries.map(([table, count]) => (
          <li key={table} className="flex justify-between gap-4 tabular-nums"><span>{table}</span><span>{count}</span></li>
        ))}
      </ul>
    </details>
  );
}

export function PrivacyRequestsTable({ rows, timeZone }: { rows: PrivacyRequestRow[]; timeZone: string }) {
  const format = new Intl.DateTimeFormat("en-CA", { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div className="overflow-x-auto">
      <Table aria-label="Privacy requests">
        <TableHeader>
          <TableRow>
            <TableHead>Request</TableHead>
            <TableHead>Person</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>{`Filed / due (${timeZone})`}</TableHead>
            <TableHead>Proof of completion</TableHead>
            <TableHead><span className="sr-only">Export</span></TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} className="[&>td]:align-top">
              <TableCell className="font-medium">{row.kind === "ERASURE" ? "Erasure" : "Access"}</TableCell>
              <TableCell className="max-w-56 break-words">{row.person ?? <span className="text-muted-foreground">erased</span>}</TableCell>
              <TableCell>
                <Badge variant={STATUS_VARIANT[row.status]}>{row.status.toLowerCase()}</Badge>
                {row.lastError && row.status !== "COMPLETED" && <div className="mt-1 text-xs text-destructive">{`Last attempt failed: ${row.lastError}`}</div>}
              </TableCell>
              <TableCell className="whitespace-nowrap text-xs">
                <div>{format.format(row.requestedAt)}</div>
                <div className="text-muted-foreground">{row.completedAt ? `done ${format.format(row.completedAt)}` : `due ${format.format(row.deadline)}`}</div>
              </TableCell>
              <TableCell><Proof proof={row.proof} /></TableCell>
              <TableCell>
                {row.kind === "ACCESS" && row.status === "COMPLETED" && row.person && (
                  <a className="text-sm underline underline-offset-4" href={`/api/privacy/export?id=${encodeURIComponent(row.id)}`} download>
                    Download export<span className="sr-only">{` for ${row.person}`}</span>
                  </a>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
