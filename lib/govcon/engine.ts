/**
 * The GovCon engine's pass and pace: one SAM.gov sync, then the alerts it calls for (saved
 * searches, amendments to tracked and pursued opportunities), then the scheduled ones
 * (deadline reminders, daily digests). A sync that SAM.gov refused (400/401/403/500) throws
 * with SAM.gov's message, so the run is recorded FAILED with it.
 */
import type { TenantDb } from "@/lib/db/tenant";
import type { EngineLoad, IntervalDecision } from "@/lib/engines/types";
import { alertAfterSync, runScheduledGovConAlerts } from "./alerts";
import { decideGovConInterval } from "./interval";
import { readSamGovUsage } from "./quota";
import { syncOpportunities, type SyncOptions } from "./sync";

export type GovConPass =
  | { outcome: "OK"; items: number; details: Record<string, string | number | boolean | null | Record<string, string | number | null>> }
  | { outcome: "SKIPPED"; reason: string };

export async function runGovConPass(db: TenantDb, options: SyncOptions = {}): Promise<GovConPass> {
  const now = options.now ?? new Date();
  const report = await syncOpportunities(db, { ...options, now });
  const found = await alertAfterSync(db, { newOpportunityIds: report.newOpportunityIds, amendedOpportunityIds: report.amendedOpportunityIds }, now);
  const scheduled = await runScheduledGovConAlerts(db, now);
  if (report.requests === 0 && report.stoppedBy) {
    const usage = await readSamGovUsage(db, now, options.env);
    return {
      outcome: "SKIPPED",
      reason:
        report.stoppedBy === "throttled"
          ? `SAM.gov throttled the key; no request before ${usage.exhaustedUntil?.toISOString().slice(0, 16).replace("T", " ") ?? "00:00"} UTC`
          : `Today's SAM.gov budget is spent (${usage.used} of ${usage.budget} requests); it resets at 00:00 UTC`,
    };
  }
  return {
    outcome: "OK",
    items: report.new + report.amended,
    details: {
      window: { postedFrom: report.window.postedFrom, postedTo: report.window.postedTo, nextOffset: report.window.nextOffset },
      source: report.source,
      requests: report.requests,
      fetched: report.fetched,
      new: report.new,
      amended: report.amended,
      skipped: report.skipped,
      filteredOut: report.filteredOut,
      duplicates: report.duplicates,
      descriptions: report.descriptions,
      budgetLeft: report.budgetLeft,
      stoppedBy: report.stoppedBy,
      alerted: found.alerted + scheduled.alerted,
      queued: found.queued,
      deadlineAlerts: scheduled.deadline,
      digests: scheduled.digests,
    },
  };
}

/** The nearest response deadline still ahead among the opportunities the team tracks or pursues. */
export async function nearestTrackedDeadline(db: TenantDb, now: Date): Promise<Date | null> {
  const next = await db.opportunity.findFirst({
    where: { status: { in: ["TRACKING", "PURSUING"] }, responseDeadline: { gt: now } },
    orderBy: { responseDeadline: "asc" },
    select: { responseDeadline: true },
  });
  return next?.responseDeadline ?? null;
}

export async function decideGovConPace(db: TenantDb, load: EngineLoad, now: Date): Promise<IntervalDecision> {
  const [usage, nearestDeadline] = await Promise.all([readSamGovUsage(db, now), nearestTrackedDeadline(db, now)]);
  return decideGovConInterval({ now, usage, nearestDeadline, consecutiveFailures: load.consecutiveFailures });
}
