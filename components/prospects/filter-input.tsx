"use client";

import { useEffect, useState, type ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

interface FilterInputProps extends Omit<ComponentProps<typeof Input>, "value" | "onChange" | "defaultValue"> {
  id: string;
  label: string;
  /** The value in the URL (as the server parsed it). */
  value: string;
  onCommit: (value: string) => void;
  /** Commit while typing, after this pause; otherwise on Enter, blur or (dates) change. */
  debounceMs?: number;
}

/**
 * A filter field that edits a draft and writes the URL only when the user is done. The
 * draft follows the URL when it changes from outside (back button, Clear, a saved view),
 * but not when the URL merely catches up with something typed earlier, which would
 * otherwise eat the characters typed while the page was loading.
 */
export function FilterInput({ id, label, value, onCommit, debounceMs, type, ...props }: FilterInputProps) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [committed, setCommitted] = useState<string | null>(null);
  if (value !== seen) {
    setSeen(value);
    if (value !== committed) setDraft(value);
  }

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === value) return;
    setCommitted(trimmed);
    onCommit(trimmed);
  };

  useEffect(() => {
    if (!debounceMs || draft.trim() === value) return;
    const timer = setTimeout(() => commit(draft), debounceMs);
    return () => clearTimeout(timer);
    // Only a new draft restarts the pause; `commit` reads the latest URL value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, debounceMs]);

  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">{label}</Label>
      <Input
        id={id}
        type={type}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          // A date picker yields a whole day or nothing: no reason to wait.
          if (type === "date") commit(event.target.value);
        }}
        onBlur={() => commit(draft)}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit(draft);
          if (event.key === "Escape") setDraft(value);
        }}
        {...props}
      />
    </div>
  );
}
