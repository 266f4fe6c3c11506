"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "@/components/ui/icons";
import { NativeSelect } from "@/components/ui/select";
import type { ProspectQuery } from "@/lib/prospects/query-params";
import type { UrlPatch } from "./table-url";

interface SortHeaderProps {
  label: string;
  sorted: false | "asc" | "desc";
  hint?: string;
  onToggle: ((event: unknown) => void) | undefined;
}

/** A column header that sorts the server query; the arrow shows the current direction. */
export function SortHeader({ label, sorted, hint, onToggle }: SortHeaderProps) {
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      title={hint}
      onClick={onToggle}
      // `.prospect-table th .sort` (app/globals.css): the header's aria-sort lights it and its arrow.
      className="sort"
    >
      {label}
      <Icon className="size-3.5" aria-hidden />
    </button>
  );
}

/** The orders people ask for, for the phone layout which has no column headers. */
const SORT_CHOICES = [
  ["createdAt:desc", "Newest first"],
  ["createdAt:asc", "Oldest first"],
  ["spread:desc", "Biggest spread"],
  ["spreadRatio:desc", "Best spread %"],
  ["score:desc", "Highest score"],
  ["intentScore:desc", "Highest intent"],
  ["askingPrice:asc", "Lowest asking"],
  ["arv:desc", "Highest ARV"],
  ["city:asc", "City A–Z"],
] as const;

export function MobileSort({ query, navigate }: { query: ProspectQuery; navigate: (patch: UrlPatch) => void }) {
  const current = `${query.sort}:${query.dir}`;
  const known = SORT_CHOICES.some(([value]) => value === current);
  return (
    <label className="flex items-center gap-2 text-sm text-muted-foreground md:hidden">
      Sort
      <NativeSelect
        containerClassName="w-44"
        className="h-8"
        value={current}
        onChange={(event) => {
          const [sort, dir] = event.target.value.split(":");
          navigate({ sort, dir });
        }}
      >
        {!known && <option value={current}>{`${query.sort} (${query.dir})`}</option>}
        {SORT_CHOICES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </NativeSelect>
    </label>
  );
}
