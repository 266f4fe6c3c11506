/**
 * Signals from Dealflow's own flows: a reply, an email open or click, a buyer's view of a
 * deal page or offer, a lead captured by a form, a deal moving forward. Each is recorded in
 * the transaction of the event that causes it, under a key derived from that event, so a
 * redelivered webhook or a retried transaction stores nothing twice.
 *
 * A signal must never cost the event its reply or view: a dedupe collision is a no-op in
 * recordSignals, and a person who is gone (deleted, erased) is left out here instead of
 * failing the whole transaction.
 */
import type { TenantTransaction } from "@/lib/db/tenant";
import { recordSignals, type RecordSignalsResult, type SignalInput } from "./service";
import type { SignalSubject } from "./types";

const NOTHING: RecordSignalsResult = { stored: 0, duplicates: 0, storedIds: [], scores: [] };

/** Stores the signals whose person is still live; the others are dropped, not failed. */
export async function recordObservedSignals(tx: TenantTransaction, inputs: readonly SignalInput[], options: { now?: Date } = {}): Promise<RecordSignalsResult> {
  if (inputs.length === 0) return NOTHING;
  const dealIds = [...new Set(inputs.flatMap((i) => (i.subject.kind === "lead" ? [i.subject.dealId] : [])))];
  const buyerIds = [...new Set(inputs.flatMap((i) => (i.subject.kind === "buyer" ? [i.subject.buyerId] : [])))];
  const [deals, buyers] = await Promise.all([
    dealIds.length ? tx.deal.findMany({ where: { id: { in: dealIds }, deletedAt: null }, select: { id: true } }) : [],
    buyerIds.length ? tx.buyer.findMany({ where: { id: { in: buyerIds }, deletedAt: null }, select: { id: true } }) : [],
  ]);
  const live = new Set([...deals.map((d) => `lead:${d.id}`), ...buyers.map((b) => `buyer:${b.id}`)]);
  const kept = inputs.filter((i) => live.has(i.subject.kind === "lead" ? `lead:${i.subject.dealId}` : `buyer:${i.subject.buyerId}`));
  return kept.length ? recordSignals(tx, kept, options) : NOTHING;
}

/**
 * A reply from a lead or a buyer: an SMS from their phone (or answering a message a buyer was
 * sent), or an email answering one of ours. A STOP, START or HELP keyword is a consent
 * instruction, not interest, and records nothing.
 */
export async function noteReply(
  tx: TenantTransaction,
  reply: { messageId: string; dealId: string | null; buyerId: string | null; at: Date; keyword: boolean; channel: "SMS" | "EMAIL" },
): Promise<RecordSignalsResult> {
  if (reply.keyword) return NOTHING;
  const kind = reply.channel === "EMAIL" ? ({ type: "email_reply", source: "email" } as const) : ({ type: "sms_reply", source: "sms" } as const);
  const base = { ...kind, occurredAt: reply.at, payload: { messageId: reply.messageId } } as const;
  return recordObservedSignals(tx, [
    ...(reply.dealId ? [{ ...base, subject: { kind: "lead", dealId: reply.dealId } as const, dedupeKey: `msg:${reply.messageId}` }] : []),
    ...(reply.buyerId ? [{ ...base, subject: { kind: "buyer", buyerId: reply.buyerId } as const, dedupeKey: `msg:${reply.messageId}:buyer` }] : []),
  ]);
}

/** SendGrid's engagement events, and the signal each one is. */
const ENGAGEMENT_TYPES = { open: "email_open", click: "email_click" } as const;

/** When SendGrid says the event happened (Unix seconds in `timestamp`), else when we heard of it. */
export function engagementTime(payload: unknown, received: Date): Date {
  const timestamp = (payload as { timestamp?: unknown } | null)?.timestamp;
  if (typeof timestamp !== "number" || !Number.isFinite(timestamp) || timestamp <= 0) return received;
  const at = new Date(timestamp * 1000);
  // A clock ahead of ours would make the signal count only later; it happened now at the latest.
  return at.getTime() > received.getTime() ? received : at;
}

/**
 * An open or click of an email we sent: the buyer's when the message went to a buyer (a
 * blast names its deal too, but the reader is the buyer), else the lead's.
 */
