"use client";

import { useRouter } from "next/navigation";
import { ChooseFileCard } from "./choose-file-card";
import { ImportReview } from "./import-review";
import { ImportRunning } from "./import-running";
import { useImportWizard } from "./use-import-wizard";

/**
 * CSV import in four steps on one page: choose a file, map its columns, check the preview,
 * import and watch the progress. The browser reads only the file's head (and counts rows
 * as a stream); the server does the real import from the uploaded file.
 */
export function ImportWizard() {
  const router = useRouter();
  const { step, mapping, setMapping, consentDraft, setConsentDraft, consent, error, setError, chooseFile, startImport, chooseAnother } = useImportWizard();

  if (step.name === "run") {
    return <ImportRunning jobId={step.jobId} onFinished={() => router.refresh()} onImportAnother={chooseAnother} />;
  }

  return (
    <div className="grid grid-cols-1 gap-6">
      <ChooseFileCard file={step.name === "choose" ? null : step.file} disabled={step.name === "upload"} error={error} onFile={chooseFile} onError={setError} />
      {step.name !== "choose" && (
        <ImportReview
          step={step}
          mapping={mapping}
          onMappingChange={setMapping}
          consentDraft={consentDraft}
          consent={consent}
          onConsentChange={setConsentDraft}
          onStart={startImport}
        />
      )}
    </div>
  );
}
