/**
 * The deal pipeline as pure rules: which statuses exist, where a deal may go from each, and
 * what a move needs. The board, the deal page, bulk actions and the API all ask these.
 */
export const DEAL_STATUSES = ["NEW", "UNDERWRITTEN", "CONTACTED", "NEGOTIATING", "UNDER_CONTRACT", "CLOSED", "DEAD"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const DEAL_STATUS_LABELS: Record<DealStatus, string> = {
  NEW: "New",
  UNDERWRITTEN: "Underwritten",
  CONTACTED: "Contacted",
  NEGOTIATING: "Negotiating",
  UNDER_CONTRACT: "Under contract",
  CLOSED: "Closed",
  DEAD: "Dead",
};

/**
 * Where a deal may move from each status. Forward through the funnel (a step may be skipped
 * when a seller calls in ready to talk), back one step when a talk or a contract falls
 * through, DEAD from anywhere open. CLOSED is final; a DEAD lead may be revived as NEW (start
 * over) or CONTACTED (the seller came back).
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<DealStatus, readonly DealStatus[]>> = {
  NEW: ["UNDERWRITTEN", "CONTACTED", "NEGOTIATING", "DEAD"],
  UNDERWRITTEN: ["CONTACTED", "NEGOTIATING", "DEAD"],
  CONTACTED: ["NEGOTIATING", "UNDER_CONTRACT", "DEAD"],
  NEGOTIATING: ["CONTACTED", "UNDER_CONTRACT", "DEAD"],
  UNDER_CONTRACT: ["NEGOTIATING", "CLOSED", "DEAD"],
  CLOSED: [],
  DEAD: ["NEW", "CONTACTED"],
};

export function isDealStatus(value: unknown): value is DealStatus {
  return typeof value === "string" && (DEAL_STATUSES as readonly string[]).includes(value);
}

export function canChangeStatus(from: DealStatus, to: DealStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** The statuses a deal in `from` may move to, in pipeline order. */
export function nextStatuses(from: DealStatus): DealStatus[] {
  return DEAL_STATUSES.filter((to) => canChangeStatus(from, to));
}

/** A dead deal must say why (lost to another buyer, seller retracted...), for the funnel's post-mortems. */
export function statusNeedsReason(to: DealStatus): boolean {
  return to === "DEAD";
}

/** The agreed assignment fee belongs to a contract or a closing, nowhere else. */
export function statusTakesAssignmentFee(to: DealStatus): boolean {
  return to === "UNDER_CONTRACT" || to === "CLOSED";
}

export type StatusChangeRefusal = { field: "to" | "reason" | "assignmentFee"; message: string };

/** What a move to `to` needs beyond being allowed: a reason for DEAD, a fee only on a contract or closing. */
export function statusExtrasProblem(to: DealStatus, extras: { reason?: string | null; assignmentFee?: number | null } = {}): StatusChangeRefusal | null {
  if (statusNeedsReason(to) && !extras.reason?.trim()) return { field: "reason", message: "Say why the deal is dead." };
  if (extras.assignmentFee != null && !statusTakesAssignmentFee(to)) {
    return { field: "assignmentFee", message: "An assignment fee is recorded only when a deal goes under contract or closes." };
  }
  return null;
}

/** Why this move is refused, or null when it may happen. */
export function statusChangeProblem(
  from: DealStatus,
  to: DealStatus,
  extras: { reason?: string | null; assignmentFee?: number | null } = {},
): StatusChangeRefusal | null {
  if (from === to) return { field: "to", message: `The deal is already ${DEAL_STATUS_LABELS[to]}.` };
  if (!canChangeStatus(from, to)) {
    return { field: "to", message: `A deal cannot move from ${DEAL_STATUS_LABELS[from]} to ${DEAL_STATUS_LABELS[to]}.` };
  }
  return statusExtrasProblem(to, extras);
}
