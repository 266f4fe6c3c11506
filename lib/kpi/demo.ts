/**
 * Demo only: two weeks of outbound KPI history, so the KPIs page shows each KPI against a
 * full baseline band in both ranges, and one evening that went wrong (a template that made
 * leads opt out instead of reply) which the tripwire itself judged and alerted on.
 * Deterministic relative to `now`, and a few hundred rows.
 */
import type { TenantDb } from "@/lib/db/tenant";
import type { Gate } from "@/lib/outbound/gates";
import { HOUR_MS } from "./rules";
import { recordKpiEvents, type KpiEventInput } from "./service";
import { runKpiTripwire } from "./tripwire";

const HISTORY_DAYS = 15;
/** The hours (UTC) outbound goes out: 8 a.m. to 9 p.m. on the US east coast in winter. */
const SENDING_HOURS = new Set([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1]);
/** Gates that refuse some sends every day, and their usual share of attempts. */
const USUAL_BLOCKS: [Gate, number][] = [["market_policy", 0.05], ["consent", 0.02], ["dnc_registry", 0.01]];

/** A fixed wobble in [-1, 1] per hour, so every demo workspace tells the same story. */
function wobble(hourIndex: number, salt: number): number {
  const x = Math.sin(hourIndex * 12.9898 + salt * 78.233) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

/** The last sending hour that ended at least an hour before `now`: the evening that went wrong. */
export function demoIncidentHour(now: Date): number {
  let hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS;
  while (!SENDING_HOURS.has(new Date(hour).getUTCHours())) hour -= HOUR_MS;
  return hour;
}

function hourEvents(hourStart: number, index: number, incident: boolean): KpiEventInput[] {
  // Spread over minutes 5 to 55, so an hour's events stay in that hour however the tripwire's window falls.
  const at = (slot: number) => new Date(hourStart + (5 + slot * 10) * 60_000);
  const sent = Math.round(42 + 12 * wobble(index, 1));
  const replies = incident ? 1 : Math.round(sent * (0.12 + 0.015 * wobble(index, 2)));
  const optOuts = incident ? 5 : Math.round(sent * (0.012 + 0.008 * wobble(index, 3)));
  const events: KpiEventInput[] = [
    { name: "message_sent", count: sent, createdAt: at(0) },
    { name: "message_received", count: replies, createdAt: at(2) },
    { name: "contact_opted_out", count: optOuts, createdAt: at(3) },
  ];
  USUAL_BLOCKS.forEach(([gate, share], g) => {
    events.push({ name: "message_blocked", count: Math.round(sent * share * (1 + 0.5 * wobble(index, 4 + g))), data: { gate }, createdAt: at(1) });
  });
  return events.filter((e) => (e.count ?? 1) > 0);
}

/**
 * The seed's intake counted its leads when it ran, all in one hour; the demo deals arrived
 * over weeks. Counts them per hour when they arrived, so intake volume matches the deals.
 */
export async function redateDemoLeadEvents(db: TenantDb, arrivals: readonly Date[]): Promise<void> {
  await db.kpiEvent.deleteMany({ where: { name: "lead_created" } });
  const firstPerHour = new Map<number, { at: Date; count: number }>();
  for (const at of [...arrivals].sort((a, b) => a.getTime() - b.getTime())) {
    const hour = Math.floor(at.getTime() / HOUR_MS);
    const bucket = firstPerHour.get(hour);
    if (bucket) bucket.count += 1;
    else firstPerHour.set(hour, { at, count: 1 });
  }
  await recordKpiEvents(db, [...firstPerHour.values()].map(({ at, count }) => ({ name: "lead_created", count, createdAt: at })));
}

/**
 * Writes the history, then runs the tripwire as it ran at the end of the incident hour, so
 * the alerts (and the owners' notifications) are the engine's own.
 */
export async function seedDemoKpiHistory(db: TenantDb, now: Date): Promise<{ events: number; alerted: string[] }> {
  const incident = demoIncidentHour(now);
  const first = incident - HISTORY_DAYS * 24 * HOUR_MS;
  const events: KpiEventInput[] = [];
  for (let hourStart = first; hourStart <= incident; hourStart += HOUR_MS) {
    if (!SENDING_HOURS.has(new Date(hourStart).getUTCHours())) continue;
    events.push(...hourEvents(hourStart, (hourStart - first) / HOUR_MS, hourStart === incident));
  }
  await recordKpiEvents(db, events);
  const report = await runKpiTripwire(db, { now: new Date(incident + 58 * 60_000) });
  return { events: events.length, alerted: report.alerted };
}
