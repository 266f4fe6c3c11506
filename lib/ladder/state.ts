/**
 * A started ladder keeps its steps (as they were when it started) with each step's due
 * instant and what became of it, as JSON on the FollowUpLadder row.
 */
import type { LadderChannel } from "./schema";

export const STEP_STATES = ["scheduled", "skipped", "sent", "blocked", "failed", "task_created"] as const;
export type StepState = (typeof STEP_STATES)[number];

export interface LadderStepState {
  step: number;
  channel: LadderChannel;
  delayMinutes: number;
  template: string;
  /** An SMS step's further wordings, rotated with the template (lib/deliverability/rotation.ts). */
  variants?: string[];
  /** A MAIL step's piece. */
  mailKind?: "POSTCARD" | "LETTER";
  /** Start plus delay, before the window moved it (ISO). */
  nominalAt: string;
  /** When the step is (or was) due, inside the contact window; null when skipped at start. */
  dueAt: string | null;
  state: StepState;
  reason?: string | null;
  messageId?: string | null;
  /** The mail piece a MAIL step created (or recorded as blocked). */
  mailPieceId?: string | null;
  taskId?: string | null;
  ranAt?: string | null;
}

/** Reads the stored steps; anything unreadable yields no steps, so nothing runs. */
export function readStepStates(value: unknown): LadderStepState[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is LadderStepState =>
      typeof item === "object" && item !== null && typeof (item as LadderStepState).step === "number" && typeof (item as LadderStepState).channel === "string",
  );
}

/** What a step shows on the deal page: a stopped ladder's unrun steps read "cancelled". */
export function displayedState(step: LadderStepState, ladderStatus: "ACTIVE" | "COMPLETED" | "STOPPED"): StepState | "cancelled" {
  return step.state === "scheduled" && ladderStatus !== "ACTIVE" ? "cancelled" : step.state;
}
