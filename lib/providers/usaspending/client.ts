/**
 * USAspending's award search (https://api.usaspending.gov/docs/endpoints,
 * POST /api/v2/search/spending_by_award/): contracts (award types A, B, C, D) narrowed by
 * NAICS, PSC, awarding agency, time period and keywords, sorted by amount. No key is needed.
 * One request per call, no retries; the caller caches what it gets.
 */

export const USASPENDING_BASE_URL = "https://api.usaspending.gov";
const TIMEOUT_MS = 20_000;
export const CONTRACT_AWARD_TYPES = ["A", "B", "C", "D"] as const;
export const AWARD_FIELDS = [
  "Award ID", "Recipient Name", "Award Amount", "Start Date", "End Date", "Awarding Agency", "Awarding Sub Agency", "NAICS", "PSC", "generated_internal_id",
] as const;

export interface AwardSearch {
  naicsCodes?: string[];
  pscCodes?: string[];
  /** The awarding toptier agency, as USAspending names it ("Department of Veterans Affairs"). */
  awardingAgency?: string | null;
  /** YYYY-MM-DD, both included. */
  timePeriod?: { startDate: string; endDate: string } | null;
  /** A solicitation number or PIID, matched by USAspending's keyword search. */
  keywords?: string[];
  limit?: number;
  page?: number;
}

/** One contract as the app reads it. */
export interface AwardSummary {
  awardId: string;
  recipient: string;
  amountDollars: number | null;
  startDate: string | null;
  endDate: string | null;
  agency: string | null;
  subAgency: string | null;
  naics: string | null;
  psc: string | null;
  /** The award's page on usaspending.gov. */
  url: string | null;
}

export interface AwardSearchResult {
  awards: AwardSummary[];
  hasNext: boolean;
}

export class UsaSpendingError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "UsaSpendingError";
  }
}

export interface UsaSpendingClientOptions {
  baseUrl?: string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** The request body spending_by_award takes for a search. */
export function awardSearchBody(search: AwardSearch): Record<string, unknown> {
  const filters: Record<string, unknown> = { award_type_codes: [...CONTRACT_AWARD_TYPES] };
  if (search.naicsCodes?.length) filters.naics_codes = search.naicsCodes;
  if (search.pscCodes?.length) filters.psc_codes = search.pscCodes;
  if (search.awardingAgency) filters.agencies = [{ type: "awarding", tier: "toptier", name: search.awardingAgency }];
  if (search.timePeriod) filters.time_period = [{ start_date: search.timePeriod.startDate, end_date: search.timePeriod.endDate }];
  if (search.keywords?.length) filters.keywords = search.keywords;
  return { filters, fields: [...AWARD_FIELDS], sort: "Award Amount", order: "desc", limit: search.limit ?? 10, page: search.page ?? 1 };
}

function text(value: unknown): string | null {
  if (typeof value === "string" && value.trim()) return value.trim();
  if (typeof value === "number") return String(value);
  return null;
}

/** NAICS and PSC come as { code, description } from current USAspending, as a bare code from older answers. */
function codeOf(value: unknown): string | null {
  if (value && typeof value === "object") return text((value as { code?: unknown }).code);
  return text(value);
}

export function awardUrl(generatedInternalId: string | null): string | null {
  return generatedInternalId ? `https://www.usaspending.gov/award/${encodeURIComponent(generatedInternalId)}` : null;
}

/** The rows of a spending_by_award answer as awards; rows without an award ID or recipient are left out. */
export function awardsOf(results: unknown): AwardSummary[] {
  if (!Array.isArray(results)) return [];
  const awards: AwardSummary[] = [];
  for (const row of results) {
    if (!row || typeof row !== "object") continue;
    const r = row as Record<string, unknown>;
    const awardId = text(r["Award ID"]);
    const recipient = text(r["Recipient Name"]);
    if (!awardId || !recipient) continue;
    const amount = typeof r["Award Amount"] === "number" ? r["Award Amount"] : Number(r["Award Amount"]);
    awards.push({
      awardId,
      recipient,
      amountDollars: Number.isFinite(amount) ? amount : null,
      startDate: text(r["Start Date"]),
      endDate: text(r["End Date"]),
      agency: text(r["Awarding Agency"]),
      subAgency: text(r["Awarding Sub Agency"]),
      naics: codeOf(r.NAICS ?? r["NAICS Code"]),
      psc: codeOf(r.PSC ?? r["PSC Code"]),
      url: awardUrl(text(r.generated_internal_id)),
    });
  }
  return awards;
}

/** USAspending's error bodies: { detail } from validation, { messages: [...] } with some answers. */
export function usaSpendingMessage(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const detail = text(parsed.detail) ?? text(parsed.message);
    const messages = Array.isArray(parsed.messages) ? parsed.messages.map(text).filter(Boolean).join(" ") : null;
    if (detail || messages) return (detail ?? messages)!;
  } catch {
    // Not JSON: read as text.
  }
  const plain = body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return plain ? plain.slice(0, 300) : `HTTP ${status}`;
}

export function usaSpendingClient(options: UsaSpendingClientOptions = {}) {
  const base = (options.baseUrl?.trim() || USASPENDING_BASE_URL).replace(/\/+$/, "");
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  return {
    async searchAwards(search: AwardSearch): Promise<AwardSearchResult> {
      let response: Response;
      try {
        response = await fetchImpl(`${base}/api/v2/search/spending_by_award/`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(awardSearchBody(search)),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new UsaSpendingError(0, `USAspending could not be reached: ${(error as Error)?.message ?? String(error)}`);
      }
      const body = await response.text().catch(() => "");
      if (!response.ok) throw new UsaSpendingError(response.status, usaSpendingMessage(response.status, body));
      let parsed: { results?: unknown; page_metadata?: { hasNext?: unknown } } | null = null;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = null;
      }
      if (!parsed || !Array.isArray(parsed.results)) throw new UsaSpendingError(response.status, "USAspending answered an award search without results");
      return { awards: awardsOf(parsed.results), hasNext: parsed.page_metadata?.hasNext === true };
    },
  };
}

export type UsaSpendingClient = ReturnType<typeof usaSpendingClient>;
