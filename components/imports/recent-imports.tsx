import { FileSpreadsheet } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportJobView, ImportStatus } from "@/lib/imports/query";
import { formatDateTime } from "@/components/prospects/format";
import { formatCount } from "./format";
import { RetryImportButton, type RetryImportAction } from "./retry-import-button";

const STATUS: Record<ImportStatus, { label: string; variant: "secondary" | "warning" | "success" | "destructive" }> = {
  PENDING: { label: "Waiting", variant: "secondary" },
  RUNNING: { label: "Running", variant: "warning" },
  DONE: { label: "Done", variant: "success" },
  FAILED: { label: "Failed", variant: "destructive" },
};

/** The tenant's latest imports; times in the workspace's zone, labelled. */
export function RecentImports({ jobs, timeZone, retryImport }: { jobs: ImportJobView[]; timeZone: string; retryImport: RetryImportAction }) {
  if (jobs.length === 0) {
    return (
      <EmptyState
        icon={FileSpreadsheet}
        title="No imports yet"
        description="Choose a CSV above: a lead list's rows become deals, deduplicated by address and underwritten on the way in; a buyer list's rows become buyers, deduplicated by phone or email."
      />
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>File</TableHead>
          <TableHead className="hidden sm:table-cell">List</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Rows</TableHead>
          <TableHead className="text-right">Created</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Duplicates</TableHead>
          <TableHead className="text-right">Errors</TableHead>
          <TableHead className="hidden md:table-cell">Started</TableHead>
          <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => (
          <TableRow key={job.id} data-testid={`import-${job.id}`}>
            <TableCell className="max-w-56 truncate font-medium" title={job.message ?? job.fileName}>
              {job.fileName}
              {job.status === "FAILED" && job.message && <div className="truncate text-xs font-normal text-destructive">{job.message}</div>}
            </TableCell>
            <TableCell className="hidden max-w-40 truncate sm:table-cell">{job.kind === "BUYERS" ? "Buyers" : job.kind === "COMPS" ? "Sold comps" : (job.listName ?? "Leads")}</TableCell>
            <TableCell><Badge variant={STATUS[job.status].variant}>{STATUS[job.status].label}</Badge></TableCell>
            <TableCell className="text-right tabular-nums">
              {job.status === "RUNNING" ? `${formatCount(job.processedRows)} / ${formatCount(job.totalRows)}` : formatCount(job.processedRows)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(job.created)}</TableCell>
            <TableCell className="hidden text-right tabular-nums sm:table-cell">
              {formatCount(job.duplicates)}
              {job.stacked > 0 && <div className="text-xs text-muted-foreground">{formatCount(job.stacked)} stacked</div>}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {job.errorCount > 0 ? (
                <a className="text-destructive underline-offset-4 hover:underline" href={`/api/imports/${encodeURIComponent(job.id)}/errors`} download aria-label={`Error report for ${job.fileName} (${formatCount(job.errorCount)} rows)`}>
                  {formatCount(job.errorCount)}
                </a>
              ) : (
                "0"
              )}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap md:table-cell">
              {formatDateTime(new Date(job.startedAt ?? job.createdAt), timeZone)}
            </TableCell>
            <TableCell>{job.status === "FAILED" && <RetryImportButton jobId={job.id} fileName={job.fileName} retryImport={retryImport} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
