/** Erasure and access for deals: the contact fields, the payload each came from, the notes. */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import type { PersonIdentity } from "@/lib/privacy/identity";
import type { PersonEraser } from "@/lib/privacy/types";

function personDealsWhere(identity: PersonIdentity): Prisma.DealWhereInput {
  const or: Prisma.DealWhereInput[] = [];
  if (identity.dealIds.length) or.push({ id: { in: identity.dealIds } });
  if (identity.phones.length) or.push({ contactPhone: { in: identity.phones } });
  if (identity.emails.length) or.push({ contactEmail: { in: identity.emails, mode: "insensitive" } });
  // By name and address: the named contact at that street.
  for (const name of identity.names) {
    for (const street of identity.streets) {
      or.push({ contactName: { equals: name, mode: "insensitive" }, street: { equals: street, mode: "insensitive" } });
    }
  }
  return or.length ? { OR: or } : { id: { in: [] } };
}

async function findPersonDeals(db: TenantDb, identity: PersonIdentity) {
  return db.deal.findMany({ where: personDealsWhere(identity), select: { id: true, contactName: true, contactPhone: true, contactEmail: true } });
}

export const dealsEraser: PersonEraser = {
  area: "deals",
  async discover(db, identity) {
    const deals = await findPersonDeals(db, identity);
    return {
      dealIds: deals.map((d) => d.id),
      phones: deals.map((d) => d.contactPhone ?? ""),
      emails: deals.map((d) => d.contactEmail ?? ""),
      names: deals.map((d) => d.contactName ?? ""),
    };
  },
  async erase(tx, identity) {
    const ids = identity.dealIds;
    if (ids.length === 0) return { counts: { Deal: 0, DealNote: 0 } };
    // The property stays (address, figures, status); who it was about does not.
    const deals = await tx.deal.updateMany({
      where: { id: { in: ids } },
      data: { contactName: null, contactPhone: null, contactEmail: null, raw: { erased: true }, provenance: { erased: true }, sourceRef: null, statusReason: null },
    });
    const notes = await tx.dealNote.deleteMany({ where: { dealId: { in: ids } } });
    return { counts: { Deal: deals.count, DealNote: notes.count } };
  },
  async collect(db, identity) {
    const ids = identity.dealIds;
    const [deals, notes] = await Promise.all([
      db.deal.findMany({ where: { id: { in: ids } } }),
      db.dealNote.findMany({ where: { dealId: { in: ids } }, select: { id: true, dealId: true, body: true, createdAt: true } }),
    ]);
    return { Deal: deals, DealNote: notes };
  },
};
