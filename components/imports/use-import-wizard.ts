"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ImportConsentDefault } from "@/lib/imports/consent";
import { toColumnMapping, type ImportKind } from "@/lib/imports/schema";
import { IMPORT_TARGETS, type FieldMapping } from "./import-targets";
import { countCsvRows, readCsvHead, type CsvHead } from "./read-file";
import { uploadImport } from "./upload";
import { defaultListName } from "@/lib/leadlists/schema";

export type ImportStep =
  | { name: "choose" }
  | { name: "map"; file: File; head: CsvHead; rows: number | null }
  | { name: "upload"; file: File; head: CsvHead; rows: number | null; progress: number }
  | { name: "run"; jobId: string };

/** The consent form of the wizard as typed; `given` empty means the file says nothing. */
export interface ConsentDefaultDraft {
  given: "" | "yes" | "no";
  source: string;
  wording: string;
  /** Blank: consent with words is prior express written consent. */
  basis: string;
}

/** The draft as the import takes it, or the errors to show beside its fields. */
export function readConsentDraft(draft: ConsentDefaultDraft): { value: ImportConsentDefault | null; errors: Record<string, string[]> } {
  if (draft.given === "") return { value: null, errors: {} };
  const parsed = ImportConsentDefault.safeParse(draft);
  if (parsed.success) return { value: parsed.data, errors: {} };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return { value: null, errors };
}

/** The wizard's kind of list, step, column mapping and error, and the moves between steps. */
export function useImportWizard(initialKind: ImportKind = "DEALS") {
  const router = useRouter();
  const [kind, setKindState] = useState<ImportKind>(initialKind);
  const [step, setStep] = useState<ImportStep>({ name: "choose" });
  const [mapping, setMapping] = useState<FieldMapping>({});
  const [error, setError] = useState<string | null>(null);
  const [consentDraft, setConsentDraft] = useState<ConsentDefaultDraft>({ given: "", source: "", wording: "", basis: "" });
  const consent = readConsentDraft(consentDraft);
  // The lead list the import becomes; blank means the file's name (list stacking).
  const [listName, setListName] = useState("");

  async function chooseFile(file: File) {
    setError(null);
    try {
      const head = await readCsvHead(file);
      if (head.headers.length === 0 || head.headers.every((h) => !h.trim())) throw new Error("The file has no header row.");
      setMapping(IMPORT_TARGETS[kind].guess(head.headers));
      setStep({ name: "map", file, head, rows: null });
      setListName(defaultListName(file.name));
      const rows = await countCsvRows(file);
      setStep((current) => (current.name === "map" && current.file === file ? { ...current, rows } : current));
    } catch (caught) {
      setError(`Could not read ${file.name}: ${(caught as Error).message}`);
    }
  }

  /** Another kind of list: the columns mean other fields, so the mapping is guessed again. */
  function setKind(next: ImportKind) {
    setKindState(next);
    if (step.name === "map") setMapping(IMPORT_TARGETS[next].guess(step.head.headers));
  }

  async function startImport() {
    // Leads and buyers alike are texted and emailed only with consent on record: both lists ask.
    const consentDefault = consent.value;
    if (step.name !== "map" || Object.keys(consent.errors).length > 0) return;
    setError(null);
    setStep({ ...step, name: "upload", progress: 0 });
    const result = await uploadImport(kind, step.file, toColumnMapping(step.head.headers, mapping), consentDefault, (progress) =>
      setStep((current) => (current.name === "upload" ? { ...current, progress } : current)),
      listName,
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

  return { kind, setKind, step, mapping, setMapping, consentDraft, setConsentDraft, consent, listName, setListName, error, setError, chooseFile, startImport, chooseAnother };
}
