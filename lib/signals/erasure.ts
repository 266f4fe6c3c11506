/**
 * Erasure and access for intent: the person's signals, the emails drafted for them, the
 * skip-trace lookups made for them, and the laboratory's would-be drafts. Signals are
 * immutable (no UPDATE) but not undeletable: erasure removes them. The person is their
 * deals, and any buyer carrying one of their phones or email addresses.
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import type { PersonIdentity } from "@/lib/privacy/identity";
import type { PersonEraser } from "@/lib/privacy/types";
import { recomputeIntent } from "./service";

async function personBuyerIds(db: TenantDb | TenantTransaction, identity: PersonIdentity): Promise<string[]> {
  const or = [
    ...(identity.phones.length ? [{ phones: { hasSome: identity.phones } }] : []),
    ...(identity.emails.length ? [{ emails: { hasSome: identity.emails.map((e) => e.toLowerCase()) } }] : []),
  ];
  if (or.length === 0) return [];
  const buyers = await db.buyer.findMany({ where: { OR: or }, select: { id: true } });
  return buyers.map((b) => b.id);
}

async function personWhere(db: TenantDb | TenantTransaction, identity: PersonIdentity) {
  const buyerIds = await personBuyerIds(db, identity);
  return { buyerIds, where: { OR: [{ dealId: { in: identity.dealIds } }, { buyerId: { in: buyerIds } }] } };
}

export const signalsEraser: PersonEraser = {
  area: "signals",
  async erase(tx, identity) {
    const { where, buyerIds } = await personWhere(tx, identity);
    const [signals, drafts, calls, labDrafts] = await Promise.all([
      tx.signal.deleteMany({ where }),
      tx.emailDraft.deleteMany({ where }),
      tx.enrichmentCall.deleteMany({ where }),
      tx.labDraft.deleteMany({ where }),
    ]);
    // The scores were made of those signals: recomputed without them, they fall to 0.
    await recomputeIntent(tx, [...identity.dealIds.map((dealId) => ({ kind: "lead", dealId }) as const), ...buyerIds.map((buyerId) => ({ kind: "buyer", buyerId }) as const)]);
    return { counts: { Signal: signals.count, EmailDraft: drafts.count, EnrichmentCall: calls.count, LabDraft: labDrafts.count } };
  },
  async collect(db, identity) {
    const { where } = await personWhere(db, identity);
    const [signals, drafts, calls, labDrafts] = await Promise.all([
      db.signal.findMany({ where, orderBy: { occurredAt: "asc" } }),
      db.emailDraft.findMany({ where, orderBy: { createdAt: "asc" } }),
      db.enrichmentCall.findMany({ where, orderBy: { createdAt: "asc" } }),
      db.labDraft.findMany({ where, orderBy: { createdAt: "asc" } }),
    ]);
    return { Signal: signals, EmailDraft: drafts, EnrichmentCall: calls, LabDraft: labDrafts };
  },
};
