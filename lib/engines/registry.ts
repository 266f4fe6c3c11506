import type { Prisma } from "@/generated/prisma/client";
import { runDraftingSweep } from "@/lib/approvals/drafting";
import { FIRST_MATCHING_LOOKBACK_MS, runBuyerMatching, runBuyerPerformance } from "@/lib/buyers/engines";
import type { TenantDb } from "@/lib/db/tenant";
import { pollDealMailbox } from "@/lib/intake/mailbox";
import { runKpiTripwire } from "@/lib/kpi/tripwire";
import { runMarketIntelPass } from "@/lib/market/engine";
import { processDuePrivacyRequests } from "@/lib/privacy/service";
import { gmailMailbox, gmailMailboxConfigFor } from "@/lib/providers/gmail";
import { runSignalDecay } from "@/lib/signals/decay";
import { underwriteNewDeals } from "@/lib/underwriting/engine";
import { generateAlertMemos } from "@/lib/memo/service";
import { runScoringPass } from "@/lib/scoring/engine";
import { runDueCampaigns } from "@/lib/campaigns/runner";
import { advanceLocalMailPieces } from "@/lib/mail/timeline";
import { runOutboundControl } from "@/lib/deliverability/control";
import { decideGovConPace, runGovConPass } from "@/lib/govcon/engine";
import { GOVCON_BOUNDS } from "@/lib/govcon/interval";
import { lastCompletedRun } from "./watermark";
import type { EngineLoad, EngineName, EngineProfile, EngineTrigger, IntervalBounds, IntervalDecision } from "./types";

/** What one run did: work done, or a reason it had nothing it could do. */
export type EngineWork =
  | { outcome: "OK"; items: number; details?: Prisma.InputJsonObject }
  | { outcome: "SKIPPED"; reason: string };

export interface EngineDefinition extends EngineProfile {
  description: string;
  /** Runs one pass for a tenant. Throws when the pass failed. */
  run(db: TenantDb, context?: { trigger: EngineTrigger }): Promise<EngineWork>;
  /** The engine's own pace rule, for an engine paced by more than the shared load measures. */
  decideInterval?(db: TenantDb, load: EngineLoad, now: Date): Promise<IntervalDecision>;
}

