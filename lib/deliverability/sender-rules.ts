/**
 * Which configured sender a message leaves from, pure. Each sender that is not paused carries
 * an equal share of the channel's daily cap, times its rate (a slowed number at 0.5 sends half
 * its share); the one with the most room left goes next. A paused sender is never used, and
 * when every sender of the channel is paused or out of room the send is refused: outbound
 * fails closed rather than falling back to a sender deliverability control took out.
 */
import type { SenderStatusValue } from "./throttle-rules";

export interface SenderCandidate {
  id: string;
  address: string;
  status: SenderStatusValue;
  rate: number;
  statusReason: string | null;
  lastUsedAt: Date | null;
  /** Messages this sender carried today (handed to the provider or queued). */
  usedToday: number;
}

export type SenderRefusal = "sender_paused" | "sender_rate_reached";

export type SenderChoice =
  | { kind: "default" }
  | { kind: "chosen"; sender: SenderCandidate; allowance: number }
  | { kind: "refused"; reason: SenderRefusal; detail: string };

const SENDER_NOUN = { SMS: "sending number", EMAIL: "sending domain" } as const;

/** The messages a sender may carry today: its rate times its share of the cap, at least one while it is not paused. */
export function senderAllowance(sender: Pick<SenderCandidate, "status" | "rate">, dailyCap: number, usableSenders: number): number {
  if (sender.status === "PAUSED" || !(sender.rate > 0) || usableSenders <= 0 || !Number.isFinite(dailyCap) || dailyCap <= 0) return 0;
  const share = dailyCap / usableSenders;
  return Math.max(1, Math.floor(Math.min(1, sender.rate) * share));
}

export function chooseSender(channel: "SMS" | "EMAIL", senders: readonly SenderCandidate[], dailyCap: number): SenderChoice {
  if (senders.length === 0) return { kind: "default" };
  const noun = SENDER_NOUN[channel];
  const usable = senders.filter((sender) => sender.status !== "PAUSED" && sender.rate > 0);
  if (usable.length === 0) {
    const why = senders.find((sender) => sender.statusReason)?.statusReason;
    return {
      kind: "refused",
      reason: "sender_paused",
      detail: `Every ${noun} is paused by deliverability control${why ? `: ${why}` : ""}`,
    };
  }
  const withRoom = usable
    .map((sender) => ({ sender, allowance: senderAllowance(sender, dailyCap, usable.length) }))
    .filter(({ sender, allowance }) => sender.usedToday < allowance);
  if (withRoom.length === 0) {
    return { kind: "refused", reason: "sender_rate_reached", detail: `Every ${noun} has used its share of today's ${channel} cap (slowed senders carry less)` };
  }
  withRoom.sort(
    (a, b) =>
      a.sender.usedToday / a.allowance - b.sender.usedToday / b.allowance ||
      (a.sender.lastUsedAt?.getTime() ?? 0) - (b.sender.lastUsedAt?.getTime() ?? 0) ||
      a.sender.address.localeCompare(b.sender.address),
  );
  return { kind: "chosen", ...withRoom[0]! };
}
