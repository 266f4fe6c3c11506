import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EngineRunView } from "@/lib/engines/service";
import { dateTimeFormatter, formatDuration } from "./format";

const OUTCOME_VARIANT = { OK: "success", RUNNING: "secondary", SKIPPED: "outline", FAILED: "destructive" } as const;

export function EngineRunsTable({ label, runs, timeZone }: { label: string; runs: EngineRunView[]; timeZone: string }) {
  const when = dateTimeFormatter(timeZone);
  if (runs.length === 0) return <p className="text-sm text-muted-foreground">No runs yet.</p>;
  return (
    <Table aria-label={`Recent runs of ${label}`}>
      <TableCaption className="sr-only">The last {runs.length} runs of {label}, newest first</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Started</TableHead>
          <TableHead>Trigger</TableHead>
          <TableHead className="text-right">Duration</TableHead>
          <TableHead className="text-right">Items</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Error or note</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id}>
            <TableCell className="whitespace-nowrap">{when(run.startedAt)}</TableCell>
            <TableCell>{run.trigger}</TableCell>
            <TableCell className="text-right tabular-nums">{run.finishedAt ? formatDuration(run.finishedAt.getTime() - run.startedAt.getTime()) : "—"}</TableCell>
            <TableCell className="text-right tabular-nums">{run.items}</TableCell>
            <TableCell>
              <Badge variant={OUTCOME_VARIANT[run.outcome]}>{run.outcome}</Badge>
            </TableCell>
            <TableCell className="max-w-md truncate text-muted-foreground" title={run.error ?? undefined}>
              {run.error ?? ""}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
