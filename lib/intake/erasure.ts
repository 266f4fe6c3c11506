/** Erasure and access for received deal emails: the email as received and what was parsed from it. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { mentionsPerson, type PersonIdentity } from "@/lib/privacy/identity";
import { scanPages, SCAN_PAGE, type PersonEraser } from "@/lib/privacy/types";

/** Emails that brought in the person's deals, came from them, or mention them anywhere. */
async function personEmailIds(db: TenantDb | TenantTransaction, identity: PersonIdentity) {
  const ids: string[] = [];
  await scanPages(
    (cursor) => db.inboundEmail.findMany({
      select: { id: true, fromAddress: true, subject: true, dealIds: true, parsed: true, raw: true },
      orderBy: { id: "asc" }, take: SCAN_PAGE, ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    }),
    (rows) => {
      for (const row of rows) {
        const theirs = row.dealIds.some((id) => identity.dealIds.includes(id)) || mentionsPerson(JSON.stringify([row.fromAddress, row.subject, row.parsed, row.raw]), identity);
        if (theirs) ids.push(row.id);
      }
    },
  );
  return ids;
}

export const intakeEraser: PersonEraser = {
  area: "intake",
  async erase(tx, identity) {
    // The Message-ID stays, so the same email delivered again is still recognised and not taken in twice.
    const ids = await personEmailIds(tx, identity);
    const { count } = await tx.inboundEmail.updateMany({ where: { id: { in: ids } }, data: { fromAddress: null, subject: null, parsed: { erased: true }, raw: { erased: true } } });
    return { counts: { InboundEmail: count } };
  },
  async collect(db, identity) {
    return { InboundEmail: await db.inboundEmail.findMany({ where: { id: { in: await personEmailIds(db, identity) } } }) };
  },
};
