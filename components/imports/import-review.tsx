"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { unmappedRequiredFields, type HeaderMapping } from "@/lib/imports/mapping";
import type { ImportConsentDefault } from "@/lib/imports/consent";
import { ColumnMapping } from "./column-mapping";
import { ConsentDefaultCard } from "./consent-default-card";
import { plural } from "./format";
import { ImportPreview } from "./import-preview";
import type { ConsentDefaultDraft, ImportStep } from "./use-import-wizard";

interface ImportReviewProps {
  step: Extract<ImportStep, { name: "map" | "upload" }>;
  mapping: HeaderMapping;
  onMappingChange: (mapping: HeaderMapping) => void;
  consentDraft: ConsentDefaultDraft;
  consent: { value: ImportConsentDefault | null; errors: Record<string, string[]> };
  onConsentChange: (draft: ConsentDefaultDraft) => void;
  onStart: () => void;
}

/** Steps 2 and 3: match the file's columns, check the first rows, then start the import. */
export function ImportReview({ step, mapping, onMappingChange, consentDraft, consent, onConsentChange, onStart }: ImportReviewProps) {
  const uploading = step.name === "upload";
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>2. Match the columns</CardTitle>
          <CardDescription>We guessed from the headers; change any that are wrong. Columns set to “Don’t import” are kept only in the deal’s raw record.</CardDescription>
        </CardHeader>
        <CardContent>
          <ColumnMapping headers={step.head.headers} sample={step.head.rows[0]?.cells} mapping={mapping} disabled={uploading} onChange={onMappingChange} />
        </CardContent>
      </Card>

      <ConsentDefaultCard draft={consentDraft} errors={consent.errors} disabled={uploading} onChange={onConsentChange} />

      <Card>
        <CardHeader>
          <CardTitle>3. Check the first rows</CardTitle>
          <CardDescription>Rows with problems are skipped and listed in an error report you can fix and import again. Duplicate addresses are skipped too.</CardDescription>
        </CardHeader>
        <CardContent>
          {step.head.rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">The file has a header row but no leads.</p>
          ) : (
            <ImportPreview headers={step.head.headers} rows={step.head.rows} mapping={mapping} consentDefault={consent.value} />
          )}
        </CardContent>
      </Card>

      <StartImport step={step} mapping={mapping} consentInvalid={Object.keys(consent.errors).length > 0} onStart={onStart} />
    </>
  );
}

/** The import button, held back until the rows are counted and every required field has a column. */
function StartImport({ step, mapping, consentInvalid, onStart }: Pick<ImportReviewProps, "step" | "mapping" | "onStart"> & { consentInvalid: boolean }) {
  const missing = unmappedRequiredFields(mapping);
  const { rows } = step;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={onStart} disabled={step.name === "upload" || rows === null || rows === 0 || missing.length > 0 || consentInvalid}>
        {rows === null ? "Counting rows…" : step.name === "upload" ? `Uploading… ${Math.round(step.progress * 100)}%` : `Import ${plural(rows, "row")}`}
      </Button>
      {consentInvalid && <p className="text-sm text-destructive">Complete the consent answer above to import.</p>}
      {missing.length > 0 && (
        <p className="text-sm text-destructive">Map a column to {missing.map((f) => f.label).join(", ")} to import.</p>
      )}
    </div>
  );
}
