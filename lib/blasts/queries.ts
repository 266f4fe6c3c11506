/** The read side of blasts: the list, one blast's progress, and its recipients page by page. */
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { RECIPIENT_STATES, type RecipientState } from "./schema";

export const RECIPIENTS_PAGE_SIZE = 50;
export const BLASTS_PAGE_SIZE = 50;

export interface BlastSummary {
  id: string;
  dealId: string;
  dealLabel: string;
  channels: string[];
  status: string;
  total: number;
  liquidityScore: number | null;
  coldReason: string | null;
  /** The stored memo the emails carry, when one was attached. */
  attachmentFileId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type StateCounts = Record<RecipientState, number>;

const dealLabel = (deal: { street: string | null; city: string | null; region: string | null } | undefined) =>
  deal ? [deal.street, deal.city, deal.region].filter(Boolean).join(", ") || "Untitled deal" : "Deleted deal";

async function dealLabels(db: TenantDb, dealIds: string[]): Promise<Map<string, string>> {
  const deals = await db.deal.findMany({ where: { id: { in: [...new Set(dealIds)] } }, select: { id: true, street: true, city: true, region: true } });
  const byId = new Map(deals.map((d) => [d.id, d]));
  return new Map(dealIds.map((id) => [id, dealLabel(byId.get(id))]));
}

const SUMMARY_SELECT = {
  id: true,
  dealId: true,
  channels: true,
  status: true,
  total: true,
  liquidityScore: true,
  coldReason: true,
  attachmentFileId: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** The newest blasts first, a page at a time. */
export async function listBlasts(db: TenantDb, page = 1): Promise<{ blasts: BlastSummary[]; hasMore: boolean }> {
  const rows = await db.blast.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * BLASTS_PAGE_SIZE,
    take: BLASTS_PAGE_SIZE + 1,
    select: SUMMARY_SELECT,
  });
  const labels = await dealLabels(db, rows.map((r) => r.dealId));
  return { blasts: rows.slice(0, BLASTS_PAGE_SIZE).map((r) => ({ ...r, dealLabel: labels.get(r.dealId) ?? "" })), hasMore: rows.length > BLASTS_PAGE_SIZE };
}

/** A blast and how many of its recipients are in each state. Throws not_found for another tenant's or an unknown id. */
export async function getBlastProgress(db: TenantDb, blastId: string): Promise<{ blast: BlastSummary; counts: StateCounts }> {
  const row = await db.blast.findFirst({ where: { id: blastId }, select: SUMMARY_SELECT });
  if (!row) throw new ExpectedError("not_found", "This blast does not exist", "blastId");
  const [labels, groups] = await Promise.all([
    dealLabels(db, [row.dealId]),
    db.blastRecipient.groupBy({ by: ["state"], where: { blastId }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(RECIPIENT_STATES.map((s) => [s, 0])) as StateCounts;
  for (const group of groups) if (group.state in counts) counts[group.state as RecipientState] = group._count._all;
  return { blast: { ...row, dealLabel: labels.get(row.dealId) ?? "" }, counts };
}

export interface RecipientRow {
  id: string;
  buyerId: string;
  buyerName: string;
  channel: string;
  state: string;
  gate: string | null;
  reason: string | null;
  messageId: string | null;
  updatedAt: Date;
}

/** One page of a blast's recipients, optionally of one state, by buyer name order of insertion. */
export async function listBlastRecipients(
  db: TenantDb,
  blastId: string,
  query: { state?: RecipientState; page: number },
): Promise<{ rows: RecipientRow[]; total: number; pageSize: number }> {
  const where = { blastId, ...(query.state ? { state: query.state } : {}) };
  const [rows, total] = await Promise.all([
    db.blastRecipient.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * RECIPIENTS_PAGE_SIZE,
      take: RECIPIENTS_PAGE_SIZE,
      select: { id: true, buyerId: true, channel: true, state: true, blockedGate: true, blockedReason: true, messageId: true, updatedAt: true },
    }),
    db.blastRecipient.count({ where }),
  ]);
  const buyers = await db.buyer.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.buyerId))] } }, select: { id: true, name: true } });
  const names = new Map(buyers.map((b) => [b.id, b.name]));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      buyerId: r.buyerId,
      buyerName: names.get(r.buyerId) ?? "Deleted buyer",
      channel: r.channel,
      state: r.state,
      gate: r.blockedGate,
      reason: r.blockedReason,
      messageId: r.messageId,
      updatedAt: r.updatedAt,
    })),
    total,
    pageSize: RECIPIENTS_PAGE_SIZE,
  };
}
