import { insertRows } from "@/lib/db/bulk";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";

/** The KPI events flows emit (E4). Names are stable: dashboards and tripwires key on them. */
export const KPI_EVENTS = [
  "lead_created",
  "lead_duplicate",
  "deal_underwritten",
  "offer_generated",
  "underwriting_skipped",
  "policy_blocked",
  "import_completed",
  "email_parsed",
  "spread_alert",
  "message_sent",
  "message_blocked",
  "message_failed",
  "message_received",
  "contact_opted_out",
  "contact_opted_in",
  "ladder_started",
  "ladder_stopped",
  "followup_completed",
  "buyer_matched",
  "buyer_match_converted",
  "buyer_feedback",
] as const;
export type KpiEventName = (typeof KPI_EVENTS)[number];

export interface KpiEventInput {
  name: KpiEventName;
  dealId?: string | null;
  /** Occurrences the row stands for (1 unless a batch is counted in one row). */
  count?: number;
  data?: Record<string, unknown>;
  /** When it happened, if not now (history written after the fact). */
  createdAt?: Date;
}

/**
 * One row counting the same step for many deals (a batch of leads created, underwritten):
 * KPIs are sums over time, and a row per deal would repeat what the deals and their
 * evidence already hold. A single deal is still named.
 */
export function countedEvent(name: KpiEventName, dealIds: readonly string[], data?: Record<string, unknown>): KpiEventInput[] {
  if (dealIds.length === 0) return [];
  return [{ name, count: dealIds.length, dealId: dealIds.length === 1 ? dealIds[0] : null, data }];
}

export async function recordKpiEvents(db: TenantDb | TenantTransaction, events: KpiEventInput[]) {
  if (events.length === 0) return;
  await insertRows(db, "KpiEvent", events.map((e) => ({ name: e.name, dealId: e.dealId ?? null, count: e.count ?? 1, data: e.data ?? null, createdAt: e.createdAt })));
}
