/**
 * A message's lifecycle moves forward only: queued → sent → delivered | failed |
 * undelivered. Provider callbacks arrive late, twice or out of order; a callback that would
 * move the message backwards (or from one final state to another) changes nothing.
 */
import type { MessageStatus } from "@/generated/prisma/enums";

const RANK: Record<MessageStatus, number> = {
  QUEUED: 0,
  SENT: 1,
  DELIVERED: 2,
  FAILED: 2,
  UNDELIVERED: 2,
  // Never reached by a status callback: a blocked message never left, a received one came in.
  RECEIVED: 3,
  BLOCKED: 3,
};

/** The status after a callback reporting `reported`, or null when it changes nothing. */
export function advanceStatus(current: MessageStatus, reported: MessageStatus): MessageStatus | null {
  if (reported === "RECEIVED" || reported === "BLOCKED") return null;
  return RANK[reported] > RANK[current] ? reported : null;
}

/** Twilio's MessageStatus values to ours; null for statuses that carry no lifecycle step (read...). */
export function twilioStatus(status: string): MessageStatus | null {
  switch (status.trim().toLowerCase()) {
    case "accepted":
    case "scheduled":
    case "queued":
    case "sending":
      return "QUEUED";
    case "sent":
      return "SENT";
    case "delivered":
    case "read":
      return "DELIVERED";
    case "undelivered":
      return "UNDELIVERED";
    case "failed":
    case "canceled":
      return "FAILED";
    default:
      return null;
  }
}

/** SendGrid event types to our lifecycle; engagement events (open, click) carry none. */
export function sendgridStatus(event: string): MessageStatus | null {
  switch (event.trim().toLowerCase()) {
    case "processed":
    case "deferred":
      return "QUEUED";
    case "delivered":
      return "DELIVERED";
    case "bounce":
    case "blocked":
      return "UNDELIVERED";
    case "dropped":
      return "FAILED";
    default:
      return null;
  }
}
