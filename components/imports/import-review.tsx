"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ImportConsentDefault } from "@/lib/imports/consent";
import type { ImportKind } from "@/lib/imports/schema";
import { ColumnMapping } from "./column-mapping";
import { ConsentDefaultCard } from "./consent-default-card";
import { plural } from "./format";
import { ImportPreview } from "./import-preview";
import { ListNameField, listNameError } from "./list-name-field";
import { IMPORT_TARGETS, unmappedRequired, type FieldMapping, type ImportTarget } from "./import-targets";
import type { ConsentDefaultDraft, ImportStep } from "./use-import-wizard";

interface ImportReviewProps {
  kind: ImportKind;
  step: Extract<ImportStep, { name: "map" | "upload" }>;
  mapping: FieldMapping;
  onMappingChange: (mapping: FieldMapping) => void;
  consentDraft: ConsentDefaultDraft;
  consent: { value: ImportConsentDefault | null; errors: Record<string, string[]> };
  onConsentChange: (draft: ConsentDefaultDraft) => void;
  /** The lead list a deals import becomes (list stacking). */
  listName: string;
  onListNameChange: (name: string) => void;
  onStart: () => void;
}

const KEPT_RAW: Record<ImportKind, string> = {
  DEALS: "Columns set to “Don’t import” are kept only in the deal’s raw record.",
  BUYERS: "Columns set to “Don’t import” are left out. Phones, emails and tags may take several columns.",
  COMPS: "Columns set to “Don’t import” are left out. A sale needs its street, sold price and sold date.",
};

/** Steps 2 and 3: match the file's columns, check the first rows, then start the import. */
export function ImportReview({ kind, step, mapping, onMappingChange, consentDraft, consent, onConsentChange, listName, onListNameChange, onStart }: ImportReviewProps) {
  const uploading = step.name === "upload";
  const target = IMPORT_TARGETS[kind];
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>2. Match the columns</CardTitle>
          <CardDescription>We guessed from the headers; change any that are wrong. {KEPT_RAW[kind]}</CardDescription>
        </CardHeader>
        <CardContent>
          <ColumnMapping target={target} headers={step.head.headers} sample={step.head.rows[0]?.cells} mapping={mapping} disabled={uploading} onChange={onMappingChange} />
        </CardContent>
      </Card>

      {/* A sold comp is a sale, not a person to contact: no consent to ask. */}
      {kind !== "COMPS" && <ConsentDefaultCard target={target} draft={consentDraft} errors={consent.errors} disabled={uploading} onChange={onConsentChange} />}

      <Card>
        <CardHeader>
          <CardTitle>3. Check the first rows</CardTitle>
          <CardDescription>
            Rows with problems are skipped and listed in an error report you can fix and import again. Rows repeating a known {target.dedupedBy} are skipped as duplicates.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {step.head.rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">The file has a header row but no {target.noun}s.</p>
          ) : (
            <ImportPreview target={target} headers={step.head.headers} rows={step.head.rows} mapping={mapping} consentDefault={consent.value} />
          )}
        </CardContent>
      </Card>

      {kind === "DEALS" && <ListNameField value={listName} disabled={uploading} onChange={onListNameChange} />}
      <StartImport target={target} step={step} mapping={mapping} consentInvalid={(kind !== "COMPS" && Object.keys(consent.errors).length > 0) || (kind === "DEALS" && listNameError(listName) !== null)} onStart={onStart} />
    </>
  );
}

/** The import button, held back until the rows are counted and every required field has a column. */
function StartImport({ target, step, mapping, consentInvalid, onStart }: Pick<ImportReviewProps, "step" | "mapping" | "onStart"> & { target: ImportTarget; consentInvalid: boolean }) {
  const missing = unmappedRequired(target, mapping);
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
