"use client";

import { useRouter } from "next/navigation";
import type { ImportKind } from "@/lib/imports/schema";
import { ChooseFileCard } from "./choose-file-card";
import { ImportReview } from "./import-review";
import { ImportRunning } from "./import-running";
import { useImportWizard } from "./use-import-wizard";

/**
 * CSV import in four steps on one page: say whether the file holds leads or buyers and
 * choose it, map its columns, check the preview, import and watch the progress. The browser reads only the file's head (and counts rows
 * as a stream); the server does the real import from the uploaded file.
 */
export function ImportWizard({ initialKind = "DEALS" }: { initialKind?: ImportKind }) {
  const router = useRouter();
  const { kind, setKind, step, mapping, setMapping, consentDraft, setConsentDraft, consent, listName, setListName, error, setError, chooseFile, startImport, chooseAnother } = useImportWizard(initialKind);

  if (step.name === "run") {
    return <ImportRunning jobId={step.jobId} onFinished={() => router.refresh()} onImportAnother={chooseAnother} />;
  }

  return (
    <div className="grid grid-cols-1 gap-6">
      <ChooseFileCard
        kind={kind}
        file={step.name === "choose" ? null : step.file}
        disabled={step.name === "upload"}
        error={error}
        onKind={setKind}
        onFile={chooseFile}
        onError={setError}
      />
      {step.name !== "choose" && (
        <ImportReview
          kind={kind}
          step={step}
          mapping={mapping}
          onMappingChange={setMapping}
          consentDraft={consentDraft}
          consent={consent}
          onConsentChange={setConsentDraft}
          listName={listName}
          onListNameChange={setListName}
          onStart={startImport}
        />
      )}
    </div>
  );
}
