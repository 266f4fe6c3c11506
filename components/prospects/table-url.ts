import type { SortingState } from "@tanstack/react-table";
import { PROSPECT_QUERY_DEFAULTS, prospectQueryString, type PROSPECT_SORTS, type ProspectQuery } from "@/lib/prospects/query-params";

/*
 * The prospects table keeps all of its state in the URL, so a view can be shared, saved
 * and restored with the back button. These pure helpers map table state to and from it.
 */

export type ProspectSort = (typeof PROSPECT_SORTS)[number];

/** Hidden column ids, comma-separated: a list of what is hidden keeps new columns visible in old links. */
export const HIDDEN_COLUMNS_PARAM = "cols";

export const FILTER_KEYS = [
  "q", "status", "strategy", "source", "region", "market", "spreadMin", "spreadMax", "scoreMin", "from", "to", "owner",
  "contractedFrom", "closedFrom", "bbox", "area", "listsMin", "quality",
] as const satisfies readonly (keyof ProspectQuery)[];

/** The table's column ids, in display order (see prospect-columns.tsx). */
export const PROSPECT_COLUMN_IDS = [
  "select", "address", "status", "strategy", "source", "askingPrice", "arv", "mao", "spread", "spreadRatio", "score", "lists", "intent", "market", "owner", "phone", "createdAt",
] as const;

/** The address identifies the row and the checkbox selects it, so neither can be hidden. */
export const HIDEABLE_COLUMN_IDS = PROSPECT_COLUMN_IDS.filter((id) => id !== "address" && id !== "select");

export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** Table column id -> the ProspectQuery sort it maps to; the address sorts by city. */
export const SORT_BY_COLUMN: Record<string, ProspectSort> = {
  address: "city", askingPrice: "askingPrice", arv: "arv", spread: "spread",
  spreadRatio: "spreadRatio", score: "score", intent: "intentScore", createdAt: "createdAt",
};

export type UrlValue = string | number | readonly string[] | null | undefined;
export type UrlPatch = Partial<Record<keyof ProspectQuery | typeof HIDDEN_COLUMNS_PARAM, UrlValue>>;

function isDefault(key: string, value: string) {
  const fallback = PROSPECT_QUERY_DEFAULTS[key as keyof typeof PROSPECT_QUERY_DEFAULTS];
  return fallback !== undefined && String(fallback) === value;
}

/**
 * The next search params: the patch applied (empty values removed, lists comma-joined,
 * defaults left out) and the page back to 1 unless the patch sets it, since a new filter,
 * sort or page size makes the old page number meaningless.
 */
export function patchSearchParams(current: URLSearchParams | string, patch: UrlPatch): URLSearchParams {
  const next = new URLSearchParams(current);
  if (!("page" in patch)) next.delete("page");
  for (const [key, value] of Object.entries(patch) as [string, UrlValue][]) {
    const text = Array.isArray(value) ? value.join(",") : value === null || value === undefined ? "" : String(value).trim();
    if (text === "" || isDefault(key, text)) next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/** `?a=1`, or the bare path when nothing is set. */
export function hrefWith(pathname: string, params: URLSearchParams): string {
  const query = prospectQueryString(params);
  return query ? `${pathname}?${query}` : pathname;
}

export function clearFiltersPatch(): UrlPatch {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined]));
}

export function countActiveFilters(query: ProspectQuery): number {
  return FILTER_KEYS.filter((key) => {
    const value = query[key];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== "";
  }).length;
}

/**
 * Hidden until the user shows them, so the other columns fit 1440 px without scrolling
 * sideways: MAO is the asking price plus the spread, the source is on the deal page, and the
 * intent score is on the deal page (Columns shows it to sort by; phones sort by "Highest intent"),
 * and so are a deal's lead lists (the "On at least N lists" filter finds stacked leads) and
 * its market (the address line names the city).
 */
export const DEFAULT_HIDDEN_COLUMNS = ["mao", "source", "intent", "lists", "market"] as const;
/** `cols=none`: every column shown, which is no longer what an absent parameter means. */
export const ALL_COLUMNS_SHOWN = "none";

export function parseHiddenColumns(value: string | null | undefined, known: readonly string[]): string[] {
  const ids = value === null || value === undefined ? [...DEFAULT_HIDDEN_COLUMNS] : value.split(",");
  return [...new Set(ids.filter((id) => known.includes(id)))].sort();
}

export function hiddenColumnsValue(hidden: readonly string[]): string | undefined {
  const ids = [...new Set(hidden)].sort();
  if (ids.length === 0) return ALL_COLUMNS_SHOWN;
  return ids.join(",") === [...DEFAULT_HIDDEN_COLUMNS].sort().join(",") ? undefined : ids.join(",");
}

/** TanStack visibility state: only an explicit `false` hides a column. */
export function visibilityFromHidden(hidden: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(hidden.map((id) => [id, false]));
}

export function hiddenFromVisibility(visibility: Record<string, boolean>): string[] {
  return Object.entries(visibility).filter(([, visible]) => visible === false).map(([id]) => id).sort();
}

export function sortingFromQuery(query: Pick<ProspectQuery, "sort" | "dir">): SortingState {
  const column = Object.keys(SORT_BY_COLUMN).find((id) => SORT_BY_COLUMN[id] === query.sort) ?? "createdAt";
  return [{ id: column, desc: query.dir === "desc" }];
}

/** An empty sorting (a third click on a header) means the default: newest first. */
export function sortPatch(sorting: SortingState): UrlPatch {
  const [first] = sorting;
  const sort = first ? SORT_BY_COLUMN[first.id] : undefined;
  if (!first || !sort) return { sort: undefined, dir: undefined };
  return { sort, dir: first.desc ? "desc" : "asc" };
}
