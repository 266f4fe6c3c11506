/**
 * The follow-up SLA: of the tasks that have fallen due, the share completed within 30
 * minutes and within 2 hours of their due instant. A task still open past the limit counts
 * as missed; one not yet past it is left out of that limit's count until it is decided.
 */
const MINUTE_MS = 60_000;
export const SLA_LIMITS = { within30m: 30 * MINUTE_MS, within2h: 120 * MINUTE_MS } as const;

export interface SlaTask {
  dueAt: Date;
  completedAt: Date | null;
  /** Only DONE tasks meet the SLA; skipped or cancelled ones that fell due count as missed. */
  status: "OPEN" | "DONE" | "SKIPPED" | "CANCELLED";
  ownerId: string | null;
  market: string | null;
}

export interface SlaFigures {
  /** Tasks due so far (decided for at least the 2-hour limit or still open). */
  count: number;
  completed: number;
  /** Shares from 0 to 1, null when no task has been decided for that limit. */
  within30m: number | null;
  within2h: number | null;
}

export interface SlaSnapshot extends SlaFigures {
  byOwner: ({ ownerId: string | null } & SlaFigures)[];
  byMarket: ({ market: string | null } & SlaFigures)[];
  asOf: string;
}

interface Tally {
  count: number;
  completed: number;
  met: { within30m: number; within2h: number };
  decided: { within30m: number; within2h: number };
}

const emptyTally = (): Tally => ({ count: 0, completed: 0, met: { within30m: 0, within2h: 0 }, decided: { within30m: 0, within2h: 0 } });

function addTask(tally: Tally, task: SlaTask, nowMs: number) {
  const due = task.dueAt.getTime();
  if (due > nowMs) return;
  tally.count += 1;
  const doneAt = task.status === "DONE" && task.completedAt ? task.completedAt.getTime() : null;
  if (doneAt !== null) tally.completed += 1;
  for (const key of ["within30m", "within2h"] as const) {
    const deadline = due + SLA_LIMITS[key];
    if (doneAt !== null && doneAt <= deadline) {
      tally.met[key] += 1;
      tally.decided[key] += 1;
    } else if (doneAt !== null || task.status !== "OPEN" || nowMs > deadline) {
      tally.decided[key] += 1;
    }
  }
}

function figures(tally: Tally): SlaFigures {
  const share = (key: "within30m" | "within2h") =>
    tally.decided[key] === 0 ? null : Math.round((tally.met[key] / tally.decided[key]) * 1000) / 1000;
  return { count: tally.count, completed: tally.completed, within30m: share("within30m"), within2h: share("within2h") };
}

export function computeSla(tasks: readonly SlaTask[], now: Date): SlaSnapshot {
  const nowMs = now.getTime();
  const total = emptyTally();
  const byOwner = new Map<string | null, Tally>();
  const byMarket = new Map<string | null, Tally>();
  for (const task of tasks) {
    addTask(total, task, nowMs);
    if (!byOwner.has(task.ownerId)) byOwner.set(task.ownerId, emptyTally());
    addTask(byOwner.get(task.ownerId)!, task, nowMs);
    if (!byMarket.has(task.market)) byMarket.set(task.market, emptyTally());
    addTask(byMarket.get(task.market)!, task, nowMs);
  }
  const rows = <K extends string>(map: Map<string | null, Tally>, key: K) =>
    [...map.entries()]
      .filter(([, tally]) => tally.count > 0)
      .map(([id, tally]) => ({ [key]: id, ...figures(tally) }) as { [P in K]: string | null } & SlaFigures)
      .sort((a, b) => b.count - a.count);
  return { ...figures(total), byOwner: rows(byOwner, "ownerId"), byMarket: rows(byMarket, "market"), asOf: now.toISOString() };
}
