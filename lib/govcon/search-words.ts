/**
 * A saved search's filters in words, for the searches page and the API's readers:
 * "NAICS 2381*, set-aside SBA, in OH, fit 60+". Client-safe.
 */
import type { OpportunityFilters } from "./filters";

const list = (values: readonly string[]) => values.join(" or ");

export function describeFilters(filters: OpportunityFilters, minFit = 0): string {
  const parts: string[] = [];
  if (filters.q) parts.push(`"${filters.q}"`);
  if (filters.naics?.length) parts.push(`NAICS ${list(filters.naics.map((code) => (code.length < 6 ? `${code}*` : code)))}`);
  if (filters.setAside?.length) parts.push(`set-aside ${list(filters.setAside)}`);
  if (filters.noticeType?.length) parts.push(list(filters.noticeType));
  if (filters.agency) parts.push(`agency "${filters.agency}"`);
  if (filters.state) parts.push(`in ${filters.state}`);
  if (filters.deadlineFrom && filters.deadlineTo) parts.push(`due ${filters.deadlineFrom} to ${filters.deadlineTo}`);
  else if (filters.deadlineFrom) parts.push(`due from ${filters.deadlineFrom}`);
  else if (filters.deadlineTo) parts.push(`due by ${filters.deadlineTo}`);
  if (filters.deadlineWithinDays !== undefined) parts.push(`due within ${filters.deadlineWithinDays} days`);
  const fit = Math.max(filters.fitMin ?? 0, minFit);
  if (fit > 0) parts.push(`fit ${fit}+`);
  if (filters.status?.length) parts.push(`status ${list(filters.status.map((s) => s.replace("_", "-").toLowerCase()))}`);
  if (filters.excludeNoBid) parts.push("no-bids left out");
  return parts.length ? parts.join(", ") : "Every opportunity";
}
