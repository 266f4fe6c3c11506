"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { guessMapping, unmappedRequiredFields, type HeaderMapping } from "@/lib/imports/mapping";
import { toColumnMapping } from "@/lib/imports/schema";
import { ColumnMapping } from "./column-mapping";
import { FilePicker } from "./file-picker";
import { plural } from "./format";
import { ImportPreview } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { countCsvRows, readCsvHead, type CsvHead } from "./read-file";
import { uploadImport } from "./upload";

type Step =
  | { name: "choose" }
  | { name: "map"; file: File; head: CsvHead; rows: number | null }
  | { name: "upload"; file: File; head: CsvHead; rows: number | null; progress: number }
  | { name: "run"; jobId: string };

/**
 * CSV import in four steps on one page: choose a file, map its columns, check the preview,
 * import and watch the progress. The browser reads only the file's head (and counts rows
 * as a stream); the server does the real import from the uploaded file.
 */
export function ImportWizard() {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [mapping, setMapping] = useState<HeaderMapping>({});
  const [error, setError] = useState<string | null>(null);

  async function chooseFile(file: File) {
    setError(null);
    try {
      const head = await readCsvHead(file);
      if (head.headers.length === 0 || head.headers.every((h) => !h.trim())) throw new Error("The file has no header row.");
      setMapping(guessMapping(head.headers));
      setStep({ name: "map", file, head, rows: null });
      const rows = await countCsvRows(file);
      setStep((current) => (current.name === "map" && current.file === file ? { ...current, rows } : current));
    } catch (caught) {
      setError(`Could not read ${file.name}: ${(caught as Error).message}`);
    }
  }

  async function startImport() {
    if (step.name !== "map") return;
    setError(null);
    setStep({ ...step, name: "upload", progress: 0 });
    const result = await uploadImport(step.file, toColumnMapping(step.head.headers, mapping), (progress) =>
      setStep((current) => (current.name === "upload" ? { ...current, progress } : current)),
    );
    if (result.ok) {
      setStep({ name: "run", jobId: result.jobId });
      router.refresh(); // the new job appears in the recent imports
    } else {
      setError(result.error);
      setStep({ ...step, name: "map" });
    }
  }

  if (step.name === "run") {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Importing</CardTitle>
          <CardDescription>You can leave this page: the import keeps running and shows up in the list below.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ImportProgress jobId={step.jobId} onFinished={() => router.refresh()} />
          <div>
            <Button variant="outline" onClick={() => setStep({ name: "choose" })}>Import another file</Button>
          </div>
        </CardContent>
      </Card>
    );
  }

  const file = step.name === "choose" ? null : step.file;
  const uploading = step.name === "upload";
  const missing = step.name === "choose" ? [] : unmappedRequiredFields(mapping);
  const rows = step.name === "choose" ? null : step.rows;

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>1. Choose a lead list</CardTitle>
          <CardDescription>A CSV with a header row: PropStream, BatchLeads, a county list or your own sheet.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <FilePicker file={file} disabled={uploading} onFile={chooseFile} onError={setError} />
          {error && <p role="alert" className="text-sm font-medium text-destructive">{error}</p>}
        </CardContent>
      </Card>

      {step.name !== "choose" && (
        <>
          <Card>
            <CardHeader>
              <CardTitle>2. Match the columns</CardTitle>
              <CardDescription>We guessed from the headers; change any that are wrong. Columns set to “Don’t import” are kept only in the deal’s raw record.</CardDescription>
            </CardHeader>
            <CardContent>
              <ColumnMapping headers={step.head.headers} sample={step.head.rows[0]?.cells} mapping={mapping} disabled={uploading} onChange={setMapping} />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>3. Check the first rows</CardTitle>
              <CardDescription>Rows with problems are skipped and listed in an error report you can fix and import again. Duplicate addresses are skipped too.</CardDescription>
            </CardHeader>
            <CardContent>
              {step.head.rows.length === 0 ? (
                <p className="text-sm text-muted-foreground">The file has a header row but no leads.</p>
              ) : (
                <ImportPreview headers={step.head.headers} rows={step.head.rows} mapping={mapping} />
              )}
            </CardContent>
          </Card>

          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={startImport} disabled={uploading || rows === null || rows === 0 || missing.length > 0}>
              {rows === null ? "Counting rows…" : uploading ? `Uploading… ${Math.round(step.progress * 100)}%` : `Import ${plural(rows, "row")}`}
            </Button>
            {missing.length > 0 && (
              <p className="text-sm text-destructive">Map a column to {missing.map((f) => f.label).join(", ")} to import.</p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
