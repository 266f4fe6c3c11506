"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { guessMapping, type HeaderMapping } from "@/lib/imports/mapping";
import { toColumnMapping } from "@/lib/imports/schema";
import { countCsvRows, readCsvHead, type CsvHead } from "./read-file";
import { uploadImport } from "./upload";

export type ImportStep =
  | { name: "choose" }
  | { name: "map"; file: File; head: CsvHead; rows: number | null }
  | { name: "upload"; file: File; head: CsvHead; rows: number | null; progress: number }
  | { name: "run"; jobId: string };

/** The wizard's step, column mapping and error, and the moves between steps. */
export function useImportWizard() {
  const router = useRouter();
  const [step, setStep] = useState<ImportStep>({ name: "choose" });
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

  const chooseAnother = () => setStep({ name: "choose" });

  return { step, mapping, setMapping, error, setError, chooseFile, startImport, chooseAnother };
}
