/**
 * The dashboard's figures as pure functions over rows the overview reads, and the links
 * from each figure to the filtered list behind it.
 */
import { DateTime } from "luxon";
import { DEAL_STATUSES, type DealStatus } from "@/lib/deals/rules";
import { nextAllowedInstant, resolveEffectivePolicy, type PolicyRecord } from "@/lib/policy";
import { prospectQueryString, prospectSearchParams, type ProspectQuery } from "@/lib/prospects/query";

/** A call counts as overdue once it has missed the SLA's first limit (30 minutes). */
export const OVERDUE_AFTER_MS = 30 * 60_000;

export interface Periods {
  /** Monday 00:00 of this week in the workspace's zone. */
  weekStart: Date;
  weekStartDay: string;
  /** The 1st of this month, 00:00 in the workspace's zone. */
  monthStart: Date;
  monthStartDay: string;
}

/** This week and this month as the workspace's people count them: in its time zone. */
export function periodsAt(now: Date, timeZone: string): Periods {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const zoned = local.isValid ? local : DateTime.fromJSDate(now, { zone: "UTC" });
  const week = zoned.startOf("week");
  const month = zoned.startOf("month");
  return { weekStart: week.toJSDate(), weekStartDay: week.toISODate()!, monthStart: month.toJSDate(), monthStartDay: month.toISODate()! };
}

export interface StatusTotal {
  status: DealStatus;
  count: number;
  spread: number;
}

/** One row per pipeline status, in pipeline order, zeros included. */
export function statusTotals(groups: readonly { status: string; count: number; spread: number | null }[]): StatusTotal[] {
  const byStatus = new Map(groups.map((g) => [g.status, g]));
  return DEAL_STATUSES.map((status) => ({ status, count: byStatus.get(status)?.count ?? 0, spread: byStatus.get(status)?.spread ?? 0 }));
}

export interface GateCount {
  gate: string;
  count: number;
}

/** Blocked messages per gate, most first (ties by name); a refusal without a gate is "unknown". */
export function blockedByGate(groups: readonly { blockedReason: string | null; count: number }[]): GateCount[] {
  const totals = new Map<string, number>();
  for (const g of groups) {
    const gate = g.blockedReason ?? "unknown";
    totals.set(gate, (totals.get(gate) ?? 0) + g.count);
  }
  return [...totals].map(([gate, count]) => ({ gate, count })).sort((a, b) => b.count - a.count || a.gate.localeCompare(b.gate));
}

export interface CallTask {
  id: string;
  dueAt: Date;
  deal: { region: string | null; market: string | null; timeZone: string | null };
}

export interface CallsByWindow<T extends CallTask> {
  /** Due, and the lead's calling hours are open now. */
  callNow: T[];
  /** Due, but the lead's hours are closed: when they open (null: no policy lets a call). */
  waiting: { task: T; opensAt: Date | null }[];
  /** Due calls past the 30-minute limit, whichever of the two above they are in. */
  overdue: T[];
}

/**
 * Sorts due calls by whether the lead may be called now, in the lead's zone under the
 * lead's market policy, so a VA is never offered a call the law does not allow.
 */
export function callsByWindow<T extends CallTask>(tasks: readonly T[], policies: readonly PolicyRecord[], now: Date): CallsByWindow<T> {
  const result: CallsByWindow<T> = { callNow: [], waiting: [], overdue: [] };
  for (const task of tasks) {
    if (task.dueAt.getTime() > now.getTime()) continue;
    const policy = task.deal.region ? resolveEffectivePolicy(policies, task.deal.region, task.deal.market) : null;
    const opensAt = task.deal.timeZone ? nextAllowedInstant(policy, [task.deal.timeZone], now, "CALL") : null;
    if (opensAt && opensAt.getTime() === now.getTime()) result.callNow.push(task);
    else result.waiting.push({ task, opensAt });
    if (now.getTime() - task.dueAt.getTime() > OVERDUE_AFTER_MS) result.overdue.push(task);
  }
  return result;
}

/** The Prospects list with these filters (the table's own URL form). */
export function prospectsHref(query: Partial<ProspectQuery>): string {
  const search = prospectQueryString(prospectSearchParams(query));
  return search ? `/deals?${search}` : "/deals";
}

/** The inbox of due calls for one owner ("me", "all", "unassigned" or a member id), maybe opened on a task. */
export function inboxHref(owner: string, taskId?: string): string {
  const params = new URLSearchParams({ owner });
  if (taskId) params.set("task", taskId);
  return `/inbox?${params.toString()}`;
}

/** The pipeline statuses a deal is still being worked in. */
export const OPEN_STATUSES: readonly DealStatus[] = ["NEW", "UNDERWRITTEN", "CONTACTED", "NEGOTIATING", "UNDER_CONTRACT"];
