/**
 * One SAM.gov sync for a workspace: one wide window of posted dates, read 1,000 notices a
 * page until SAM.gov has none left or the day's budget is spent, each request counted
 * before it is sent; notices filtered by the profile's NAICS and keywords locally, deduped,
 * scored and stored (amendments as versions); then the descriptions of the best-fitting
 * notices, within what the budget leaves.
 *
 * Without a SAM.gov key the shipped fixture feed answers through the same client (key
 * "fixture", 1,000 requests a day), so parsing, dedupe, amendments and quota all run for real.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { lastCompletedRun } from "@/lib/engines/watermark";
import { SAM_GOV_MAX_LIMIT, SamGovError, SamGovThrottled } from "@/lib/providers/samgov/client";
import { fetchDescriptions } from "./sync-descriptions";
import { loadGovConProfile } from "./profile";
import { resolveSamGovAccount, usageOf, type SamGovAccount } from "./quota";
import { clientFor, withinBudget } from "./samgov-requests";
import { storeNoticePage } from "./sync-store";
import { planSyncWindow, readSyncWindow, windowAfter, type SyncWindow } from "./sync-window";

type Env = Record<string, string | undefined>;

export interface SyncOptions {
  now?: Date;
  /** The HTTP transport; by default the global fetch with a key, the fixture feed without. */
  fetchImpl?: typeof fetch;
  env?: Env;
  /** Where the last sync got to; by default read from the GovCon engine's last completed run. */
  previousWindow?: SyncWindow | null;
  /** At most this many descriptions per sync (each one a request). */
  maxDescriptions?: number;
}

export interface SyncReport {
  /** Requests sent to SAM.gov (searches and descriptions), each counted against the budget. */
  requests: number;
  /** Notices SAM.gov answered. */
  fetched: number;
  new: number;
  amended: number;
  /** Notices without a noticeId: never stored. */
  skipped: number;
  /** Notices the profile's NAICS and keywords do not match: not stored. */
  filteredOut: number;
  duplicates: number;
  /** Requests left of today's budget after the sync. */
  budgetLeft: number;
  descriptions: number;
  newOpportunityIds: string[];
  amendedOpportunityIds: string[];
  source: SamGovAccount["source"];
  window: SyncWindow;
  /** Why the sync stopped before the end of its window, or null when it read all of it. */
  stoppedBy: "budget" | "throttled" | null;
}

/** The engine that keeps the window between syncs. */
export const GOVCON_ENGINE = "govcon" as const;
export const DEFAULT_MAX_DESCRIPTIONS = 50;

async function previousWindowOf(db: TenantDb, options: SyncOptions): Promise<SyncWindow | null> {
  if (options.previousWindow !== undefined) return options.previousWindow;
  const last = await lastCompletedRun(db, GOVCON_ENGINE);
  return readSyncWindow(last?.details?.window);
}

/** SAM.gov's own words, labelled: the engine run and the Engines page show this message. */
function failure(error: SamGovError): Error {
  const status = error.status ? `HTTP ${error.status}` : "no answer";
  return new SamGovError(error.status, `SAM.gov refused the search (${status}): ${error.message}`);
}

export async function syncOpportunities(db: TenantDb, options: SyncOptions = {}): Promise<SyncReport> {
  const now = options.now ?? new Date();
  const account = await resolveSamGovAccount(db, options.env ?? process.env);
  const client = clientFor(account, { fetchImpl: options.fetchImpl, env: options.env ?? process.env, now });
  const profile = await loadGovConProfile(db);
  const planned = planSyncWindow(await previousWindowOf(db, options), now);

  const report: SyncReport = {
    requests: 0, fetched: 0, new: 0, amended: 0, skipped: 0, filteredOut: 0, duplicates: 0, budgetLeft: 0, descriptions: 0,
    newOpportunityIds: [], amendedOpportunityIds: [], source: account.source, window: windowAfter(planned, planned.offset), stoppedBy: null,
  };
  const seen = new Set<string>();
  const amended = new Set<string>();
  let offset = planned.offset;
  for (;;) {
    let answer;
    try {
      answer = await withinBudget(db, account, now, () => client.search({ postedFrom: planned.postedFrom, postedTo: planned.postedTo, limit: SAM_GOV_MAX_LIMIT, offset }));
    } catch (error) {
      if (error instanceof SamGovThrottled) {
        report.requests++;
        report.stoppedBy = "throttled";
        break;
      }
      if (error instanceof SamGovError) throw failure(error);
      throw error;
    }
    if ("refused" in answer) {
      report.stoppedBy = answer.refused;
      break;
    }
    report.requests++;
    const page = answer.value;
    report.fetched += page.opportunitiesData.length;
    const stored = await storeNoticePage(db, page.opportunitiesData, { profile, now, seen });
    report.newOpportunityIds.push(...stored.newIds);
    for (const id of stored.amendedIds) amended.add(id);
    report.skipped += stored.skipped;
    report.filteredOut += stored.filteredOut;
    report.duplicates += stored.duplicates;
    offset += page.opportunitiesData.length;
    if (page.opportunitiesData.length === 0 || offset >= page.totalRecords) break;
  }
  report.window = windowAfter(planned, report.stoppedBy ? offset : null);
  report.amendedOpportunityIds = [...amended].filter((id) => !report.newOpportunityIds.includes(id));
  report.new = report.newOpportunityIds.length;
  report.amended = report.amendedOpportunityIds.length;

  if (profile && !report.stoppedBy) {
    const described = await fetchDescriptions(db, { account, client, profile, now, max: options.maxDescriptions ?? DEFAULT_MAX_DESCRIPTIONS });
    report.requests += described.requests;
    report.descriptions = described.fetched;
  }
  report.budgetLeft = (await usageOf(db, account, now)).left;
  return report;
}
