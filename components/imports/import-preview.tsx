"use client";

import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportConsentDefault } from "@/lib/imports/consent";
import type { PreviewRowCheck as RowCheck } from "@/lib/imports/preview";
import { toColumnMapping } from "@/lib/imports/schema";
import { cn } from "@/lib/ui/cn";
import { targetFields, type FieldMapping, type ImportTarget } from "./import-targets";
import type { PreviewRow } from "./read-file";

interface ImportPreviewProps {
  target: ImportTarget;
  headers: string[];
  rows: PreviewRow[];
  mapping: FieldMapping;
  consentDefault: ImportConsentDefault | null;
}

type PreviewRowCheck = RowCheck<string>;
type RowIssue = PreviewRowCheck["issues"][number];

type Checks = { state: "checking" } | { state: "done"; rows: PreviewRowCheck[] } | { state: "failed"; message: string };

/**
 * Asks the server to check the rows with the import's own code (a ZIP is placed with the
 * geo tables, which stay on the server), again whenever the mapping or the consent changes.
 */
function usePreviewChecks({ target, headers, rows, mapping, consentDefault }: ImportPreviewProps): Checks {
  const [checks, setChecks] = useState<Checks>({ state: "checking" });
  const body = JSON.stringify(
    target.kind === "BUYERS" || target.kind === "COMPS"
      ? { kind: target.kind, headers, rows, mapping: toColumnMapping(headers, mapping) }
      : { headers, rows, mapping: toColumnMapping(headers, mapping), consentDefault },
  );
  useEffect(() => {
    const controller = new AbortController();
    // A short pause so a burst of mapping changes makes one request.
    const timer = setTimeout(async () => {
      setChecks((current) => (current.state === "done" ? current : { state: "checking" }));
      try {
        const response = await fetch("/api/imports/preview", { method: "POST", headers: { "content-type": "application/json" }, body, signal: controller.signal });
        const answer = (await response.json()) as { rows?: PreviewRowCheck[]; error?: string };
        if (!response.ok || !answer.rows) setChecks({ state: "failed", message: answer.error ?? `The server answered ${response.status}` });
        else setChecks({ state: "done", rows: answer.rows });
      } catch (error) {
        if (!controller.signal.aborted) setChecks({ state: "failed", message: (error as Error).message });
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body]);
  return checks;
}

/** What a cell will import as: the raw text, since the schema reads "$150k" on the server too. */
function cellText(value: string | undefined) {
  return value?.trim() ? value : <span className="text-muted-foreground">—</span>;
}

/** A lead repeating a phone is kept (one owner, several houses); a buyer repeating one is the same buyer. */
function isSkippedDuplicate(target: ImportTarget, duplicate: PreviewRowCheck["duplicates"][number]): boolean {
  return target.kind !== "DEALS" || duplicate.by === "address";
}

function summary(target: ImportTarget, checked: PreviewRowCheck[]): string {
  const bad = checked.filter((row) => row.issues.length > 0).length;
  const skipped = checked.filter((row) => row.duplicates.some((d) => isSkippedDuplicate(target, d))).length;
  const samePhone = checked.filter((row) => row.duplicates.some((d) => !isSkippedDuplicate(target, d) && d.by === "phone")).length;
  const parts = [
    bad > 0 && `${bad} with problems (skipped and listed in the error report)`,
    skipped > 0 && `${skipped} repeating an earlier ${target.dedupedBy} (skipped as duplicates)`,
    samePhone > 0 && `${samePhone} repeating an earlier phone`,
  ].filter(Boolean);
  return parts.length === 0 ? `The first ${checked.length} rows look good.` : `Of the first ${checked.length} rows: ${parts.join("; ")}.`;
}

/**
 * The first rows as they will be imported: one column per mapped field, each row checked
 * by the server exactly as the import will, problems shown on the cell at fault and
 * duplicates within the file named with the row they repeat.
 */
export function ImportPreview(props: ImportPreviewProps) {
  const { target, headers, rows, mapping } = props;
  const checks = usePreviewChecks(props);
  const used = new Set(Object.values(mapping));
  const fields = targetFields(target).filter((f) => used.has(f.field));
  // A field several columns fill shows the cells of all of them.
  const headersOf = new Map<string, string[]>();
  for (const [header, field] of Object.entries(mapping)) if (field) headersOf.set(field, [...(headersOf.get(field) ?? []), header]);
  const checkOf = new Map(checks.state === "done" ? checks.rows.map((row) => [row.rowNumber, row]) : []);

  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {checks.state === "checking" ? "Checking the first rows…" : checks.state === "failed" ? `Could not check the rows: ${checks.message}` : summary(target, checks.rows)}
      </p>
      <div className="overflow-x-auto">
        <Table aria-label="Preview of the import" aria-busy={checks.state === "checking"}>
          <TableHeader>
            <TableRow>
              <TableHead className="w-12">Row</TableHead>
              {fields.map((f) => (
                <TableHead key={f.field}>{f.label}</TableHead>
              ))}
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ rowNumber, cells }) => {
              const check = checkOf.get(rowNumber);
              const issues = check?.issues ?? [];
              const byField = new Map<string | null, RowIssue[]>();
              for (const issue of issues) byField.set(issue.field, [...(byField.get(issue.field) ?? []), issue]);
              // Problems of fields not shown as a column (e.g. street when nothing maps to it).
              const elsewhere = issues.filter((i) => !i.field || !used.has(i.field));
              const record = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
              return (
                <TableRow key={rowNumber} data-row={rowNumber} data-invalid={issues.length > 0 || undefined}>
                  <TableCell className="text-muted-foreground">{rowNumber}</TableCell>
                  {fields.map((f) => {
                    const problems = byField.get(f.field);
                    return (
                      <TableCell key={f.field} aria-invalid={problems ? true : undefined} className={cn("align-top", problems && "border-l-2 border-l-destructive")}>
                        {cellText((headersOf.get(f.field) ?? []).map((h) => record[h]?.trim()).filter(Boolean).join("; "))}
                        {problems?.map((p) => (
                          <div key={p.message} className="mt-1 text-xs font-medium text-destructive">{p.message}</div>
                        ))}
                      </TableCell>
                    );
                  })}
                  <TableCell className="align-top">
                    <RowStatus target={target} check={check} />
                    {elsewhere.map((p) => (
                      <div key={p.message} className="mt-1 text-xs font-medium text-destructive">{p.message}</div>
                    ))}
                    {check?.duplicates.map((d) => (
                      <div key={d.by} className="mt-1 text-xs font-medium">{d.message}</div>
                    ))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

function RowStatus({ target, check }: { target: ImportTarget; check: PreviewRowCheck | undefined }) {
  if (!check) return <span className="text-xs text-muted-foreground">Checking…</span>;
  if (check.issues.length > 0) return <Badge variant="destructive">Skipped</Badge>;
  if (check.duplicates.some((d) => isSkippedDuplicate(target, d))) return <Badge variant="warning">Duplicate</Badge>;
  return (
    <div className="flex flex-wrap gap-1">
      <Badge variant={check.duplicates.length ? "warning" : "success"}>{check.duplicates.length ? "Check" : "Ready"}</Badge>
      {check.consent === "given" && <Badge variant="outline">Consent</Badge>}
    </div>
  );
}
