/**
 * SAM.gov's Get Opportunities Public API v2 (https://open.gsa.gov/api/get-opportunities-public-api/):
 * GET {base}/opportunities/v2/search with api_key, postedFrom/postedTo (MM/dd/yyyy, at most
 * one year apart, both required), limit (at most 1000) and offset, narrowed by ncode,
 * typeOfSetAside, ptype, state and rdlfrom/rdlto when given. A notice's `description` is a
 * noticedesc link that answers the text for the same api_key.
 *
 * The client only speaks HTTP: counting requests against the day's budget is the caller's
 * (lib/govcon/quota.ts), before each call. The key is never kept in an error or a log line.
 */
import { samQueryDate } from "@/lib/govcon/dates";
import type { SamSearchResponse } from "./types";

export const SAM_GOV_BASE_URL = "https://api.sam.gov";
export const SAM_GOV_MAX_LIMIT = 1000;
const TIMEOUT_MS = 30_000;

/** A SAM.gov answer other than 200 and 429: a bad request, a rejected key, a server error. */
export class SamGovError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "SamGovError";
  }
}

/** HTTP 429 (code 900804, "Message throttled out"): the key's limit is spent until 00:00 UTC. */
export class SamGovThrottled extends SamGovError {
  constructor(message: string) {
    super(429, message);
    this.name = "SamGovThrottled";
  }
}

export interface SamSearchQuery {
  postedFrom: Date;
  postedTo: Date;
  limit?: number;
  offset?: number;
  /** NAICS code. */
  ncode?: string;
  typeOfSetAside?: string;
  /** Notice type codes (NOTICE_TYPES), comma-joined by SAM.gov. */
  ptype?: string[];
  state?: string;
  rdlfrom?: Date;
  rdlto?: Date;
}

export interface SamGovClientOptions {
  apiKey: string;
  baseUrl?: string | null;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export interface SamGovClient {
  search(query: SamSearchQuery): Promise<SamSearchResponse>;
  /** The text behind a notice's noticedesc link. */
  fetchDescription(descriptionUrl: string): Promise<string>;
}

/** The base URL from SAM_GOV_API_URL (a proxy or a test server), else SAM.gov's. */
export function samGovBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.SAM_GOV_API_URL?.trim() || SAM_GOV_BASE_URL).replace(/\/+$/, "");
}

/** A query SAM.gov would refuse, refused here first with the same reason: costs no request. */
export function validateSearchQuery(query: SamSearchQuery): void {
  const { postedFrom, postedTo } = query;
  if (Number.isNaN(postedFrom.getTime()) || Number.isNaN(postedTo.getTime())) throw new RangeError("postedFrom and postedTo must be dates");
  // SAM.gov compares days (MM/dd/yyyy), so do we.
  const fromDay = Date.UTC(postedFrom.getUTCFullYear(), postedFrom.getUTCMonth(), postedFrom.getUTCDate());
  const toDay = Date.UTC(postedTo.getUTCFullYear(), postedTo.getUTCMonth(), postedTo.getUTCDate());
  if (fromDay > toDay) throw new RangeError("postedFrom must not be after postedTo");
  const yearLater = Date.UTC(postedFrom.getUTCFullYear() + 1, postedFrom.getUTCMonth(), postedFrom.getUTCDate());
  if (toDay > yearLater) throw new RangeError("postedFrom and postedTo must be at most one year apart");
  const limit = query.limit ?? SAM_GOV_MAX_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > SAM_GOV_MAX_LIMIT) throw new RangeError(`limit must be 1 to ${SAM_GOV_MAX_LIMIT}`);
  if (query.offset !== undefined && (!Number.isInteger(query.offset) || query.offset < 0)) throw new RangeError("offset must be a whole number, 0 or more");
}

