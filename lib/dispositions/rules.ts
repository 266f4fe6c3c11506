/**
 * Disposition as pure rules: the stages a deal goes through with buyers once it is under
 * contract with the seller, where it may move from each, what a move needs, and the
 * assignment fee an accepted offer leaves.
 *
 * The contract price is the deal's `askingPrice`: the price the seller signed at (the team
 * edits it to the agreed figure when the deal goes under contract). The assignment fee is
 * what the buyer pays above it: offer amount - askingPrice.
 */
export const DISPOSITION_STAGES = ["MARKETED", "OFFER_ACCEPTED", "ASSIGNED", "CLOSED"] as const;
export type DispositionStage = (typeof DISPOSITION_STAGES)[number];
/** A deal not (yet) marketed to buyers has no stage. */
export type DispositionFrom = DispositionStage | null;

export const DISPOSITION_LABELS: Record<DispositionStage, string> = {
  MARKETED: "Marketed",
  OFFER_ACCEPTED: "Offer accepted",
  ASSIGNED: "Assigned",
  CLOSED: "Closed",
};

/**
 * Where a deal may move from each stage. Forward one step at a time (an offer accepted by
 * phone may skip MARKETED); back to MARKETED when the buyer of an accepted offer or an
 * assignment falls through. CLOSED is final.
 */
export const DISPOSITION_TRANSITIONS: Readonly<Record<DispositionStage | "NONE", readonly DispositionStage[]>> = {
  NONE: ["MARKETED", "OFFER_ACCEPTED"],
  MARKETED: ["OFFER_ACCEPTED"],
  OFFER_ACCEPTED: ["MARKETED", "ASSIGNED"],
  ASSIGNED: ["MARKETED", "CLOSED"],
  CLOSED: [],
};

export function isDispositionStage(value: unknown): value is DispositionStage {
  return typeof value === "string" && (DISPOSITION_STAGES as readonly string[]).includes(value);
}

export function canMoveDisposition(from: DispositionFrom, to: DispositionStage): boolean {
  return DISPOSITION_TRANSITIONS[from ?? "NONE"].includes(to);
}

/** The forward step the deal's Buyers tab offers as a button, or null (accept an offer, or final). */
export function nextDispositionStep(from: DispositionFrom): DispositionStage | null {
  switch (from) {
    case null:
      return "MARKETED";
    case "OFFER_ACCEPTED":
      return "ASSIGNED";
    case "ASSIGNED":
      return "CLOSED";
    default:
      return null;
  }
}

/** What the move is judged against besides the stages. */
export interface DispositionContext {
  /** The deal's pipeline status (lib/deals/rules). */
  dealStatus: string;
  /** The move comes from accepting an offer (the only way into OFFER_ACCEPTED). */
  viaOffer?: boolean;
  /** The buyer of the accepted offer, once there is one. */
  assignedBuyerId?: string | null;
}

export interface DispositionRefusal {
  field: "stage" | "offerId";
  message: string;
}

const label = (stage: DispositionFrom) => (stage ? DISPOSITION_LABELS[stage] : "Not marketed");

/** Why this move is refused, or null when it may happen. */
export function dispositionMoveProblem(from: DispositionFrom, to: DispositionStage, context: DispositionContext): DispositionRefusal | null {
  if (from === to) return { field: "stage", message: `The deal is already ${label(to)}.` };
  if (!canMoveDisposition(from, to)) return { field: "stage", message: `A deal cannot move from ${label(from)} to ${label(to)}.` };
  if (context.dealStatus === "DEAD") return { field: "stage", message: "A dead deal is not marketed to buyers." };
  if (to === "OFFER_ACCEPTED" && !context.viaOffer) return { field: "stage", message: "Accept one of the buyers' offers to move on." };
  if (to === "ASSIGNED") {
    if (!context.assignedBuyerId) return { field: "stage", message: "Accept a buyer's offer before assigning the contract." };
    if (context.dealStatus !== "UNDER_CONTRACT") return { field: "stage", message: "Only a deal under contract with the seller can be assigned: move it to Under contract first." };
  }
  if (to === "CLOSED" && context.dealStatus !== "UNDER_CONTRACT" && context.dealStatus !== "CLOSED") {
    return { field: "stage", message: "Only a deal under contract can close." };
  }
  if (to === "MARKETED" && from === null && context.dealStatus === "CLOSED") return { field: "stage", message: "A closed deal is not marketed to buyers." };
  return null;
}

/**
 * The assignment fee an offer leaves over the contract price: null when the deal has no
 * price yet; a refusal when the offer is below it (the team renegotiates the price first).
 */
export function assignmentFeeOf(offerAmount: number, contractPrice: number | null): { fee: number | null } | { refusal: DispositionRefusal } {
  if (contractPrice === null) return { fee: null };
  const fee = offerAmount - contractPrice;
  if (fee < 0) {
    return { refusal: { field: "offerId", message: `This offer is $${(-fee).toLocaleString("en-US")} below the contract price of $${contractPrice.toLocaleString("en-US")}.` } };
  }
  return { fee };
}
