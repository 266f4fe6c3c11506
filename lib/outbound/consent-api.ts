/**
 * Consent by contact, as the v1 API reads and writes it: grant (per channel, with basis,
 * source, time, words and evidence), look up, and withdraw. A withdrawal goes through
 * applyConsent, so the contactOptedOut event of every lead with the address is written in
 * the same transaction and ends their ladders once dispatched; sends are refused at once
 * because every send re-reads consent under the workspace lock.
 */
import type { ContactConsent } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { listDealIdsByContact } from "@/lib/deals/service";
import { ExpectedError } from "@/lib/errors";
import { applyConsent } from "./consent";
import { channelsForContact, parseContact, resolveConsentBasis, type ConsentChannel, type ContactAddress } from "./consent-rules";
import { ConsentGrantInput, ConsentWithdrawQuery } from "./schema";

export interface ConsentRecordView {
  channel: ConsentChannel;
  status: ContactConsent["status"];
  basis: ContactConsent["basis"];
  source: string;
  givenAt: Date | null;
  wording: string | null;
  evidence: string | null;
  note: string | null;
  updatedAt: Date;
}

export interface ContactConsentView {
  contact: string;
  kind: ContactAddress["kind"];
  records: ConsentRecordView[];
}

function viewOf(row: ContactConsent): ConsentRecordView {
  const { status, basis, source, givenAt, wording, evidence, note, updatedAt } = row;
  // Consent is recorded for SMS, EMAIL and CALL only; mail needs none.
  return { channel: row.channel as ConsentChannel, status, basis, source, givenAt, wording, evidence, note, updatedAt };
}

const CONTACT_HINT = "Give a phone number in E.164 (+14165550100) or an email address";

function contactOf(text: string, code: "bad_request" | "invalid"): ContactAddress {
  const contact = parseContact(text);
  if (!contact) throw new ExpectedError(code, CONTACT_HINT, "contact");
  return contact;
}

function channelsOf(contact: ContactAddress, channel: ConsentChannel | undefined, code: "bad_request" | "invalid"): ConsentChannel[] {
  const channels = channelsForContact(contact.kind, channel);
  if (!channels) throw new ExpectedError(code, contact.kind === "email" ? "An email address takes EMAIL consent" : "A phone number takes SMS or CALL consent", "channel");
  return channels;
}

/**
 * Records consent for each channel of the contact. Over an opt-out it needs a `givenAt`
 * after the opt-out: consent dated before it is the consent the person withdrew.
 */
export async function grantConsent(db: TenantDb, input: ConsentGrantInput, ctx: AuditContext): Promise<ContactConsentView & { created: boolean }> {
  const parsed = ConsentGrantInput.parse(input);
  const contact = contactOf(parsed.contact, "invalid");
  const channels = channelsOf(contact, parsed.channel, "invalid");
  const basis = resolveConsentBasis({ status: "OPTED_IN", basis: parsed.basis, wording: parsed.wording });
  return db.$transaction(async (tx) => {
    const records: ConsentRecordView[] = [];
    let created = false;
    for (const channel of channels) {
      const existing = await tx.contactConsent.findFirst({ where: { channel, address: contact.address } });
      if (existing?.status === "OPTED_OUT" && !(parsed.givenAt && parsed.givenAt > existing.updatedAt)) {
        throw new ExpectedError(
          "conflict",
          `${contact.address} opted out of ${channel} on ${existing.updatedAt.toISOString()}; record consent given after that (givenAt)`,
          "givenAt",
        );
      }
      const result = await applyConsent(tx, {
        channel,
        address: contact.address,
        status: "OPTED_IN",
        source: parsed.source,
        basis,
        wording: parsed.wording ?? null,
        givenAt: parsed.givenAt ?? new Date(),
        evidence: parsed.evidence ?? null,
      });
      created ||= result.before === null;
      const view = viewOf(result.record);
      await recordAudit(
        tx,
        { action: "consent.granted", entity: "ContactConsent", entityId: `${channel}:${contact.address}`, before: result.before, after: { ...view, updatedAt: undefined } },
        ctx,
      );
      records.push(view);
    }
    return { contact: contact.address, kind: contact.kind, records, created };
  });
}

/** Every channel's record for a contact; not found when none is on record. */
export async function getContactConsent(db: TenantDb, text: string): Promise<ContactConsentView> {
  const contact = contactOf(text, "bad_request");
  const rows = await db.contactConsent.findMany({
    where: { address: contact.address, channel: { in: channelsOf(contact, undefined, "bad_request") } },
    orderBy: { channel: "asc" },
  });
  if (rows.length === 0) throw new ExpectedError("not_found", `No consent is on record for ${contact.address}`, "contact");
  return { contact: contact.address, kind: contact.kind, records: rows.map(viewOf) };
}

/**
 * Withdraws consent on every channel of the contact (or the one named): each becomes
 * OPTED_OUT, even one never recorded, so a later import cannot opt the person back in.
 */
export async function withdrawConsent(
  db: TenantDb,
  text: string,
  input: ConsentWithdrawQuery,
  ctx: AuditContext,
): Promise<ContactConsentView & { withdrawn: ConsentChannel[]; leads: number }> {
  const contact = contactOf(text, "bad_request");
  const query = ConsentWithdrawQuery.parse(input);
  const channels = channelsOf(contact, query.channel, "bad_request");
  return db.$transaction(async (tx) => {
    const records: ConsentRecordView[] = [];
    const withdrawn: ConsentChannel[] = [];
    for (const channel of channels) {
      const result = await applyConsent(tx, {
        channel,
        address: contact.address,
        status: "OPTED_OUT",
        source: query.source,
        note: query.note ?? null,
        givenAt: new Date(),
        ...(query.evidence ? { evidence: query.evidence } : {}),
      });
      const view = viewOf(result.record);
      if (result.changed) withdrawn.push(channel);
      // Audited even when already withdrawn: the record's source and evidence still change.
      await recordAudit(
        tx,
        { action: "consent.withdrawn", entity: "ContactConsent", entityId: `${channel}:${contact.address}`, before: result.before, after: { ...view, updatedAt: undefined } },
        ctx,
      );
      records.push(view);
    }
    const leads = (await listDealIdsByContact(tx, contact.kind === "email" ? "EMAIL" : "SMS", contact.address)).length;
    return { contact: contact.address, kind: contact.kind, records, withdrawn, leads };
  });
}

/** A lead's consent on each channel it can be reached on, for the deal page. */
export async function consentsOfLead(db: TenantDb, lead: { phone?: string | null; email?: string | null }): Promise<ConsentRecordView[]> {
  const phone = parseContact(lead.phone ?? null);
  const email = lead.email ? parseContact(lead.email) : null;
  const where = [
    ...(phone?.kind === "phone" ? [{ address: phone.address, channel: { in: ["SMS", "CALL"] as ConsentChannel[] } }] : []),
    ...(email?.kind === "email" ? [{ address: email.address, channel: "EMAIL" as const }] : []),
  ];
  if (where.length === 0) return [];
  const rows = await db.contactConsent.findMany({ where: { OR: where }, orderBy: { channel: "asc" } });
  return rows.map(viewOf);
}
