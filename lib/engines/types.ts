/** The engines that run per tenant. The outbox dispatcher is a system process, not one of them. */
export const ENGINE_NAMES = ["email-intake", "underwriting", "kpi-tripwire", "privacy-requests", "buyer-matching", "buyer-performance", "signal-decay", "drafting", "market-intel", "scoring", "direct-mail", "campaigns", "outbound-control", "govcon"] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export function isEngineName(value: unknown): value is EngineName {
  return typeof value === "string" && (ENGINE_NAMES as readonly string[]).includes(value);
}

/** How a run was started: by its own schedule, the safety-net cron, a person, or an event. */
export const ENGINE_TRIGGERS = ["orchestrator", "cron", "manual", "event"] as const;
export type EngineTrigger = (typeof ENGINE_TRIGGERS)[number];

export interface IntervalBounds {
  minSeconds: number;
  maxSeconds: number;
  /** The pace when load is ordinary. */
  defaultSeconds: number;
}

/** The load measures an engine's pace responds to. */
export type LoadSignal = "backlog" | "inboundVelocity" | "replyRate" | "deliveryRate";

/** What the orchestrator needs to know of an engine: no code, so it stays pure. */
export interface EngineProfile {
  name: EngineName;
  label: string;
  bounds: IntervalBounds;
  signals: readonly LoadSignal[];
  /** Words for the backlog in interval reasons, e.g. "deals awaiting underwriting". */
  backlogNoun: string;
}

/** One measurement of an engine's load for a tenant. Rates are null without enough messages. */
export interface EngineLoad {
  backlog: number;
  /** Deal emails taken in during the last hour. */
  inboundLastHour: number;
  /** Share of outbound messages (last 24 h) that got a reply. */
  replyRate: number | null;
  /** Share of settled outbound messages (last 24 h) that were delivered. */
  deliveryRate: number | null;
  consecutiveFailures: number;
}

export interface IntervalDecision {
  intervalSeconds: number;
  reason: string;
}
