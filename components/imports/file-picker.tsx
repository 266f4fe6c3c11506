"use client";

import { FileSpreadsheet, Upload } from "lucide-react";
import { useId, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { MAX_IMPORT_BYTES } from "@/lib/imports/schema";
import { cn } from "@/lib/ui/cn";
import { formatBytes } from "./format";

interface FilePickerProps {
  file: File | null;
  disabled?: boolean;
  onFile(file: File): void;
  onError(message: string): void;
  /** What the file holds, in the drop zone's words. */
  noun?: string;
}

/** Checked here for a quick answer; the server checks the same limits again. */
function problemWith(file: File): string | null {
  if (!/\.(csv|txt)$/i.test(file.name)) return "Choose a .csv file (export your sheet as CSV first).";
  if (file.size === 0) return "That file is empty.";
  if (file.size > MAX_IMPORT_BYTES) return `That file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. Split it into smaller lists.`;
  return null;
}

/** Drop zone and file picker; the input is labelled "CSV file". */
export function FilePicker({ file, disabled, onFile, onError, noun = "lead list" }: FilePickerProps) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  function take(candidate: File | undefined) {
    if (!candidate) return;
    const problem = problemWith(candidate);
    if (problem) onError(problem);
    else onFile(candidate);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!disabled) take(event.dataTransfer.files[0]);
  }

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-10 text-center transition-colors",
        dragging && "border-primary bg-primary/5",
        disabled && "opacity-60",
      )}
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        {file ? <FileSpreadsheet className="size-6" aria-hidden /> : <Upload className="size-6" aria-hidden />}
      </div>
      {file ? (
        <p className="text-sm">
          <span className="font-medium">{file.name}</span> <span className="text-muted-foreground">· {formatBytes(file.size)}</span>
        </p>
      ) : (
        <p className="text-sm text-muted-foreground">Drop a CSV {noun} here, up to {formatBytes(MAX_IMPORT_BYTES)}.</p>
      )}
      <label htmlFor={inputId} className="sr-only">CSV file</label>
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        className="sr-only"
        tabIndex={-1} // the button below is the keyboard's way in
        disabled={disabled}
        onChange={(event) => {
          take(event.currentTarget.files?.[0]);
          event.currentTarget.value = ""; // choosing the same file again still fires
        }}
      />
      <Button type="button" variant="outline" size="sm" disabled={disabled} onClick={() => document.getElementById(inputId)?.click()}>
        {file ? "Choose another file" : "Choose a file"}
      </Button>
    </div>
  );
}
