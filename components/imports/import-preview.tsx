"use client";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DEAL_FIELDS, type DealField, type HeaderMapping } from "@/lib/imports/mapping";
import { toRecord, validateRow, type RowIssue } from "@/lib/imports/rows";
import { cn } from "@/lib/ui/cn";
import type { PreviewRow } from "./read-file";

interface ImportPreviewProps {
  headers: string[];
  rows: PreviewRow[];
  mapping: HeaderMapping;
}

/** What a cell will import as: the raw text, since DealInput reads "$150k" on the server too. */
function cellText(value: string | undefined) {
  return value?.trim() ? value : <span className="text-muted-foreground">—</span>;
}

/**
 * The first rows as they will be imported: one column per mapped field, each row checked
 * with the same DealInput schema the server uses, problems shown on the cell at fault.
 */
export function ImportPreview({ headers, rows, mapping }: ImportPreviewProps) {
  const used = new Set(Object.values(mapping));
  const fields = DEAL_FIELDS.filter((f) => used.has(f.field));
  const headerOf = new Map(Object.entries(mapping).filter(([, f]) => f).map(([h, f]) => [f as DealField, h]));
  const checked = rows.map(({ rowNumber, cells }) => {
    const record = toRecord(headers, cells);
    const result = validateRow(record, mapping);
    return { rowNumber, record, issues: result.ok ? [] : result.issues };
  });
  const bad = checked.filter((row) => row.issues.length > 0).length;

  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {bad === 0 ? `The first ${rows.length} rows look good.` : `${bad} of the first ${rows.length} rows have problems; they will be skipped and listed in the error report.`}
      </p>
      <div className="overflow-x-auto">
        <Table aria-label="Preview of the import">
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
            {checked.map(({ rowNumber, record, issues }) => {
              const byField = new Map<DealField | null, RowIssue[]>();
              for (const issue of issues) byField.set(issue.field, [...(byField.get(issue.field) ?? []), issue]);
              // Problems of fields not shown as a column (e.g. street when nothing maps to it).
              const elsewhere = issues.filter((i) => !i.field || !used.has(i.field));
              return (
                <TableRow key={rowNumber} data-invalid={issues.length > 0 || undefined}>
                  <TableCell className="text-muted-foreground">{rowNumber}</TableCell>
                  {fields.map((f) => {
                    const problems = byField.get(f.field);
                    return (
                      <TableCell key={f.field} aria-invalid={problems ? true : undefined} className={cn("align-top", problems && "bg-destructive/10")}>
                        {cellText(record[headerOf.get(f.field) ?? ""])}
                        {problems?.map((p) => (
                          <div key={p.message} className="mt-1 text-xs font-medium text-destructive">{p.message}</div>
                        ))}
                      </TableCell>
                    );
                  })}
                  <TableCell className="align-top">
                    {issues.length === 0 ? <Badge variant="success">Ready</Badge> : <Badge variant="destructive">Skipped</Badge>}
                    {elsewhere.map((p) => (
                      <div key={p.message} className="mt-1 text-xs font-medium text-destructive">{p.message}</div>
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
