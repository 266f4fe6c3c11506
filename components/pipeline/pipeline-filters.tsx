"use client";

import { ProspectFilters, type OwnerOption } from "@/components/prospects/prospect-filters";
import { useProspectUrl } from "@/components/prospects/use-prospect-url";
import type { ProspectQuery } from "@/lib/prospects/query-params";

/** The prospects table's filter bar, writing the board's URL: the same parameters mean the same deals. */
export function PipelineFilters({ query, owners }: { query: ProspectQuery; owners: OwnerOption[] }) {
  const { navigate } = useProspectUrl();
  return <ProspectFilters query={query} navigate={navigate} owners={owners} />;
}
