/**
 * Campaign rules, pure: how a recipient's state moves (only ever forward), the 30-day dedupe
 * across campaigns, the stable variant of a recipient, the rates, and why a campaign cannot start.
 */
import type { CampaignRecipientState } from "@/generated/prisma/enums";

export const RECIPIENT_STATES = ["PENDING", "SENDING", "SENT", "DELIVERED", "OPENED", "CLICKED", "BOUNCED", "SPAM", "UNSUBSCRIBED", "ERROR", "BLOCKED"] as const satisfies readonly CampaignRecipientState[];
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/** The engagement ladder a sent email climbs; a later rung never steps back down. */
const LADDER: readonly RecipientState[] = ["PENDING", "SENDING", "SENT", "DELIVERED", "OPENED", "CLICKED"];
/** States nothing moves a recipient out of. */
export const FINAL_STATES: ReadonlySet<RecipientState> = new Set(["BOUNCED", "SPAM", "UNSUBSCRIBED", "ERROR", "BLOCKED"]);
/** Sent and not yet finished: a bounce, a spam report or an unsubscribe may still come. */
const OUT: ReadonlySet<RecipientState> = new Set(["SENT", "DELIVERED", "OPENED", "CLICKED"]);

/**
 * The state after `event`, or null when it does not move the recipient: a late "delivered"
 * after "opened" changes nothing, a bounce cannot follow an open (the mail arrived), and a
 * BLOCKED or ERROR comes only before the send.
 */
export function advanceRecipientState(current: RecipientState, event: RecipientState): RecipientState | null {
  if (current === event || FINAL_STATES.has(current)) return null;
  if (event === "BLOCKED" || event === "ERROR") return current === "PENDING" || current === "SENDING" ? event : null;
  if (event === "BOUNCED") return current === "SENDING" || current === "SENT" || current === "DELIVERED" ? event : null;
  if (event === "SPAM" || event === "UNSUBSCRIBED") return OUT.has(current) ? event : null;
  const from = LADDER.indexOf(current);
  const to = LADDER.indexOf(event);
  // Engagement only counts once the email is out (SENT or past it).
  if (to <= from || (to > LADDER.indexOf("SENT") && from < LADDER.indexOf("SENT"))) return null;
  return event;
}

/** A rank that only grows along every allowed move: the ladder, then the final states above it. */
export function stateRank(state: RecipientState): number {
  const rung = LADDER.indexOf(state);
  return rung >= 0 ? rung : LADDER.length;
}

/** The seed's dedupe: one campaign email per address per 30 days, across campaigns. */
export const DEDUPE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function dedupeSince(now: Date): Date {
  return new Date(now.getTime() - DEDUPE_WINDOW_DAYS * DAY_MS);
}

/** Whether a campaign email sent at `lastSentAt` still keeps the address from another one at `now`. */
export function isWithinDedupeWindow(lastSentAt: Date | null, now: Date): boolean {
  return lastSentAt !== null && lastSentAt.getTime() > dedupeSince(now).getTime() && lastSentAt.getTime() <= now.getTime();
}

/** FNV-1a: a stable hash, so a recipient gets the same variant on every run and every machine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The index of the variant a recipient (named by campaign and address) receives. */
export function variantIndexFor(campaignId: string, address: string, variantCount: number): number {
  if (variantCount <= 0) throw new Error("A campaign needs at least one variant");
  return fnv1a(`${campaignId}:${address}`) % variantCount;
}

/** Counts read from the recipients, cumulative: an opened recipient was delivered and sent. */
export interface EngagementCounts {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
  spam: number;
  unsubscribed: number;
}

export interface CampaignRates {
  open: number | null;
  click: number | null;
  bounce: number | null;
  unsubscribe: number | null;
}

/** Each rate over the emails sent; null before any left (no rate, rather than 0 %). */
export function campaignRates(counts: EngagementCounts): CampaignRates {
  if (counts.sent <= 0) return { open: null, click: null, bounce: null, unsubscribe: null };
  const share = (n: number) => Math.min(1, Math.max(0, n) / counts.sent);
  return { open: share(counts.opened), click: share(counts.clicked), bounce: share(counts.bounced), unsubscribe: share(counts.unsubscribed) };
}

/** "42.5 %", or an em dash when there is no rate yet. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(Math.round(rate * 1000) / 10).toLocaleString("en-US")} %`;
}

export interface StartFacts {
  status: string;
  channel: "EMAIL" | "MAIL" | string;
  variants: number;
  /** The workspace's postal address (Settings, Compliance). */
  postalAddress: string | null;
  /** The app can make unsubscribe links and tracking links: a public URL and a signing secret. */
  canLinkUnsubscribe: boolean;
}

/** Why the campaign cannot start, on the field to fix; null when it can. */
export function startRefusal(facts: StartFacts): { field: string; message: string } | null {
  if (facts.status !== "DRAFT" && facts.status !== "PAUSED") return { field: "status", message: `A ${facts.status.toLowerCase()} campaign cannot be started` };
  if (facts.variants === 0) return { field: "variants", message: "Write at least one variant" };
  if (!facts.postalAddress?.trim()) return { field: "postalAddress", message: "Set the workspace's postal address (Settings, Compliance): every campaign carries it" };
  if (facts.channel === "EMAIL" && !facts.canLinkUnsubscribe) {
    return { field: "unsubscribe", message: "The app has no public URL (NEXTAUTH_URL) or signing secret (AUTH_SECRET), so its emails cannot carry an unsubscribe link" };
  }
  return null;
}
