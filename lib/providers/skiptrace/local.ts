/**
 * The default skip tracer: the workspace's own records. The same owner often appears on
 * several deals (one with a phone, another with an email), and a seller may also be on the
 * buyers list; a lead's CSV row may give where the owner gets mail, which can be another
 * property the workspace has as a deal. Free, and it never leaves the database.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { normalizeAddress } from "@/lib/geo";
import type { FoundContact, SkipTraceAddress, SkipTraceQuery, SkipTracer } from "./types";

/** Candidates read per name: a common surname should not turn one lookup into a table scan. */
const CANDIDATES = 200;

/** "  José  O'Brien-Smith " → "jose obrien smith": case, accents and punctuation do not tell people apart. */
export function normalizePersonName(name: string | null | undefined): string {
  return (name ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The address's dedupe key (as intake computes it), or null when there is too little to place it. */
export function addressKeyOf(address: SkipTraceAddress | null): string | null {
  if (!address?.street || !(address.zip || (address.city && address.state))) return null;
  return normalizeAddress({ street: address.street, city: address.city, region: address.state, postalCode: address.zip }).addressKey;
}

export function localSkipTracer(db: TenantDb): SkipTracer {
  return {
    name: "local",
    costCents: 0,
    async lookup(person: SkipTraceQuery) {
      const phones = new Map<string, FoundContact>();
      const emails = new Map<string, FoundContact>();
      const add = (phone: string | null | undefined, email: string | null | undefined, source: string) => {
        const p = normalizePhone(phone);
        const e = normalizeEmail(email);
        if (p && !phones.has(p)) phones.set(p, { value: p, source });
        if (e && !emails.has(e)) emails.set(e, { value: e, source });
      };
      const ownDealId = person.subject.kind === "lead" ? person.subject.dealId : null;
      const ownBuyerId = person.subject.kind === "buyer" ? person.subject.buyerId : null;

      const name = normalizePersonName(person.name);
      // A single word ("Mike") names too many people to be evidence.
      if (name.includes(" ") && surnameFragment(person.name ?? "").length >= 2) {
        const surname = surnameFragment(person.name ?? "");
        const deals = await db.deal.findMany({
          where: { deletedAt: null, contactName: { contains: surname, mode: "insensitive" }, ...(ownDealId && { id: { not: ownDealId } }) },
          select: { id: true, street: true, city: true, contactName: true, contactPhone: true, contactEmail: true },
          orderBy: { createdAt: "desc" },
          take: CANDIDATES,
        });
        for (const deal of deals) {
          if (normalizePersonName(deal.contactName) === name) add(deal.contactPhone, deal.contactEmail, `deal ${dealLabel(deal)} (same owner name)`);
        }
        const buyers = await db.buyer.findMany({
          where: { deletedAt: null, name: { contains: surname, mode: "insensitive" }, ...(ownBuyerId && { id: { not: ownBuyerId } }) },
          select: { id: true, name: true, phones: true, emails: true },
          orderBy: { createdAt: "desc" },
          take: CANDIDATES,
        });
        for (const buyer of buyers) {
          if (normalizePersonName(buyer.name) !== name) continue;
          buyer.phones.forEach((phone) => add(phone, null, `buyer ${buyer.name} (same name)`));
          buyer.emails.forEach((email) => add(null, email, `buyer ${buyer.name} (same name)`));
        }
      }

      // The owner's mailing address is another property of theirs we hold as a deal.
      const mailingKey = addressKeyOf(person.mailingAddress);
      if (mailingKey && mailingKey !== addressKeyOf(person.propertyAddress)) {
        const home = await db.deal.findFirst({
          where: { deletedAt: null, addressKey: mailingKey, ...(ownDealId && { id: { not: ownDealId } }) },
          select: { id: true, street: true, city: true, contactPhone: true, contactEmail: true },
        });
        if (home) add(home.contactPhone, home.contactEmail, `deal ${dealLabel(home)} (the owner's mailing address)`);
      }
      return { phones: [...phones.values()], emails: [...emails.values()] };
    },
  };
}

/**
 * The part of the surname the database can match as written: the longest run of plain
 * letters of the last word ("O'Brien" → "Brien", which "OBRIEN" and "O’Brien" both contain).
 * Candidates are then compared by their normalized full name.
 */
export function surnameFragment(name: string): string {
  const last = name.trim().split(/\s+/).at(-1) ?? "";
  return (last.match(/[A-Za-z]+/g) ?? []).reduce((longest, run) => (run.length > longest.length ? run : longest), "");
}

function dealLabel(deal: { id: string; street: string | null; city: string | null }): string {
  return [deal.street, deal.city].filter(Boolean).join(", ") || deal.id;
}
