"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ImportProgress } from "./import-progress";

interface ImportRunningProps {
  jobId: string;
  onFinished: () => void;
  onImportAnother: () => void;
}

/** The last step: the server imports the uploaded file while this shows its progress. */
export function ImportRunning({ jobId, onFinished, onImportAnother }: ImportRunningProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Importing</CardTitle>
        <CardDescription>You can leave this page: the import keeps running and shows up in the list below.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <ImportProgress jobId={jobId} onFinished={onFinished} />
        <div>
          <Button variant="outline" onClick={onImportAnother}>Import another file</Button>
        </div>
      </CardContent>
    </Card>
  );
}
