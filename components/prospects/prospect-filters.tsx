"use client";

import { FilterX, X } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { DEAL_SOURCES, DEAL_STATUSES } from "@/lib/intake/schema";
import { UNOWNED, type ProspectQuery } from "@/lib/prospects/query-params";
import { STRATEGIES } from "@/lib/underwriting/rules";
import { QUALITY_LABELS } from "@/lib/quality/labels";
import { QUALITY_CODES } from "@/lib/quality/types";
import { FilterInput } from "./filter-input";
import { MultiSelectFilter } from "./multi-select-filter";
import { clearFiltersPatch, countActiveFilters, type UrlPatch } from "./table-url";

export interface OwnerOption {
  userId: string;
  name: string;
}

interface ProspectFiltersProps {
  query: ProspectQuery;
  navigate: (patch: UrlPatch, options?: { replace?: boolean }) => void;
  /** The workspace's members, for the owner filter. */
  owners: OwnerOption[];
}

const text = (value: string | number | undefined) => (value === undefined ? "" : String(value));

/** The filter bar. Every field writes the URL, which the server page reads. */
export function ProspectFilters({ query, navigate, owners }: ProspectFiltersProps) {
  const active = countActiveFilters(query);
  const set = (key: keyof ProspectQuery) => (value: string) => navigate({ [key]: value });
  return (
    <section aria-label="Filters" className="grid gap-3 rounded-lg border bg-card p-3 sm:p-4">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <FilterInput
            id="filter-q"
            label="Search"
            type="search"
            placeholder="Street, city or postal code"
            value={text(query.q)}
            // Typing replaces the history entry: Back should not replay every keystroke.
            onCommit={(value) => navigate({ q: value }, { replace: true })}
            debounceMs={400}
            maxLength={100}
          />
        </div>
        <MultiSelectFilter label="Status" options={DEAL_STATUSES} selected={query.status ?? []} onChange={(status) => navigate({ status })} />
        <MultiSelectFilter label="Strategy" options={STRATEGIES} selected={query.strategy ?? []} onChange={(strategy) => navigate({ strategy })} />
        <MultiSelectFilter label="Source" options={DEAL_SOURCES} selected={query.source ?? []} onChange={(source) => navigate({ source })} />
        {active > 0 && (
          <Button variant="ghost" onClick={() => navigate(clearFiltersPatch())}>
            <FilterX className="size-4" aria-hidden /> Clear ({active})
          </Button>
        )}
      </div>
      {(query.bbox || query.area?.length) && (
        // The Market map's selections have no field here: each shows as a chip that removes it.
        <div className="flex flex-wrap gap-2">
          {query.bbox && (
            <Button variant="secondary" size="sm" onClick={() => navigate({ bbox: undefined })} title="Remove this filter">
              <span className="sr-only">Remove filter:</span> Map area {query.bbox.map((value) => value.toFixed(2)).join(", ")} <X className="size-3.5" aria-hidden />
            </Button>
          )}
          {query.area?.length ? (
            <Button variant="secondary" size="sm" onClick={() => navigate({ area: undefined })} title="Remove this filter">
              <span className="sr-only">Remove filter:</span> Postal area {query.area.join(", ")} <X className="size-3.5" aria-hidden />
            </Button>
          ) : null}
        </div>
      )}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        <FilterInput id="filter-region" label="State / province" placeholder="TX" value={text(query.region)} onCommit={set("region")} maxLength={3} autoCapitalize="characters" />
        <FilterInput id="filter-market" label="Market" placeholder="Dallas" value={text(query.market)} onCommit={set("market")} maxLength={80} />
        <FilterInput id="filter-spread-min" label="Spread min ($)" type="number" inputMode="numeric" step={1000} value={text(query.spreadMin)} onCommit={set("spreadMin")} />
        <FilterInput id="filter-spread-max" label="Spread max ($)" type="number" inputMode="numeric" step={1000} value={text(query.spreadMax)} onCommit={set("spreadMax")} />
        <FilterInput id="filter-score" label="Min score" type="number" inputMode="numeric" min={0} max={100} value={text(query.scoreMin)} onCommit={set("scoreMin")} />
        <FilterInput id="filter-lists" label="On at least N lists" type="number" inputMode="numeric" min={1} max={1000} value={text(query.listsMin)} onCommit={set("listsMin")} />
        <div className="grid gap-1.5">
          <Label htmlFor="filter-quality" className="text-xs text-muted-foreground">Data quality</Label>
          <NativeSelect id="filter-quality" value={query.quality ?? ""} onChange={(event) => navigate({ quality: event.target.value })}>
            <option value="">Any deal</option>
            <option value="any">Any flag</option>
            {QUALITY_CODES.map((code) => <option key={code} value={code}>{QUALITY_LABELS[code]}</option>)}
          </NativeSelect>
        </div>
        <FilterInput id="filter-from" label="Intake from" type="date" value={text(query.from)} onCommit={set("from")} />
        <FilterInput id="filter-to" label="Intake to" type="date" value={text(query.to)} onCommit={set("to")} />
        <div className="grid gap-1.5">
          <Label htmlFor="filter-owner" className="text-xs text-muted-foreground">Owner</Label>
          <NativeSelect id="filter-owner" value={query.owner ?? ""} onChange={(event) => navigate({ owner: event.target.value })}>
            <option value="">Anyone</option>
            <option value={UNOWNED}>No owner</option>
            {owners.map((owner) => <option key={owner.userId} value={owner.userId}>{owner.name}</option>)}
          </NativeSelect>
        </div>
      </div>
    </section>
  );
}