/** Bounds that pin an engine to one interval: it keeps a pace, whatever the load. */
function fixedPace(seconds: number): IntervalBounds {
  return { minSeconds: seconds, maxSeconds: seconds, defaultSeconds: seconds };
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
        details: { messages: report.messages, duplicates: report.duplicates, replies: report.replies, failed: report.failed.length },
      };
    },
  },
  underwriting: {
    name: "underwriting",
    label: "Underwriting",
    description: "Computes MAO, spread and strategy for new deals that have the numbers and a policy, and makes the investor memo of each deal whose spread reaches the alert threshold.",
    bounds: { minSeconds: 60, maxSeconds: 60 * 60, defaultSeconds: 15 * 60 },
    signals: ["backlog", "inboundVelocity"],
    backlogNoun: "deal(s) awaiting underwriting",
    async run(db) {
      const report = await underwriteNewDeals(db, { limit: 500 });
      // A deal whose new evidence reaches the alert threshold gets its investor memo, once per evidence.
      const memos = await generateAlertMemos(db, report.alerts);
      return {
        outcome: "OK",
        items: report.underwritten,
        details: { skipped: report.skipped.length, alerts: report.alerts.length, memos: memos.generated, memosFailed: memos.failed.length, correlationId: report.correlationId },
      };
    },
  },
  "kpi-tripwire": {
    name: "kpi-tripwire",
    label: "KPI tripwire",
    description: "Compares the last hour of each KPI with the same hour over the previous 7 days and alerts on a breach.",
    // A fixed pace: the tripwire watches the load, it does not follow it.
    bounds: fixedPace(5 * 60),
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
    bounds: fixedPace(5 * 60),
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
        details: { until: report.until, notified: report.notified, withoutMatches: report.withoutMatches, blacklisted: report.blacklisted, blasts: report.blasts, blastsRefused: report.blastsRefused },
      };
    },
  },
  "buyer-performance": {
    name: "buyer-performance",
    label: "Buyer performance",
    description: "Recomputes buyer tiers and the liquidity graph once a day, and soon after a burst of buyer feedback.",
    // A short fixed pace that checks for a burst; the recompute itself runs daily or after one.
    bounds: fixedPace(15 * 60),
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
  "signal-decay": {
    name: "signal-decay",
    label: "Signal decay",
    description: "Recomputes every intent score once a day as its signals age, and starts drafting for scores that reach the threshold.",
    // A fixed daily pace: scores fade over days, and every new signal recomputes its person at once.
    bounds: fixedPace(24 * 60 * 60),
    signals: [],
    backlogNoun: "people with an intent score",
    async run(db) {
      const report = await runSignalDecay(db);
      return { outcome: "OK", items: report.people, details: { changed: report.changed, crossed: report.crossed } };
    },
  },
  drafting: {
    name: "drafting",
    label: "Drafting",
    description: "Proposes emails for approval to people at or above the intent threshold who have no draft waiting and no email today. Never sends.",
    // A fixed hourly pace: each intent/high event drafts at once; this pass catches what they missed.
    bounds: fixedPace(60 * 60),
    signals: [],
    backlogNoun: "people at or above the intent threshold",
    async run(db) {
      const report = await runDraftingSweep(db);
      return { outcome: "OK", items: report.proposed, details: { considered: report.considered, skipped: report.skipped } };
    },
  },
  "market-intel": {
    name: "market-intel",
    label: "Market intel",
    description: "Recomputes the velocity, spreads and rank of each ZIP and FSA touched since the last pass (all of them nightly) and tells the owners when an area turns hot.",
    // Underwriting's range, a little slower at the fast end: a pass rewrites the areas it covers.
    bounds: { minSeconds: 5 * 60, maxSeconds: 60 * 60, defaultSeconds: 15 * 60 },
    signals: ["backlog"],
    backlogNoun: "deal(s) changed since the last market pass",
    async run(db, context) {
      const last = await lastCompletedRun(db, "market-intel");
      const { report, details } = await runMarketIntelPass(db, last?.details ?? null, { manual: context?.trigger === "manual" });
      return {
        outcome: "OK",
        items: report.areas,
        details: { ...details, changed: report.changed, newlyHot: report.newlyHot.length, located: report.located },
      };
    },
  },
  scoring: {
    name: "scoring",
    label: "Lead scoring",
    description: "Scores every live deal again once a day (freshness, market ranks, opt-ins change) and proposes a learned model when 200 or more decided outcomes, and enough new ones since the last fit, are in.",
    // A fixed daily pace: intake and edits score their deals at once; this pass keeps the rest fresh.
    bounds: fixedPace(24 * 60 * 60),
    signals: [],
    backlogNoun: "live deals to rescore",
    async run(db) {
      const report = await runScoringPass(db);
      return { outcome: "OK", items: report.rescored, details: { decided: report.decided, proposedVersion: report.proposedVersion } };
    },
  },
  "direct-mail": {
    name: "direct-mail",
    label: "Direct mail",
    description: "Moves postcards and letters of the local mail provider along their timeline (rendered, mailed, in transit, delivered); Lob's pieces move by its webhook.",
    // A fixed pace: the timeline counts in business days, so a pass every 15 minutes is prompt.
    bounds: fixedPace(15 * 60),
    signals: [],
    backlogNoun: "mail pieces due to move",
    async run(db) {
      const report = await advanceLocalMailPieces(db);
      return { outcome: "OK", items: report.advanced, details: { delivered: report.delivered } };
    },
  },
  campaigns: {
    name: "campaigns",
    label: "Campaigns",
    description: "Starts scheduled email and mail campaigns and sends each sending campaign's next recipients, up to its daily limit, through the outbound gates.",
    // A fixed pace: each campaign's daily limit paces its sends; starting one asks for a run at once.
    bounds: fixedPace(5 * 60),
    signals: [],
    backlogNoun: "campaigns sending",
    async run(db) {
      const report = await runDueCampaigns(db);
      if (report.campaigns === 0) return { outcome: "SKIPPED", reason: "No campaign is sending" };
      return { outcome: "OK", items: report.sent, details: { campaigns: report.campaigns, added: report.added, blocked: report.blocked, failed: report.failed, finished: report.finished } };
    },
  },
  "outbound-control": {
    name: "outbound-control",
    label: "Outbound control",
    description: "Watches each sending number and email domain's delivery, reply and opt-out rates over 24 hours and 7 days, slows or pauses a sender that falls under the limits and restores it step by step; every decision is recorded and alerts the owner.",
    // Faster while replies pour in. Not paced on delivery: the orchestrator slows engines on a
    // poor delivery rate, and poor delivery is exactly when this one must keep watching.
    bounds: { minSeconds: 5 * 60, maxSeconds: 60 * 60, defaultSeconds: 15 * 60 },
    signals: ["replyRate"],
    backlogNoun: "senders to check",
    async run(db) {
      const report = await runOutboundControl(db);
      if (report.senders === 0) return { outcome: "SKIPPED", reason: "No sending number or domain is configured (Deliverability, or TWILIO_FROM_NUMBER / SENDGRID_FROM_EMAIL)" };
      return { outcome: "OK", items: report.changed, details: { ...report } };
    },
  },
  govcon: {
    name: "govcon",
    label: "GovCon",
    description: "Syncs SAM.gov opportunities within the key's daily budget (the shipped fixture feed without a key), scores their bid fit, records amendments, and sends saved-search, amendment and deadline alerts.",
    // Paced by its own rule (lib/govcon/interval.ts): deadlines of tracked work and the day's budget.
    bounds: GOVCON_BOUNDS,
    signals: [],
    backlogNoun: "opportunities to sync",
    run: (db) => runGovConPass(db),
    decideInterval: decideGovConPace,
  },
};

export const ENGINE_LIST: EngineDefinition[] = Object.values(ENGINES);

export function engineDefinition(name: EngineName): EngineDefinition {
  return ENGINES[name];
}
