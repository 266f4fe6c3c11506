/**
 * Rolling figures per sender, over the last 24 hours and 7 days, from the messages
 * themselves: receipts (Message.status, moved by the providers' status webhooks), replies
 * (inbound messages to the number, or email replies threaded to the domain's messages) and
 * opt-outs (a STOP keyword to the number, an email address opted out after the domain wrote
 * to it).
 */
import type { MessageStatus } from "@/generated/prisma/enums";
import type { TenantDb } from "@/lib/db/tenant";
import { parseKeyword } from "@/lib/outbound/keywords";
import { emailDomainOf } from "./identities-rules";
import type { WindowCounts } from "./throttle-rules";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Handed to the provider (failed sends count: the carrier saw the attempt or refused it). */
const SENT: MessageStatus[] = ["SENT", "DELIVERED", "UNDELIVERED", "FAILED"];
/** With a final receipt. */
const SETTLED: ReadonlySet<string> = new Set(["DELIVERED", "UNDELIVERED", "FAILED"]);

export interface IdentityRef {
  id: string;
  channel: "SMS" | "EMAIL" | string;
  address: string;
}

export interface IdentityStats {
  last24h: WindowCounts;
  last7d: WindowCounts;
}

export const emptyCounts = (): WindowCounts => ({ sent: 0, settled: 0, delivered: 0, replies: 0, optOuts: 0 });

/** Adds one outbound status count to a window's counts. Pure. */
export function addOutbound(counts: WindowCounts, status: string, count: number): void {
  counts.sent += count;
  if (SETTLED.has(status)) counts.settled += count;
  if (status === "DELIVERED") counts.delivered += count;
}

/** Adds one inbound text to a window's counts: an opt-out keyword, or a reply. Pure. */
export function addInboundSms(counts: WindowCounts, body: string): void {
  const keyword = parseKeyword(body, { canadian: true });
  if (keyword?.action === "opt_out") counts.optOuts += 1;
  else if (!keyword) counts.replies += 1;
}

interface Windows {
  dayStart: Date;
  weekStart: Date;
  now: Date;
}

function windowsAt(now: Date): Windows {
  return { now, dayStart: new Date(now.getTime() - DAY_MS), weekStart: new Date(now.getTime() - 7 * DAY_MS) };
}

/** Each identity's 24 h and 7 day counts, keyed by identity id. */
export async function senderStats(db: TenantDb, identities: readonly IdentityRef[], now = new Date()): Promise<Map<string, IdentityStats>> {
  const windows = windowsAt(now);
  const result = new Map<string, IdentityStats>(identities.map((identity) => [identity.id, { last24h: emptyCounts(), last7d: emptyCounts() }]));
  const numbers = identities.filter((identity) => identity.channel === "SMS");
  const domains = identities.filter((identity) => identity.channel === "EMAIL");
  if (numbers.length > 0) await addNumberStats(db, numbers, windows, result);
  if (domains.length > 0) await addDomainStats(db, domains, windows, result);
  return result;
}

function windowsOf(stats: IdentityStats, at: Date, windows: Windows): WindowCounts[] {
  return at >= windows.dayStart ? [stats.last24h, stats.last7d] : [stats.last7d];
}

async function addNumberStats(db: TenantDb, numbers: readonly IdentityRef[], windows: Windows, result: Map<string, IdentityStats>): Promise<void> {
  const byAddress = new Map(numbers.map((identity) => [identity.address, result.get(identity.id)!]));
  const addresses = [...byAddress.keys()];
  const outbound = (since: Date) =>
    db.message.groupBy({
      by: ["fromAddress", "status"],
      where: { channel: "SMS", direction: "OUTBOUND", fromAddress: { in: addresses }, status: { in: SENT }, createdAt: { gte: since, lte: windows.now } },
      _count: { _all: true },
    });
  const [day, week, inbound] = await Promise.all([
    outbound(windows.dayStart),
    outbound(windows.weekStart),
    db.message.findMany({
      where: { channel: "SMS", direction: "INBOUND", toAddress: { in: addresses }, createdAt: { gte: windows.weekStart, lte: windows.now } },
      select: { toAddress: true, body: true, createdAt: true },
    }),
  ]);
  for (const row of day) addOutbound(byAddress.get(row.fromAddress ?? "")!.last24h, row.status, row._count._all);
  for (const row of week) addOutbound(byAddress.get(row.fromAddress ?? "")!.last7d, row.status, row._count._all);
  for (const message of inbound) {
    const stats = byAddress.get(message.toAddress);
    if (stats) for (const counts of windowsOf(stats, message.createdAt, windows)) addInboundSms(counts, message.body);
  }
}

async function addDomainStats(db: TenantDb, domains: readonly IdentityRef[], windows: Windows, result: Map<string, IdentityStats>): Promise<void> {
  const byDomain = new Map(domains.map((identity) => [identity.address, result.get(identity.id)!]));
  const statsOf = (fromAddress: string | null) => byDomain.get(emailDomainOf(fromAddress ?? "") ?? "");
  const sent = await db.message.findMany({
    where: { channel: "EMAIL", direction: "OUTBOUND", status: { in: SENT }, createdAt: { gte: windows.weekStart, lte: windows.now }, fromAddress: { not: null } },
    select: { id: true, fromAddress: true, toAddress: true, status: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const ours = sent.filter((message) => statsOf(message.fromAddress));
  for (const message of ours) for (const counts of windowsOf(statsOf(message.fromAddress)!, message.createdAt, windows)) addOutbound(counts, message.status, 1);
  const byId = new Map(ours.map((message) => [message.id, message]));
  const [replies, optedOut] = await Promise.all([
    db.message.findMany({
      where: { channel: "EMAIL", direction: "INBOUND", replyToMessageId: { in: [...byId.keys()] }, createdAt: { gte: windows.weekStart, lte: windows.now } },
      select: { replyToMessageId: true, createdAt: true },
    }),
    db.contactConsent.findMany({
      where: { channel: "EMAIL", status: "OPTED_OUT", updatedAt: { gte: windows.weekStart, lte: windows.now }, address: { in: [...new Set(ours.map((message) => message.toAddress))] } },
      select: { address: true, updatedAt: true },
    }),
  ]);
  for (const reply of replies) {
    const answered = byId.get(reply.replyToMessageId ?? "");
    if (answered) for (const counts of windowsOf(statsOf(answered.fromAddress)!, reply.createdAt, windows)) counts.replies += 1;
  }
  // An opt-out counts against the domain that wrote to the address before it.
  for (const optOut of optedOut) {
    const before = ours.filter((message) => message.toAddress === optOut.address && message.createdAt <= optOut.updatedAt).at(-1);
    if (before) for (const counts of windowsOf(statsOf(before.fromAddress)!, optOut.updatedAt, windows)) counts.optOuts += 1;
  }
}
