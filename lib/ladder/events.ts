import { EVENTS } from "@/lib/events/catalog";

/**
 * Which events end a lead's ladder, and with what reason. One place for both the Inngest
 * cancelOn expressions and the stop handler that puts the database right.
 */
export const STOP_REASON_BY_EVENT: Record<string, string> = {
  [EVENTS.messageReceived]: "reply",
  [EVENTS.contactOptedOut]: "opted_out",
  [EVENTS.ladderStopRequested]: "stop_requested",
};

/**
 * NEW -> UNDERWRITTEN is the pipeline pricing a lead nobody has reached yet; it must not end
 * the speed-to-lead cadence. Every other change means someone is working (or dropped) the lead.
 */
export function statusChangeEndsLadder(from: string | null | undefined, to: string | null | undefined): boolean {
  if (!to || from === to) return false;
  return !(from === "NEW" && to === "UNDERWRITTEN");
}

/** The stop reason an event carries, or null when the event does not end the ladder. */
export function stopReasonFor(name: string, data: Record<string, unknown>): string | null {
  if (name === EVENTS.dealStatusChanged) {
    return statusChangeEndsLadder(data.from as string, data.to as string) ? `deal_status:${String(data.to)}` : null;
  }
  if (name === EVENTS.ladderStopRequested) return typeof data.reason === "string" && data.reason ? data.reason : "stop_requested";
  return STOP_REASON_BY_EVENT[name] ?? null;
}

export interface DealStatusChange {
  dealId: string;
  from: string;
  to: string;
}

/**
 * The outbox events for deal status changes, to be written in the transaction that changes
 * them. `endsLadder` lets the ladder's cancelOn expression tell pipeline bookkeeping apart.
 */
export function dealStatusChangedEvents(changes: readonly DealStatusChange[]) {
  return changes
    .filter((change) => change.from !== change.to)
    .map((change) => ({
      id: `deal-status:${change.dealId}:${change.from}:${change.to}`,
      name: EVENTS.dealStatusChanged,
      data: { dealId: change.dealId, from: change.from, to: change.to, endsLadder: statusChangeEndsLadder(change.from, change.to) },
    }));
}
