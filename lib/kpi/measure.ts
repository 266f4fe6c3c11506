/**
 * Reads what the KPIs are computed from, for one tenant and one span of time, as facts the
 * pure rules tally: KPI events (sends, replies, blocks by gate, opt-outs, leads, buyer
 * matches), outbound settlements (delivered or failed) and engine runs.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { listMessageSettlements } from "@/lib/outbound/queries";
import { GATES, type Gate } from "@/lib/outbound/gates";
import type { KpiFact } from "./rules";
import type { KpiEventName } from "./service";

const EVENT_KINDS: Partial<Record<KpiEventName, Exclude<KpiFact["kind"], "blocked">>> = {
  message_sent: "sent",
  message_received: "reply",
  contact_opted_out: "optOut",
  lead_created: "lead",
  buyer_matched: "buyerMatch",
  buyer_match_converted: "buyerConversion",
};

function gateOf(data: unknown): Gate | null {
  const gate = data && typeof data === "object" ? (data as { gate?: unknown }).gate : null;
  return typeof gate === "string" && (GATES as readonly string[]).includes(gate) ? (gate as Gate) : null;
}

export async function readKpiFacts(db: TenantDb, since: Date, until: Date): Promise<KpiFact[]> {
  const names = [...Object.keys(EVENT_KINDS), "message_blocked"];
  const [events, settlements, runs] = await Promise.all([
    db.kpiEvent.findMany({ where: { name: { in: names }, createdAt: { gte: since, lt: until } }, select: { name: true, count: true, createdAt: true, data: true } }),
    listMessageSettlements(db, since, until),
    db.engineRun.findMany({ where: { finishedAt: { gte: since, lt: until }, outcome: { in: ["OK", "FAILED"] } }, select: { finishedAt: true, outcome: true } }),
  ]);
  const facts: KpiFact[] = [];
  for (const event of events) {
    const at = event.createdAt.getTime();
    if (event.name === "message_blocked") {
      const gate = gateOf(event.data);
      if (gate) facts.push({ at, kind: "blocked", gate, n: event.count });
      continue;
    }
    const kind = EVENT_KINDS[event.name as KpiEventName];
    if (kind) facts.push({ at, kind, n: event.count });
  }
  for (const s of settlements) facts.push({ at: s.at.getTime(), kind: s.delivered ? "delivered" : "failed", n: 1 });
  for (const run of runs) if (run.finishedAt) facts.push({ at: run.finishedAt.getTime(), kind: run.outcome === "FAILED" ? "engineFailed" : "engineOk", n: 1 });
  return facts;
}
