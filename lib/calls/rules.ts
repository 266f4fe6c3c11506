/**
 * The dialer's rules, pure: which gate refuses a call, what an outcome does to the call, its
 * task and the contact's consent, and how the provider's status reports move a call forward.
 */
import type { CallStatus } from "@/generated/prisma/enums";
import type { RegistryDecision } from "@/lib/dnc/rules";
import type { TaskOutcome } from "@/lib/ladder/schema";
import { escapeHtml } from "@/lib/security/escape-html";

/** What the member says happened on the call. */
export const CALL_OUTCOMES = ["connected_interested", "connected_not_interested", "left_voicemail", "no_answer", "wrong_number", "do_not_call"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  connected_interested: "Connected – interested",
  connected_not_interested: "Connected – not interested",
  left_voicemail: "Left voicemail",
  no_answer: "No answer",
  wrong_number: "Wrong number",
  do_not_call: "Asked not to be called",
};

/** An outcome's words, or the stored text as is (an outcome recorded before these words). */
export function callOutcomeLabel(outcome: string): string {
  return CALL_OUTCOME_LABELS[outcome as CallOutcome] ?? outcome;
}

export interface OutcomeEffects {
  /** The outcome the CALL task it was for closes with. */
  taskOutcome: TaskOutcome;
  /** The call's status once logged, unless the provider already ended it. */
  status: Extract<CallStatus, "COMPLETED" | "NO_ANSWER">;
  /** The contact asked not to be called: their number is opted out of calls and texts and put on the do-not-contact list. */
  optOut: boolean;
}

const EFFECTS: Record<CallOutcome, OutcomeEffects> = {
  connected_interested: { taskOutcome: "talked_interested", status: "COMPLETED", optOut: false },
  connected_not_interested: { taskOutcome: "talked_not_interested", status: "COMPLETED", optOut: false },
  left_voicemail: { taskOutcome: "left_voicemail", status: "COMPLETED", optOut: false },
  no_answer: { taskOutcome: "no_answer", status: "NO_ANSWER", optOut: false },
  wrong_number: { taskOutcome: "wrong_number", status: "COMPLETED", optOut: false },
  // The task closes as a conversation that went nowhere; the opt-out stops the ladder.
  do_not_call: { taskOutcome: "talked_not_interested", status: "COMPLETED", optOut: true },
};

export function outcomeEffects(outcome: CallOutcome): OutcomeEffects {
  return EFFECTS[outcome];
}

/** In order; the first refusal wins, so the reason shown is the most fundamental one. */
export const CALL_GATES = ["recipient", "address", "consent", "do_not_contact", "area", "dnc_registry", "calling_hours", "daily_cap"] as const;
export type CallGate = (typeof CALL_GATES)[number];

export interface CallFacts {
  /** The number in E.164, null when missing or malformed. */
  phone: string | null;
  /** For a buyer: whether they are active; null for a lead. */
  buyerActive: boolean | null;
  /** The person was erased: never contacted again. */
  suppressed: boolean;
  /** The channel on which the number opted out (a STOP text covers calls too), null when it did not. */
  optedOutOn: "CALL" | "SMS" | null;
  onDoNotContact: boolean;
  areaBlacklist: { areaCode: string; reason: string } | null;
  registry: RegistryDecision;
  /** The calling-hours notice (callingHoursNotice) when the lead may not be called now, else null. */
  outsideHours: string | null;
  placedToday: number;
  dailyCap: number;
}

export type CallDecision = { allowed: true } | { allowed: false; gate: CallGate; reason: string };

const refuse = (gate: CallGate, reason: string): CallDecision => ({ allowed: false, gate, reason });

/** Whether a call may be placed now: the gates of a text, with the call's own window and cap. Fails closed. */
export function decideCall(facts: CallFacts): CallDecision {
  if (facts.buyerActive === false) return refuse("recipient", "The buyer is not active");
  if (!facts.phone) return refuse("address", "No valid phone number for this contact");
  if (facts.suppressed) return refuse("do_not_contact", "This person's data was erased: they are never contacted again");
  if (facts.optedOutOn) return refuse("consent", `${facts.phone} opted out of ${facts.optedOutOn === "CALL" ? "calls" : "texts"}`);
  if (facts.onDoNotContact) return refuse("do_not_contact", `${facts.phone} is on the do-not-contact list`);
  if (facts.areaBlacklist) return refuse("area", `Area ${facts.areaBlacklist.areaCode} is blacklisted: ${facts.areaBlacklist.reason}`);
  if (!facts.registry.allowed) return refuse("dnc_registry", facts.registry.detail);
  if (facts.outsideHours) return refuse("calling_hours", facts.outsideHours);
  if (!(Number.isFinite(facts.dailyCap) && Number.isFinite(facts.placedToday)) || facts.placedToday >= facts.dailyCap) {
    return refuse("daily_cap", `The daily call cap of ${facts.dailyCap} is reached`);
  }
  return { allowed: true };
}

/** Twilio's CallStatus values to ours; null for one we do not know. */
export function twilioCallStatus(value: string): CallStatus | null {
  const map: Record<string, CallStatus> = {
    queued: "QUEUED", initiated: "QUEUED", ringing: "RINGING", "in-progress": "IN_PROGRESS", answered: "IN_PROGRESS",
    completed: "COMPLETED", busy: "BUSY", "no-answer": "NO_ANSWER", failed: "FAILED", canceled: "CANCELED",
  };
  return map[value.trim().toLowerCase()] ?? null;
}

const RANK: Record<CallStatus, number> = { BLOCKED: 9, QUEUED: 0, RINGING: 1, IN_PROGRESS: 2, COMPLETED: 3, BUSY: 3, NO_ANSWER: 3, FAILED: 3, CANCELED: 3 };
export const ENDED_STATUSES: readonly CallStatus[] = ["COMPLETED", "BUSY", "NO_ANSWER", "FAILED", "CANCELED"];

export interface CallState {
  status: CallStatus;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordingUrl: string | null;
}

export interface CallStatusReport {
  status: CallStatus;
  at: Date;
  durationSeconds?: number | null;
  recordingUrl?: string | null;
}

/**
 * What a provider's status report changes: the status only moves forward (a late "ringing"
 * after "completed" changes nothing), a refused call never moves, and the provider's measured
 * duration and recording fill in what is missing or replace the member's estimate once ended.
 */
export function applyCallStatus(current: CallState, report: CallStatusReport): Partial<CallState> {
  if (current.status === "BLOCKED") return {};
  const patch: Partial<CallState> = {};
  const forward = RANK[report.status] > RANK[current.status];
  if (forward) patch.status = report.status;
  if (report.status === "IN_PROGRESS" && !current.answeredAt) patch.answeredAt = report.at;
  if (ENDED_STATUSES.includes(report.status)) {
    if (!current.endedAt) patch.endedAt = report.at;
    if (typeof report.durationSeconds === "number" && Number.isFinite(report.durationSeconds) && report.durationSeconds >= 0 && report.durationSeconds !== current.durationSeconds) {
      patch.durationSeconds = Math.round(report.durationSeconds);
    }
  }
  if (report.recordingUrl && report.recordingUrl !== current.recordingUrl) patch.recordingUrl = report.recordingUrl;
  return patch;
}

/** The instructions for the member's leg once they answer: dial the lead, showing our number. */
export function bridgeTwiml(leadPhone: string, callerId: string): string {
  return `<Response><Dial callerId="${escapeHtml(callerId)}">${escapeHtml(leadPhone)}</Dial></Response>`;
}
