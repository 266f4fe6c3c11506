/**
 * What the laboratory needs to know about the people a run considers, read only: a name to
 * show, and whether drafting could reach them by email (an address with email consent, not
 * opted out, not on the do-not-contact list). Mirrors drafting's consent gate without ever
 * writing: a lab run leaves every production table as it found it.
 */
import type { TenantDb } from "@/lib/db/tenant";
import type { LabPerson } from "./compare";

export interface PersonFacts extends LabPerson {
  email: string | null;
  /** Drafting may write to this person: an email address that opted in and is not on the do-not-contact list. */
  emailReachable: boolean;
}

export function personKey(row: { dealId: string | null; buyerId: string | null }): string | null {
  if (row.dealId) return `lead:${row.dealId}`;
  if (row.buyerId) return `buyer:${row.buyerId}`;
  return null;
}

function dealLabel(deal: { contactName: string | null; street: string | null; city: string | null }): string {
  const address = [deal.street, deal.city].filter(Boolean).join(", ");
  if (deal.contactName && address) return `${deal.contactName} (${address})`;
  return deal.contactName ?? (address || "Unnamed lead");
}

/** Names, emails and email reachability of the people behind `keys` ("lead:<id>", "buyer:<id>"). */
export async function readPeople(db: TenantDb, keys: Iterable<string>): Promise<Map<string, PersonFacts>> {
  const dealIds: string[] = [];
  const buyerIds: string[] = [];
  for (const key of keys) {
    const [kind, id] = key.split(":") as [string, string];
    if (kind === "lead") dealIds.push(id);
    else if (kind === "buyer") buyerIds.push(id);
  }
  const [deals, buyers] = await Promise.all([
    dealIds.length
      ? db.deal.findMany({ where: { id: { in: dealIds }, deletedAt: null }, select: { id: true, contactName: true, contactEmail: true, street: true, city: true } })
      : [],
    buyerIds.length ? db.buyer.findMany({ where: { id: { in: buyerIds }, deletedAt: null }, select: { id: true, name: true, emails: true } }) : [],
  ]);
  const people = new Map<string, PersonFacts>();
  for (const d of deals) {
    people.set(`lead:${d.id}`, { key: `lead:${d.id}`, kind: "lead", id: d.id, name: dealLabel(d), email: d.contactEmail?.trim().toLowerCase() || null, emailReachable: false });
  }
  for (const b of buyers) {
    people.set(`buyer:${b.id}`, { key: `buyer:${b.id}`, kind: "buyer", id: b.id, name: b.name, email: b.emails[0]?.trim().toLowerCase() || null, emailReachable: false });
  }
  const emails = [...new Set([...people.values()].flatMap((p) => (p.email ? [p.email] : [])))];
  if (emails.length === 0) return people;
  const [consents, blocked] = await Promise.all([
    db.contactConsent.findMany({ where: { channel: "EMAIL", address: { in: emails } }, select: { address: true, status: true } }),
    db.doNotContact.findMany({ where: { value: { in: emails } }, select: { value: true } }),
  ]);
  const optedIn = new Set(consents.filter((c) => c.status === "OPTED_IN").map((c) => c.address));
  const onList = new Set(blocked.map((b) => b.value));
  for (const p of people.values()) p.emailReachable = p.email !== null && optedIn.has(p.email) && !onList.has(p.email);
  return people;
}

/** A person gone from the workspace since the run: still listed, by what is left of them. */
export function unknownPerson(key: string): LabPerson {
  const [kind, id] = key.split(":") as [string, string];
  return { key, kind: kind === "buyer" ? "buyer" : "lead", id, name: kind === "buyer" ? "Deleted buyer" : "Deleted lead" };
}
