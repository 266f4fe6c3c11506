/**
 * A buyer's history with the workspace's deals, newest first: feedback events (sent, viewed,
 * responded, offered, bought, passed), the blasts it was on (with each channel's state) and
 * the offers it made.
 */
import type { TenantDb } from "@/lib/db/tenant";

export type BuyerTimelineEntry =
  | { kind: "feedback"; id: string; at: Date; event: string; dealId: string | null; dealAddress: string | null; detail: string | null }
  | { kind: "blast"; id: string; at: Date; blastId: string; channel: string; state: string; dealId: string | null; dealAddress: string | null; detail: string | null }
  | { kind: "offer"; id: string; at: Date; amount: number; status: string; dealId: string; dealAddress: string | null; detail: string | null };

/** How many of each kind a page shows: the newest of a long history. */
const PER_KIND = 100;

function describeAddress(deal: { street: string | null; city: string | null; region: string | null; postalCode: string | null }): string {
  return [deal.street, deal.city, [deal.region, deal.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "Address not given";
}

function reasonOf(data: unknown): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const { reason, message } = data as { reason?: unknown; message?: unknown };
  const text = typeof reason === "string" ? reason : typeof message === "string" ? message : null;
  return text ? text.slice(0, 200) : null;
}

export async function getBuyerTimeline(db: TenantDb, buyerId: string, limit = PER_KIND): Promise<BuyerTimelineEntry[]> {
  const [events, recipients, offers] = await Promise.all([
    db.buyerFeedbackEvent.findMany({ where: { buyerId }, orderBy: { occurredAt: "desc" }, take: limit }),
    db.blastRecipient.findMany({ where: { buyerId }, orderBy: { createdAt: "desc" }, take: limit, include: { blast: { select: { dealId: true } } } }),
    db.buyerOffer.findMany({ where: { buyerId }, orderBy: { createdAt: "desc" }, take: limit }),
  ]);
  const dealIds = new Set<string>();
  for (const e of events) if (e.dealId) dealIds.add(e.dealId);
  for (const r of recipients) dealIds.add(r.blast.dealId);
  for (const o of offers) dealIds.add(o.dealId);
  const deals = dealIds.size
    ? await db.deal.findMany({ where: { id: { in: [...dealIds] } }, select: { id: true, street: true, city: true, region: true, postalCode: true } })
    : [];
  const addresses = new Map(deals.map((d) => [d.id, describeAddress(d)]));
  const addressOf = (id: string | null) => (id ? (addresses.get(id) ?? null) : null);

  const entries: BuyerTimelineEntry[] = [
    ...events.map((e) => ({ kind: "feedback" as const, id: e.id, at: e.occurredAt, event: e.kind, dealId: e.dealId, dealAddress: addressOf(e.dealId), detail: reasonOf(e.data) })),
    ...recipients.map((r) => ({
      kind: "blast" as const,
      id: r.id,
      at: r.createdAt,
      blastId: r.blastId,
      channel: r.channel,
      state: r.state,
      dealId: r.blast.dealId,
      dealAddress: addressOf(r.blast.dealId),
      detail: r.blockedReason ?? r.blockedGate ?? null,
    })),
    ...offers.map((o) => ({ kind: "offer" as const, id: o.id, at: o.createdAt, amount: o.amount, status: o.status, dealId: o.dealId, dealAddress: addressOf(o.dealId), detail: o.note })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id));
}
