/**
 * Erasure and access for outbound: messages' bodies and addresses, provider callbacks'
 * payloads, consent records and do-not-contact entries (the suppression's keyed hash takes
 * the do-not-contact entry's place, so the person stays uncontactable).
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { mentionsPerson, type PersonIdentity } from "@/lib/privacy/identity";
import { ERASED, scanPages, SCAN_PAGE, type PersonEraser } from "@/lib/privacy/types";

const addressesOf = (identity: PersonIdentity) => [...identity.phones, ...identity.emails];

function messagesWhere(identity: PersonIdentity): Prisma.MessageWhereInput {
  const addresses = addressesOf(identity);
  return {
    OR: [
      ...(identity.dealIds.length ? [{ dealId: { in: identity.dealIds } }] : []),
      ...(addresses.length ? [{ toAddress: { in: addresses } }, { fromAddress: { in: addresses } }] : []),
    ],
  };
}

/** Callbacks tied to the person's messages, or whose payload names them. */
async function personEventIds(db: TenantDb | TenantTransaction, identity: PersonIdentity, messageIds: string[]) {
  const ids = new Set<string>();
  await scanPages(
    (cursor) => db.messageEvent.findMany({ select: { id: true, messageId: true, payload: true }, orderBy: { id: "asc" }, take: SCAN_PAGE, ...(cursor && { cursor: { id: cursor }, skip: 1 }) }),
    (rows) => {
      for (const row of rows) if ((row.messageId && messageIds.includes(row.messageId)) || mentionsPerson(JSON.stringify(row.payload), identity)) ids.add(row.id);
    },
  );
  return [...ids];
}

export const outboundEraser: PersonEraser = {
  area: "outbound",
  async erase(tx, identity) {
    const addresses = addressesOf(identity);
    const messageIds = (await tx.message.findMany({ where: messagesWhere(identity), select: { id: true } })).map((m) => m.id);
    const messages = await tx.message.updateMany({
      where: { id: { in: messageIds } },
      data: { body: ERASED, toAddress: ERASED, fromAddress: null, subject: null, error: null },
    });
    const eventIds = await personEventIds(tx, identity, messageIds);
    const events = await tx.messageEvent.updateMany({ where: { id: { in: eventIds } }, data: { payload: { erased: true } } });
    const consents = await tx.contactConsent.deleteMany({ where: { address: { in: addresses } } });
    const dnc = await tx.doNotContact.deleteMany({ where: { value: { in: addresses } } });
    return { counts: { Message: messages.count, MessageEvent: events.count, ContactConsent: consents.count, DoNotContact: dnc.count } };
  },
  async collect(db, identity) {
    const addresses = addressesOf(identity);
    const messages = await db.message.findMany({ where: messagesWhere(identity) });
    const eventIds = await personEventIds(db, identity, messages.map((m) => m.id));
    const [events, consents, dnc] = await Promise.all([
      db.messageEvent.findMany({ where: { id: { in: eventIds } } }),
      db.contactConsent.findMany({ where: { address: { in: addresses } } }),
      db.doNotContact.findMany({ where: { value: { in: addresses } } }),
    ]);
    return { Message: messages, MessageEvent: events, ContactConsent: consents, DoNotContact: dnc };
  },
};