/** The search URL's parameters, the key last; filters only where they narrow. */
export function searchParams(query: SamSearchQuery, apiKey: string): URLSearchParams {
  validateSearchQuery(query);
  const params = new URLSearchParams({
    postedFrom: samQueryDate(query.postedFrom),
    postedTo: samQueryDate(query.postedTo),
    limit: String(query.limit ?? SAM_GOV_MAX_LIMIT),
    offset: String(query.offset ?? 0),
  });
  if (query.ncode?.trim()) params.set("ncode", query.ncode.trim());
  if (query.typeOfSetAside?.trim()) params.set("typeOfSetAside", query.typeOfSetAside.trim());
  if (query.ptype?.length) params.set("ptype", query.ptype.join(","));
  if (query.state?.trim()) params.set("state", query.state.trim());
  if (query.rdlfrom) params.set("rdlfrom", samQueryDate(query.rdlfrom));
  if (query.rdlto) params.set("rdlto", samQueryDate(query.rdlto));
  params.set("api_key", apiKey);
  return params;
}

/** Replaces the key wherever it appears (a URL echoed back in a message, say). */
export function redactKey(text: string, apiKey: string): string {
  let redacted = text.replace(/([?&]api_key=)[^&\s"']*/gi, "$1***");
  if (apiKey.length >= 4) redacted = redacted.split(apiKey).join("***");
  return redacted;
}

function textField(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/**
 * SAM.gov's error bodies vary by gateway and service: { error: { code, message } },
 * { message }, { errorMessage }, { title, detail }, { code, description }, or plain text.
 */
export function samGovMessage(status: number, body: string): string {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Plain text or HTML; read below.
  }
  if (parsed && typeof parsed === "object") {
    const o = parsed as Record<string, unknown>;
    const nested = o.error && typeof o.error === "object" ? (o.error as Record<string, unknown>) : null;
    const message =
      textField(nested?.message) ?? textField(o.error) ?? textField(o.message) ?? textField(o.errorMessage) ?? textField(o.detail) ?? textField(o.title) ?? textField(o.description);
    const code = textField(nested?.code) ?? textField(o.code) ?? (typeof o.code === "number" ? String(o.code) : null);
    const detail = message && textField(o.description) && message !== textField(o.description) ? `${message}: ${textField(o.description)}` : message;
    if (detail) return code && !detail.includes(code) ? `${detail} (code ${code})` : detail;
  }
  const text = body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return text ? text.slice(0, 300) : `HTTP ${status}`;
}

function timeoutSignal(ms: number): AbortSignal {
  return AbortSignal.timeout(ms);
}

export function samGovClient(options: SamGovClientOptions): SamGovClient {
  const base = (options.baseUrl?.trim() || SAM_GOV_BASE_URL).replace(/\/+$/, "");
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const { apiKey } = options;

  async function get(url: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(url, { method: "GET", headers: { accept: "application/json" }, signal: timeoutSignal(timeoutMs) });
    } catch (error) {
      throw new SamGovError(0, `SAM.gov could not be reached: ${redactKey((error as Error)?.message ?? String(error), apiKey)}`);
    }
    if (response.ok) return response;
    const message = redactKey(samGovMessage(response.status, await response.text().catch(() => "")), apiKey);
    if (response.status === 429) throw new SamGovThrottled(message);
    throw new SamGovError(response.status, message);
  }

  return {
    async search(query) {
      const response = await get(`${base}/opportunities/v2/search?${searchParams(query, apiKey)}`);
      const body = (await response.json().catch(() => null)) as Partial<SamSearchResponse> | null;
      if (!body || typeof body !== "object" || !Array.isArray(body.opportunitiesData)) {
        throw new SamGovError(response.status, "SAM.gov answered a search without opportunitiesData");
      }
      return {
        totalRecords: Number(body.totalRecords ?? body.opportunitiesData.length) || 0,
        limit: Number(body.limit ?? query.limit ?? SAM_GOV_MAX_LIMIT),
        offset: Number(body.offset ?? query.offset ?? 0),
        opportunitiesData: body.opportunitiesData,
        links: body.links,
      };
    },
    async fetchDescription(descriptionUrl) {
      const url = new URL(descriptionUrl);
      url.searchParams.set("api_key", apiKey);
      const response = await get(url.toString());
      const text = await response.text();
      // noticedesc answers {"description": "..."} or the text itself.
      try {
        const parsed = JSON.parse(text) as unknown;
        if (parsed && typeof parsed === "object" && "description" in parsed) return String((parsed as { description: unknown }).description ?? "");
        if (typeof parsed === "string") return parsed;
      } catch {
        // Not JSON: the text itself.
      }
      return text;
    },
  };
}
