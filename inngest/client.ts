import { Inngest } from "inngest";

/**
 * The app's Inngest client. Without INNGEST_EVENT_KEY/INNGEST_SIGNING_KEY it talks to a
 * local Dev Server (INNGEST_DEV=1 or INNGEST_BASE_URL), which users start with
 * `npx inngest-cli@latest dev`. When no server answers, sends fail and callers fall back.
 */
export const inngest = new Inngest({
  id: "dealflow",
  isDev: process.env.INNGEST_DEV ? process.env.INNGEST_DEV !== "0" : !process.env.INNGEST_SIGNING_KEY,
});

export const EVENTS = {
  auditDigestRequested: "audit/digest.requested",
  /** A lead (deal) was created: data { tenantId, dealId }. Starts its follow-up ladder. */
  leadCreated: "lead/created",
  /** Start ladder on a deal by hand: data { tenantId, dealId, actorId }. */
  ladderStartRequested: "ladder/start.requested",
  /** Ends a lead's ladder: data { tenantId, dealId, reason } (manual stop, status change). */
  ladderStopRequested: "ladder/stop.requested",
  /** An inbound SMS or email reply from a lead: data { tenantId, dealId, messageId, channel }. */
  messageReceived: "message/received",
  /** A lead's address opted out: data { tenantId, dealId, channel, address }. */
  contactOptedOut: "contact/opted-out",
  /** A deal's status changed: data { tenantId, dealId, from, to }. */
  dealStatusChanged: "deal/status.changed",
  /** Run an engine for a tenant now: data { tenantId, engine, trigger }. */
  engineRunRequested: "engine/run.requested",
} as const;
