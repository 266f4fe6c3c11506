"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ImportKind } from "@/lib/imports/schema";
import { cn } from "@/lib/ui/cn";
import { FilePicker } from "./file-picker";

interface ChooseFileCardProps {
  kind: ImportKind;
  file: File | null;
  disabled: boolean;
  error: string | null;
  onKind: (kind: ImportKind) => void;
  onFile: (file: File) => void;
  onError: (message: string) => void;
}

const KINDS: { kind: ImportKind; label: string; hint: string }[] = [
  { kind: "DEALS", label: "Leads", hint: "Properties and their owners: each row becomes a deal." },
  { kind: "BUYERS", label: "Cash buyers", hint: "Your buyers list: each row becomes a buyer with a buy box." },
  { kind: "COMPS", label: "Sold comps", hint: "Recent sales: each row becomes a comparable that prices nearby deals’ ARV." },
];

const DESCRIPTIONS: Record<ImportKind, string> = {
  DEALS: "A CSV with a header row: PropStream, BatchLeads, a county list or your own sheet.",
  BUYERS: "A CSV with a header row: name, phones, emails, markets (TX:Houston), ZIPs, price range…",
  COMPS: "A CSV with a header row: address, ZIP, sold price, sold date, beds, baths, square feet, property type…",
};

const NOUNS: Record<ImportKind, string> = { DEALS: "lead list", BUYERS: "buyer list", COMPS: "sold-comps list" };

/** Step 1: say what the list holds and pick the CSV; a file that cannot be read, or any later failure, is reported here. */
export function ChooseFileCard({ kind, file, disabled, error, onKind, onFile, onError }: ChooseFileCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>1. Choose a {NOUNS[kind]}</CardTitle>
        <CardDescription>{DESCRIPTIONS[kind]}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <fieldset className="grid gap-2" disabled={disabled}>
          <legend className="mb-2 text-sm font-medium">What is in the file?</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {KINDS.map((option) => (
              <label
                key={option.kind}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                  kind === option.kind && "border-primary bg-primary/5",
                )}
              >
                <input type="radio" name="import-kind" value={option.kind} checked={kind === option.kind} onChange={() => onKind(option.kind)} className="mt-1 accent-primary" />
                <span>
                  <span className="block font-medium">{option.label}</span>
                  <span className="block text-muted-foreground">{option.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <FilePicker file={file} disabled={disabled} onFile={onFile} onError={onError} noun={NOUNS[kind]} />
        {error && <p role="alert" className="text-sm font-medium text-destructive">{error}</p>}
      </CardContent>
    </Card>
  );
}