export async function noteEmailEngagement(
  tx: TenantTransaction,
  event: { eventKey: string; type: string; messageId: string; dealId: string | null; buyerId: string | null; payload: unknown },
  now = new Date(),
): Promise<RecordSignalsResult> {
  const type = ENGAGEMENT_TYPES[event.type as keyof typeof ENGAGEMENT_TYPES];
  if (!type) return NOTHING;
  const subject: SignalSubject | null = event.buyerId ? { kind: "buyer", buyerId: event.buyerId } : event.dealId ? { kind: "lead", dealId: event.dealId } : null;
  if (!subject) return NOTHING;
  return recordObservedSignals(tx, [
    { subject, type, source: "sendgrid", occurredAt: engagementTime(event.payload, now), dedupeKey: `sg:${event.eventKey}`, payload: { messageId: event.messageId } },
  ]);
}

/** A buyer opened a deal page: one signal per link and UTC day, however often they reload it. */
export async function noteDealPageView(tx: TenantTransaction, view: { linkId: string; buyerId: string; dealId: string; at: Date }): Promise<RecordSignalsResult> {
  return recordObservedSignals(tx, [
    {
      subject: { kind: "buyer", buyerId: view.buyerId },
      type: "deal_page_view",
      source: "buyer_page",
      occurredAt: view.at,
      dedupeKey: `view:${view.linkId}:${view.at.toISOString().slice(0, 10)}`,
      payload: { dealId: view.dealId, linkId: view.linkId },
    },
  ]);
}

/** A buyer's offer, made on the deal page or taken by the team by phone or email. */
export async function noteBuyerOffer(
  tx: TenantTransaction,
  offer: { offerId: string; buyerId: string; dealId: string; amount: number; viaPage: boolean; at: Date },
): Promise<RecordSignalsResult> {
  return recordObservedSignals(tx, [
    {
      subject: { kind: "buyer", buyerId: offer.buyerId },
      type: "buyer_offer",
      source: offer.viaPage ? "buyer_page" : "pipeline",
      occurredAt: offer.at,
      dedupeKey: `offer:${offer.offerId}`,
      payload: { dealId: offer.dealId, offerId: offer.offerId, amount: offer.amount, via: offer.viaPage ? "buyer_page" : "team" },
    },
  ]);
}

/** Leads that filled in a form (posted one by one to the intake API by a web form). */
export async function noteFormCaptures(tx: TenantTransaction, capture: { dealIds: readonly string[]; at: Date; ref: string | null }): Promise<RecordSignalsResult> {
  return recordObservedSignals(
    tx,
    capture.dealIds.map((dealId) => ({
      subject: { kind: "lead", dealId },
      type: "form_capture",
      source: "intake",
      occurredAt: capture.at,
      dedupeKey: `form:${dealId}`,
      payload: { ref: capture.ref },
    })),
  );
}

/** The pipeline's forward order; DEAD and CLOSED stand outside it. */
const PIPELINE_RANK: Record<string, number> = { NEW: 0, UNDERWRITTEN: 1, CONTACTED: 2, NEGOTIATING: 3, UNDER_CONTRACT: 4 };
/** The statuses a seller's engagement moves a deal into. */
const ENGAGED_STATUSES = new Set(["CONTACTED", "NEGOTIATING", "UNDER_CONTRACT"]);

/**
 * Whether a status move says the seller is engaging: into CONTACTED, NEGOTIATING or
 * UNDER_CONTRACT from further back (a dead lead revived counts; NEGOTIATING back to
 * CONTACTED does not).
 */
export function isForwardEngagement(from: string, to: string): boolean {
  if (!ENGAGED_STATUSES.has(to)) return false;
  if (from === "DEAD") return true;
  const before = PIPELINE_RANK[from];
  return before !== undefined && PIPELINE_RANK[to] > before;
}

/** Status moves of one change (up to 500 deals), recorded together: the forward ones are signals. */
export async function noteStatusChanges(tx: TenantTransaction, changes: readonly { dealId: string; from: string; to: string; at: Date }[]): Promise<RecordSignalsResult> {
  return recordObservedSignals(
    tx,
    changes
      .filter((change) => isForwardEngagement(change.from, change.to))
      .map((change) => ({
        subject: { kind: "lead", dealId: change.dealId },
        type: "status_change",
        source: "pipeline",
        occurredAt: change.at,
        dedupeKey: `status:${change.dealId}:${change.to}:${change.at.getTime()}`,
        payload: { from: change.from, to: change.to },
      })),
  );
}
