import type { Prisma } from "@/generated/prisma/client";
import { FIRST_MATCHING_LOOKBACK_MS, runBuyerMatching, runBuyerPerformance } from "@/lib/buyers/engines";
import type { TenantDb } from "@/lib/db/tenant";
import { pollDealMailbox } from "@/lib/intake/mailbox";
import { runKpiTripwire } from "@/lib/kpi/tripwire";
import { processDuePrivacyRequests } from "@/lib/privacy/service";
import { gmailMailbox, gmailMailboxConfigFor } from "@/lib/providers/gmail";
import { underwriteNewDeals } from "@/lib/underwriting/engine";
import { lastCompletedRun } from "./watermark";
import type { EngineName, EngineProfile, EngineTrigger } from "./types";

/** What one run did: work done, or a reason it had nothing it could do. */
export type EngineWork =
  | { outcome: "OK"; items: number; details?: Prisma.InputJsonObject }
  | { outcome: "SKIPPED"; reason: string };

export interface EngineDefinition extends EngineProfile {
  description: string;
  /** Runs one pass for a tenant. Throws when the pass failed. */
  run(db: TenantDb, context?: { trigger: EngineTrigger }): Promise<EngineWork>;
}

/** The engines, each a pass over lib code. Inngest, Run now and tests all call `run`. */
export const ENGINES: Record<EngineName, EngineDefinition> = {
  "email-intake": {
    name: "email-intake",
    label: "Email intake",
    description: "Takes in deal emails from the Gmail label and turns them into deals.",
    bounds: { minSeconds: 60, maxSeconds: 30 * 60, defaultSeconds: 5 * 60 },
    signals: ["inboundVelocity", "replyRate"],
    backlogNoun: "emails waiting",
    async run(db) {
      const gmail = await gmailMailboxConfigFor(db);
      if (!gmail) return { outcome: "SKIPPED", reason: "Gmail is not connected (Integrations, or GMAIL_CLIENT_ID, GMAIL_CLIENT_SECRET, GMAIL_REFRESH_TOKEN)" };
      const report = await pollDealMailbox(db, gmailMailbox(gmail.config, gmail.label));
      // Some unreadable emails are normal; none taken in out of several is a broken pass.
      if (report.messages > 0 && report.failed.length === report.messages) {
        throw new Error(`None of ${report.messages} email(s) could be taken in: ${report.failed[0].error}`);
      }
      return {
        outcome: "OK",
        items: report.created,
        details: { messages: report.messages, duplicates: report.duplicates, failed: report.failed.length },
      };
    },
  },
  underwriting: {
    name: "underwriting",
    label: "Underwriting",
    description: "Computes MAO, spread and strategy for new deals that have the numbers and a policy.",
    bounds: { minSeconds: 60, maxSeconds: 60 * 60, defaultSeconds: 15 * 60 },
    signals: ["backlog", "inboundVelocity"],
    backlogNoun: "deal(s) awaiting underwriting",
    async run(db) {
      const report = await underwriteNewDeals(db, { limit: 500 });
      return {
        outcome: "OK",
        items: report.underwritten,
        details: { skipped: report.skipped.length, alerts: report.alerts.length, correlationId: report.correlationId },
      };
    },
  },
  "kpi-tripwire": {
    name: "kpi-tripwire",
    label: "KPI tripwire",
    description: "Compares the last hour of each KPI with the same hour over the previous 7 days and alerts on a breach.",
    // A fixed pace: the tripwire watches the load, it does not follow it.
    bounds: { minSeconds: 5 * 60, maxSeconds: 5 * 60, defaultSeconds: 5 * 60 },
    signals: [],
    backlogNoun: "KPIs to check",
    async run(db) {
      const report = await runKpiTripwire(db);
      return {
        outcome: "OK",
        items: report.alerted.length,
        details: { evaluated: report.evaluated, breaches: report.breaches, skipped: report.skipped, throttle: report.throttle },
      };
    },
  },
  "privacy-requests": {
    name: "privacy-requests",
    label: "Privacy requests",
    description: "Carries out pending erasure and access requests, each due within 24 hours of being filed.",
    // A fixed pace of minutes keeps every request far inside its 24-hour deadline.
    bounds: { minSeconds: 5 * 60, maxSeconds: 5 * 60, defaultSeconds: 5 * 60 },
    signals: [],
    backlogNoun: "privacy requests pending",
    async run(db) {
      const report = await processDuePrivacyRequests(db);
      return { outcome: "OK", items: report.processed, details: report };
    },
  },
  "buyer-matching": {
    name: "buyer-matching",
    label: "Buyer matching",
    description: "Matches new high-spread deals to buyers, tells the owners who fits best, and auto-blasts tier-A buyers when turned on.",
    bounds: { minSeconds: 60, maxSeconds: 60 * 60, defaultSeconds: 15 * 60 },
    signals: ["backlog", "inboundVelocity"],
    backlogNoun: "high-spread deal(s) awaiting buyer matching",
    async run(db) {
      // Each pass covers the window after the last completed one, so no deal is matched twice.
      const last = await lastCompletedRun(db, "buyer-matching");
      const until = typeof last?.details?.until === "string" ? new Date(last.details.until) : null;
      const since = until && !Number.isNaN(until.getTime()) ? until : new Date(Date.now() - FIRST_MATCHING_LOOKBACK_MS);
      const report = await runBuyerMatching(db, { since });
      return {
        outcome: "OK",
        items: report.deals,
        details: { until: report.until, notified: report.notified, withoutMatches: report.withoutMatches, blasts: report.blasts, blastsRefused: report.blastsRefused },
      };
    },
  },
  "buyer-performance": {
    name: "buyer-performance",
    label: "Buyer performance",
    description: "Recomputes buyer tiers and the liquidity graph once a day, and soon after a burst of buyer feedback.",
    // A short fixed pace that checks for a burst; the recompute itself runs daily or after one.
    bounds: { minSeconds: 15 * 60, maxSeconds: 15 * 60, defaultSeconds: 15 * 60 },
    signals: [],
    backlogNoun: "feedback events since the last recompute",
    async run(db, context) {
      const last = await lastCompletedRun(db, "buyer-performance");
      const result = await runBuyerPerformance(db, { lastRecompute: last?.startedAt ?? null, force: context?.trigger === "manual" });
      if (!result.ran) return { outcome: "SKIPPED", reason: result.why };
      return {
        outcome: "OK",
        items: result.buyers,
        details: { why: result.why, tiers: result.tiers, newBuyers: result.newBuyers, changed: result.changed, nodes: result.nodes },
      };
    },
  },
};

export const ENGINE_LIST: EngineDefinition[] = Object.values(ENGINES);

export function engineDefinition(name: EngineName): EngineDefinition {
  return ENGINES[name];
}
