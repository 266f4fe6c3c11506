/**
 * Each template wording's results: how many texts it sent, and the share answered with a
 * reply or an opt-out. A reply belongs to the last text the number received before it
 * (within REPLY_WINDOW), so a lead answering a later message is not credited to an earlier
 * wording.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { parseKeyword } from "@/lib/outbound/keywords";
import { DAY_MS } from "./stats";

export const VARIANT_REPORT_DAYS = 30;
const REPLY_WINDOW_MS = 7 * DAY_MS;

export interface VariantRow {
  variantKey: string;
  /** "Ladder step 2", "Blast abc123". */
  family: string;
  /** 1-based wording number. */
  wording: number;
  sample: string;
  sent: number;
  replies: number;
  optOuts: number;
  replyRate: number | null;
  optOutRate: number | null;
}

export interface SentText {
  variantKey: string | null;
  toAddress: string;
  createdAt: Date;
}
export interface InboundText {
  fromAddress: string | null;
  body: string;
  createdAt: Date;
}

/** Replies and opt-outs per variant key. `sent` in time order. Pure. */
export function attributeReplies(sent: readonly SentText[], inbound: readonly InboundText[]): Map<string, { replies: number; optOuts: number }> {
  const byAddress = new Map<string, SentText[]>();
  for (const message of sent) byAddress.set(message.toAddress, [...(byAddress.get(message.toAddress) ?? []), message]);
  const result = new Map<string, { replies: number; optOuts: number }>();
  for (const reply of inbound) {
    const answered = (byAddress.get(reply.fromAddress ?? "") ?? []).filter((m) => m.createdAt <= reply.createdAt).at(-1);
    if (!answered?.variantKey || reply.createdAt.getTime() - answered.createdAt.getTime() > REPLY_WINDOW_MS) continue;
    const counts = result.get(answered.variantKey) ?? { replies: 0, optOuts: 0 };
    const keyword = parseKeyword(reply.body, { canadian: true });
    if (keyword?.action === "opt_out") counts.optOuts += 1;
    else if (!keyword) counts.replies += 1;
    result.set(answered.variantKey, counts);
  }
  return result;
}

/** "ladder:2:1" -> Ladder step 2, wording 2; "blast:<id>:0" -> Blast <id>, wording 1. */
export function describeVariantKey(key: string): { family: string; wording: number } {
  const [kind, id, index] = key.split(":");
  const wording = Number(index) + 1;
  if (kind === "ladder") return { family: `Ladder step ${id}`, wording };
  if (kind === "blast") return { family: `Blast ${id?.slice(-6)}`, wording };
  return { family: key, wording: Number.isFinite(wording) ? wording : 1 };
}

export async function variantReport(db: TenantDb, now = new Date()): Promise<VariantRow[]> {
  const since = new Date(now.getTime() - VARIANT_REPORT_DAYS * DAY_MS);
  const variantSent = await db.message.findMany({
    where: { channel: "SMS", direction: "OUTBOUND", status: { in: ["SENT", "DELIVERED", "UNDELIVERED"] }, createdAt: { gte: since }, OR: [{ variantKey: { startsWith: "ladder:" } }, { variantKey: { startsWith: "blast:" } }] },
    select: { variantKey: true, toAddress: true, body: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  if (variantSent.length === 0) return [];
  const addresses = [...new Set(variantSent.map((m) => m.toAddress))];
  const [allSent, inbound] = await Promise.all([
    // Every text to those numbers: a reply to a later one-off message is not the wording's.
    db.message.findMany({ where: { channel: "SMS", direction: "OUTBOUND", toAddress: { in: addresses }, createdAt: { gte: since }, status: { not: "BLOCKED" } }, select: { variantKey: true, toAddress: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    db.message.findMany({ where: { channel: "SMS", direction: "INBOUND", fromAddress: { in: addresses }, createdAt: { gte: since } }, select: { fromAddress: true, body: true, createdAt: true } }),
  ]);
  const answered = attributeReplies(allSent, inbound);
  const rows = new Map<string, VariantRow>();
  for (const message of variantSent) {
    const key = message.variantKey!;
    const row = rows.get(key) ?? { variantKey: key, ...describeVariantKey(key), sample: message.body, sent: 0, replies: 0, optOuts: 0, replyRate: null, optOutRate: null };
    row.sent += 1;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((row) => {
      const counts = answered.get(row.variantKey) ?? { replies: 0, optOuts: 0 };
      return { ...row, ...counts, replyRate: counts.replies / row.sent, optOutRate: counts.optOuts / row.sent };
    })
    .sort((a, b) => a.family.localeCompare(b.family) || a.wording - b.wording);
}
