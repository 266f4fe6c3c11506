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
] as const;
export type KpiEventName = (typeof KPI_EVENTS)[number];

export interface KpiEventInput {
  name: KpiEventName;
  dealId?: string | null;
  data?: Record<string, unknown>;
}

export async function recordKpiEvents(db: TenantDb | TenantTransaction, events: KpiEventInput[]) {
  if (events.length === 0) return;
  await insertRows(db, "KpiEvent", events.map((e) => ({ name: e.name, dealId: e.dealId ?? null, data: e.data ?? null })));
}
