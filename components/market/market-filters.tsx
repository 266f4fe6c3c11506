"use client";

import { FilterInput } from "@/components/prospects/filter-input";
import { MultiSelectFilter } from "@/components/prospects/multi-select-filter";
import { clearFiltersPatch, countActiveFilters } from "@/components/prospects/table-url";
import { useProspectUrl } from "@/components/prospects/use-prospect-url";
import { Button } from "@/components/ui/button";
import { FilterX } from "@/components/ui/icons";
import { DEAL_STATUSES } from "@/lib/deals/rules";
import type { ProspectQuery } from "@/lib/prospects/query-params";
import { STRATEGIES } from "@/lib/underwriting/rules";

const text = (value: string | number | undefined) => (value === undefined ? "" : String(value));

/** The Market map's filters: the Prospects table's own URL parameters, so a view moves between the two. */
export function MarketFilters({ query }: { query: ProspectQuery }) {
  const { navigate } = useProspectUrl();
  const active = countActiveFilters(query);
  return (
    <section aria-label="Map filters" className="flex flex-wrap items-end gap-2 rounded-lg border bg-card p-3">
      <MultiSelectFilter label="Status" options={DEAL_STATUSES} selected={query.status ?? []} onChange={(status) => navigate({ status })} />
      <MultiSelectFilter label="Strategy" options={STRATEGIES} selected={query.strategy ?? []} onChange={(strategy) => navigate({ strategy })} />
      <div className="w-28">
        <FilterInput id="map-filter-region" label="State / province" placeholder="TX" value={text(query.region)} onCommit={(region) => navigate({ region })} maxLength={3} autoCapitalize="characters" />
      </div>
      <div className="w-36">
        <FilterInput id="map-filter-market" label="Market" placeholder="Dallas" value={text(query.market)} onCommit={(market) => navigate({ market })} maxLength={80} />
      </div>
      <div className="w-32">
        <FilterInput id="map-filter-spread" label="Spread min ($)" type="number" inputMode="numeric" step={1000} value={text(query.spreadMin)} onCommit={(spreadMin) => navigate({ spreadMin })} />
      </div>
      {active > 0 && (
        <Button variant="ghost" onClick={() => navigate(clearFiltersPatch())}>
          <FilterX className="size-4" aria-hidden /> Clear ({active})
        </Button>
      )}
    </section>
  );
}
