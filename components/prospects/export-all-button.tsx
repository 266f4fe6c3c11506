"use client";

import { useRef, useState } from "react";
import { Download, X } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { formatCount, formatDealCount } from "./format";

interface ExportAllButtonProps {
  /** The export link: /api/prospects/export with the page's own query (filters, sort, columns). */
  href: string;
  total: number;
  totalIsExact: boolean;
  estimatedTotal?: number;
}

type ExportState = { kind: "idle" } | { kind: "running"; written: number; count: number | null } | { kind: "failed"; message: string };

const NEWLINE = 10;

/** The file name the server gave the download, or a plain one. */
function fileNameOf(response: Response): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "deals.csv";
}

/**
 * "Export all N deals": every deal the filter matches, not just this page. The file is read
 * as it streams so the page can show how far it got (an export of 100,000 deals takes a
 * while), then handed to the browser as a download. Cancel stops the request.
 */
export function ExportAllButton({ href, total, totalIsExact, estimatedTotal }: ExportAllButtonProps) {
  const [state, setState] = useState<ExportState>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "running", written: 0, count: null });
    try {
      const response = await fetch(href, { signal: controller.signal });
      if (!response.ok || !response.body) {
        setState({ kind: "failed", message: response.status === 403 ? "Your role does not allow exports." : "The export failed. Try again." });
        return;
      }
      const count = Number(response.headers.get("x-export-count") ?? Number.NaN);
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === NEWLINE) lines++;
        // The first line is the header.
        setState({ kind: "running", written: Math.max(0, lines - 1), count: Number.isFinite(count) ? count : null });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: "text/csv" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: "idle" });
    } catch (error) {
      setState(controller.signal.aborted ? { kind: "idle" } : { kind: "failed", message: error instanceof Error ? `The export stopped: ${error.message}` : "The export stopped." });
    } finally {
      abort.current = null;
    }
  }

  if (state.kind === "running") {
    const of = state.count === null ? "" : ` of ${formatCount(state.count)}`;
    return (
      <div className="flex items-center gap-2" role="status" data-testid="export-progress">
        <progress className="h-2 w-28 accent-primary" max={state.count ?? undefined} value={state.count === null ? undefined : state.written} aria-label="Export progress" />
        <span className="text-sm text-muted-foreground">Exported {formatCount(state.written)}{of}</span>
        <Button size="sm" variant="ghost" onClick={() => abort.current?.abort()}>
          <X className="size-4" aria-hidden /> Cancel
        </Button>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <Button size="sm" variant="outline" onClick={() => void run()} disabled={total === 0}>
        <Download className="size-4" aria-hidden /> Export all {formatDealCount(total, totalIsExact, estimatedTotal)}
      </Button>
      {state.kind === "failed" && <span role="alert" className="text-sm text-destructive">{state.message}</span>}
    </div>
  );
}
