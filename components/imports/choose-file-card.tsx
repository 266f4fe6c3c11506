"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FilePicker } from "./file-picker";

interface ChooseFileCardProps {
  file: File | null;
  disabled: boolean;
  error: string | null;
  onFile: (file: File) => void;
  onError: (message: string) => void;
}

/** Step 1: pick the CSV; a file that cannot be read, or any later failure, is reported here. */
export function ChooseFileCard({ file, disabled, error, onFile, onError }: ChooseFileCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>1. Choose a lead list</CardTitle>
        <CardDescription>A CSV with a header row: PropStream, BatchLeads, a county list or your own sheet.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <FilePicker file={file} disabled={disabled} onFile={onFile} onError={onError} />
        {error && <p role="alert" className="text-sm font-medium text-destructive">{error}</p>}
      </CardContent>
    </Card>
  );
}
