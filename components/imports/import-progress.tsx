"use client";

import { AlertTriangle, CheckCircle2, Download, Loader2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useEffectEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ImportJobView } from "@/lib/imports/query";
import { formatCount } from "./format";

const POLL_MS = 500;

interface ImportProgressProps {
  jobId: string;
  onFinished?(job: ImportJobView): void;
}

/** Polls the job until it ends; rows/s is measured between polls, so it shows the pace now. */
function useImportJob(jobId: string, onFinished?: (job: ImportJobView) => void) {
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const finish = useEffectEvent((done: ImportJobView) => onFinished?.(done));

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: { rows: number; at: number } | null = null;
    async function poll() {
      try {
        const response = await fetch(`/api/imports/${encodeURIComponent(jobId)}`, { cache: "no-store" });
        const body = await response.json();
        if (!response.ok) throw new Error(body.error ?? "Could not read the import's progress");
        if (stopped) return;
        const next = body as ImportJobView;
        const now = performance.now();
        if (last && now > last.at && next.processedRows >= last.rows) {
          const current = ((next.processedRows - last.rows) * 1000) / (now - last.at);
          setRate((previous) => (previous === null ? current : previous * 0.6 + current * 0.4));
        }
        last = { rows: next.processedRows, at: now };
        setJob(next);
        setError(null);
        if (next.status === "DONE" || next.status === "FAILED") return finish(next);
      } catch (caught) {
        if (!stopped) setError((caught as Error).message);
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  return { job, rate, error };
}

function Counter({ label, value, tone }: { label: string; value: number; tone?: "bad" }) {
  return (
    <div className="rounded-md border px-3 py-2">
      <div className="text-xs text-muted-foreground">{label}</div>
      <div className={tone === "bad" && value > 0 ? "text-lg font-semibold text-destructive" : "text-lg font-semibold"}>{formatCount(value)}</div>
    </div>
  );
}

export function ImportProgress({ jobId, onFinished }: ImportProgressProps) {
  const { job, rate, error } = useImportJob(jobId, onFinished);
  const total = job?.totalRows ?? 0;
  const processed = job?.processedRows ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : job?.status === "DONE" ? 100 : 0;
  const running = !job || job.status === "PENDING" || job.status === "RUNNING";
  const shownRate = running ? rate : job?.rowsPerSecond;

  return (
    <section aria-label="Import progress" className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="flex items-center gap-2 font-medium">
          {running && <Loader2 className="size-4 animate-spin" aria-hidden />}
          {job?.status === "DONE" && <CheckCircle2 className="size-4 text-success" aria-hidden />}
          {job?.status === "FAILED" && <AlertTriangle className="size-4 text-destructive" aria-hidden />}
          {running ? "Importing…" : job?.status === "DONE" ? "Import finished" : "Import stopped"}
        </span>
        <span className="text-muted-foreground">
          {formatCount(processed)} of {formatCount(total)} rows
          {shownRate ? ` · ${formatCount(Math.round(shownRate))} rows/s` : ""}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Rows imported"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% (${formatCount(processed)} of ${formatCount(total)} rows)`}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-primary transition-[width] duration-300" style={{ width: `${percent}%` }} />
      </div>
      <div className={job?.kind === "DEALS" ? "grid grid-cols-2 gap-3 sm:grid-cols-4" : "grid grid-cols-3 gap-3"} aria-live="polite">
        <Counter label="Created" value={job?.created ?? 0} />
        {job?.kind === "DEALS" && <Counter label="Stacked" value={job.stacked} />}
        <Counter label="Duplicates" value={job?.duplicates ?? 0} />
        <Counter label="Errors" value={job?.errorCount ?? 0} tone="bad" />
      </div>
      {error && <p role="alert" className="text-sm text-destructive">{error}. Retrying…</p>}
      {job && !running && <ImportSummary job={job} />}
    </section>
  );
}

/** A lead list's stacking: how many known rows added this import's list to an existing deal. */
function StackingSummary({ job }: { job: ImportJobView }) {
  const list = job.listName ? `“${job.listName}”` : "this import's list";
  if (job.stacked === 0) return <p>No row stacked onto an existing deal (list {list}).</p>;
  return (
    <p>
      {formatCount(job.stacked)} known row{job.stacked === 1 ? "" : "s"} stacked onto {job.stacked === 1 ? "an existing deal, which gains" : "existing deals, which gain"} the list {list}.
    </p>
  );
}

export function ImportSummary({ job }: { job: ImportJobView }) {
  return (
    <div className="grid gap-3 rounded-md border bg-muted/30 p-4 text-sm">
      {job.status === "FAILED" ? (
        <p role="alert" className="text-destructive">{job.message}</p>
      ) : (
        <p>
          {formatCount(job.created)} new {job.kind === "BUYERS" ? "buyer" : job.kind === "COMPS" ? "sold comp" : "deal"}
          {job.created === 1 ? "" : "s"}, {formatCount(job.duplicates)} already known (matched by {job.kind === "BUYERS" ? "phone or email" : job.kind === "COMPS" ? "address and sale date" : "address"}),{" "}
          {formatCount(job.errorCount)} row{job.errorCount === 1 ? "" : "s"} skipped for errors.
        </p>
      )}
      {job.status === "DONE" && job.kind === "DEALS" && <StackingSummary job={job} />}
      <div className="flex flex-wrap gap-2">
        {job.created > 0 && job.kind !== "COMPS" && (
          <Button asChild size="sm">
            {job.kind === "BUYERS" ? <Link href="/buyers">View buyers</Link> : <Link href="/deals?source=CSV">View imported deals</Link>}
          </Button>
        )}
        {job.kind === "DEALS" && job.stacked > 0 && (
          <Button asChild size="sm" variant="outline">
            <Link href="/deals?listsMin=2">View stacked leads</Link>
          </Button>
        )}
        {job.errorCount > 0 && (
          <Button asChild size="sm" variant="outline">
            <a href={`/api/imports/${encodeURIComponent(job.id)}/errors`} download>
              <Download aria-hidden />
              Download error report
            </a>
          </Button>
        )}
      </div>
    </div>
  );
}
