import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<"route" | "method" | "status">;
  messages: Counter<"channel" | "outcome" | "gate">;
  ladderSteps: Counter<"channel" | "outcome">;
  engineRuns: Counter<"engine" | "outcome">;
  importRows: Counter<"outcome">;
  webhookVerificationsFailed: Counter<"provider">;
  heartbeatAge: Gauge;
  heartbeatStaleAlerts: Counter;
  intentScoreSeconds: Histogram;
  signalsProcessed: Counter<"source" | "type" | "status">;
  enrichmentCalls: Counter<"provider" | "status">;
  enrichmentSpentDollars: Counter<"provider">;
  contextQuality: Histogram;
  laboratoryExperimentsActive: Gauge;
}

const globalForMetrics = globalThis as unknown as { dealflowMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "dealflow" });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Duration of HTTP requests handled by route handlers and server actions",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    messages: new Counter({
      name: "dealflow_messages_total",
      help: "Outbound messages by channel and outcome (sent, blocked with the gate, delivered, failed)",
      labelNames: ["channel", "outcome", "gate"] as const,
      registers,
    }),
    ladderSteps: new Counter({ name: "dealflow_ladder_steps_total", help: "Follow-up ladder steps run, by channel and outcome", labelNames: ["channel", "outcome"] as const, registers }),
    engineRuns: new Counter({ name: "dealflow_engine_runs_total", help: "Engine runs by engine and outcome", labelNames: ["engine", "outcome"] as const, registers }),
    importRows: new Counter({ name: "dealflow_import_rows_total", help: "CSV import rows by outcome (created, duplicate, error)", labelNames: ["outcome"] as const, registers }),
    webhookVerificationsFailed: new Counter({
      name: "dealflow_webhook_verifications_failed_total",
      help: "Webhook calls refused because their signature or secret did not verify",
      labelNames: ["provider"] as const,
      registers,
    }),
    heartbeatAge: new Gauge({ name: "dealflow_heartbeat_age_seconds", help: "Seconds since the background runtime's last heartbeat", registers }),
    heartbeatStaleAlerts: new Counter({ name: "dealflow_heartbeat_stale_alerts_total", help: "Alerts raised because the runtime heartbeat stopped", registers }),
    // The intent engine's metrics keep the names its operators know them by (no dealflow_ prefix).
    intentScoreSeconds: new Histogram({
      name: "intent_score_calculation_seconds",
      help: "Time to recompute the intent scores touched by one batch of signals or one decay pass",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    }),
    signalsProcessed: new Counter({
      name: "signals_processed_total",
      help: "Intent signals by source, type and status (stored, duplicate, rejected, unmatched)",
      labelNames: ["source", "type", "status"] as const,
      registers,
    }),
    enrichmentCalls: new Counter({ name: "enrichment_api_calls_total", help: "Skip-trace lookups by provider and status (found, not_found, over_budget, error)", labelNames: ["provider", "status"] as const, registers }),
    enrichmentSpentDollars: new Counter({ name: "enrichment_budget_spent_dollars", help: "Dollars spent on skip-trace lookups", labelNames: ["provider"] as const, registers }),
    contextQuality: new Histogram({
      name: "context_quality_score_distribution",
      help: "Context quality (0-1, from the fields present) of the people drafting and enrichment looked at",
      buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
      registers,
    }),
    laboratoryExperimentsActive: new Gauge({ name: "laboratory_experiments_active", help: "Laboratory experiments not yet promoted or archived, across workspaces", registers }),
  };
}

export function metrics(): Metrics {
  return (globalForMetrics.dealflowMetrics ??= createMetrics());
}

export function observeRequest(route: string, method: string, status: number, seconds: number) {
  metrics().httpRequestDuration.labels(route, method, String(status)).observe(seconds);
}

export type MessageOutcome = "sent" | "blocked" | "delivered" | "failed";

/** One outbound message reached an outcome; `gate` names the gate that blocked it. */
export function countMessage(channel: string, outcome: MessageOutcome, gate = "", n = 1) {
  metrics().messages.labels(channel, outcome, gate).inc(n);
}

export function countLadderStep(channel: string, outcome: string) {
  metrics().ladderSteps.labels(channel, outcome).inc();
}

export function countEngineRun(engine: string, outcome: string) {
  metrics().engineRuns.labels(engine, outcome).inc();
}

export function countImportRows(rows: Record<"created" | "duplicate" | "error", number>) {
  for (const [outcome, n] of Object.entries(rows)) if (n > 0) metrics().importRows.labels(outcome).inc(n);
}

export function countWebhookVerificationFailed(provider: string) {
  metrics().webhookVerificationsFailed.labels(provider).inc();
}

export function observeIntentScoreSeconds(seconds: number) {
  metrics().intentScoreSeconds.observe(seconds);
}

export type SignalStatus = "stored" | "duplicate" | "rejected" | "unmatched";

export function countSignal(source: string, type: string, status: SignalStatus, n = 1) {
  if (n > 0) metrics().signalsProcessed.labels(source, type, status).inc(n);
}

export function countEnrichmentCall(provider: string, status: string, dollars = 0) {
  metrics().enrichmentCalls.labels(provider, status).inc();
  if (dollars > 0) metrics().enrichmentSpentDollars.labels(provider).inc(dollars);
}

export function observeContextQuality(score: number) {
  metrics().contextQuality.observe(score);
}

export function setLaboratoryExperimentsActive(count: number) {
  metrics().laboratoryExperimentsActive.set(count);
}
