/**
 * Consent and the do-not-contact list: who may be messaged on which channel. Every change
 * is written with its reason; opt-outs also stop the lead's follow-up (contactOptedOut event).
 */
import type { ContactConsent } from "@/generated/prisma/client";
import type { Channel, ConsentBasis, ConsentStatus } from "@/generated/prisma/enums";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { listDealIdsByContact } from "@/lib/deals/service";
import { ExpectedError } from "@/lib/errors";
import { enqueueEvents } from "@/lib/events/outbox";
import { recordKpiEvents } from "@/lib/kpi/service";
import { EVENTS } from "@/lib/events/catalog";
import { normalizeAddress, normalizeAnyAddress } from "@/lib/contact/address";
import { resolveConsentBasis, type ConsentChannel } from "./consent-rules";
import { ConsentChangeInput, ConsentQuery, DoNotContactInput, RemoveDoNotContactInput } from "./schema";

export interface ConsentChange {
  channel: ConsentChannel;
  /** Stored form (E.164 / lower-case email). */
  address: string;
  status: ConsentStatus;
  /** form, import, manual, keyword:STOP, unsubscribe_link, sendgrid:spamreport... */
  source: string;
  note?: string | null;
  /** Left out, it follows from the status and wording (resolveConsentBasis). */
  basis?: ConsentBasis;
  /** The words agreed to, when given; an opt-out keeps the words of the consent it withdraws. */
  wording?: string | null;
  /** When the person gave or withdrew it, when known. */
  givenAt?: Date | null;
  /** The IP address or document reference of this word. */
  evidence?: string | null;
}

/** What a consent record said before a change, for the audit event. */
export type ConsentSnapshot = Pick<ContactConsent, "status" | "basis" | "source" | "wording" | "givenAt" | "evidence" | "note"> | null;

function snapshotOf(row: ContactConsent | null): ConsentSnapshot {
  if (!row) return null;
  const { status, basis, source, wording, givenAt, evidence, note } = row;
  return { status, basis, source, wording, givenAt, evidence, note };
}

/**
 * Records the contact's latest word inside the caller's transaction. When it changes the
 * status, the KPI event and (for an opt-out) the contactOptedOut event of every lead with
 * this address are written in the same transaction. Returns whether the status changed.
 */
export async function applyConsent(
  tx: TenantTransaction,
  change: ConsentChange,
): Promise<{ changed: boolean; previous: ConsentStatus | null; before: ConsentSnapshot; record: ContactConsent }> {
  const where = { tenantId_channel_address: { tenantId: tx.tenantId, channel: change.channel as Channel, address: change.address } };
  const existing = await tx.contactConsent.findUnique({ where });
  const basis = change.basis ?? resolveConsentBasis({ status: change.status, wording: change.wording });
  // Fields the change does not name keep what is on record (a STOP keeps the words it withdraws).
  const details = {
    basis,
    ...(change.wording !== undefined ? { wording: change.wording } : {}),
    ...(change.givenAt !== undefined ? { givenAt: change.givenAt } : {}),
    ...(change.evidence !== undefined ? { evidence: change.evidence } : {}),
  };
  const record = await tx.contactConsent.upsert({
    where,
    create: { channel: change.channel, address: change.address, status: change.status, source: change.source, note: change.note ?? null, ...details },
    update: { status: change.status, source: change.source, note: change.note ?? null, ...details },
  });
  const changed = existing?.status !== change.status;
  if (changed) {
    // A phone's calls and texts reach the same leads.
    const dealIds = await listDealIdsByContact(tx, change.channel === "EMAIL" ? "EMAIL" : "SMS", change.address);
    const name = change.status === "OPTED_OUT" ? "contact_opted_out" : "contact_opted_in";
    const data = { channel: change.channel, source: change.source };
    await recordKpiEvents(tx, dealIds.length ? dealIds.map((dealId) => ({ name, dealId, data })) : [{ name, data }]);
    if (change.status === "OPTED_OUT") {
      await enqueueEvents(
        tx,
        dealIds.map((dealId) => ({ name: EVENTS.contactOptedOut, data: { dealId, channel: change.channel, address: change.address } })),
      );
    }
  }
  return { changed, previous: existing?.status ?? null, before: snapshotOf(existing), record };
}

function invalid(field: string, message: string): never {
  throw new ExpectedError("invalid", message, field);
}

/** A manual opt-in or opt-out from the compliance page, audited with its reason. */
export async function changeConsent(db: TenantDb, input: ConsentChangeInput, ctx: AuditContext) {
  const parsed = ConsentChangeInput.parse(input);
  const address = normalizeAddress(parsed.channel, parsed.address);
  if (!address) invalid("address", parsed.channel === "SMS" ? "Enter a valid phone number" : "Enter a valid email address");
  return db.$transaction(async (tx) => {
    const optIn = parsed.status === "OPTED_IN";
    const { changed, before, record } = await applyConsent(tx, {
      channel: parsed.channel,
      address,
      status: parsed.status,
      source: "manual",
      note: parsed.reason,
      basis: resolveConsentBasis({ status: parsed.status, basis: parsed.basis, wording: parsed.wording }),
      // An opt-in by hand states its own words and evidence; an opt-out keeps those it withdraws.
      ...(optIn ? { wording: parsed.wording ?? null, evidence: parsed.evidence ?? null, givenAt: new Date() } : parsed.evidence ? { evidence: parsed.evidence } : {}),
    });
    await recordAudit(
      tx,
      {
        action: "consent.changed",
        entity: "ContactConsent",
        entityId: `${parsed.channel}:${address}`,
        before,
        after: { status: record.status, basis: record.basis, wording: record.wording, evidence: record.evidence, reason: parsed.reason },
      },
      ctx,
    );
    return { channel: parsed.channel, address, status: parsed.status, basis: record.basis, changed };
  });
}

export async function addDoNotContact(db: TenantDb, input: DoNotContactInput, ctx: AuditContext) {
  const parsed = DoNotContactInput.parse(input);
  const value = normalizeAnyAddress(parsed.value);
  if (!value) invalid("value", "Enter a valid phone number or email address");
  return db.$transaction(async (tx) => {
    const existing = await tx.doNotContact.findFirst({ where: { value } });
    if (existing) throw new ExpectedError("conflict", `${value} is already on the do-not-contact list`, "value");
    const row = await tx.doNotContact.create({ data: { value, reason: parsed.reason, createdById: ctx.actorId } });
    await recordAudit(tx, { action: "do_not_contact.added", entity: "DoNotContact", entityId: row.id, after: { value, reason: parsed.reason } }, ctx);
    return row;
  });
}

export async function removeDoNotContact(db: TenantDb, input: { id: string; reason: string }, ctx: AuditContext) {
  const parsed = RemoveDoNotContactInput.parse(input);
  return db.$transaction(async (tx) => {
    const row = await tx.doNotContact.findFirst({ where: { id: parsed.id } });
    if (!row) throw new ExpectedError("not_found", "This entry is no longer on the list");
    await tx.doNotContact.delete({ where: { id: row.id } });
    await recordAudit(
      tx,
      { action: "do_not_contact.removed", entity: "DoNotContact", entityId: row.id, before: { value: row.value, reason: row.reason }, after: { reason: parsed.reason } },
      ctx,
    );
    return { id: row.id, value: row.value };
  });
}

/** The unsubscribe link was followed: the email address is opted out at once. */
export async function unsubscribeEmail(db: TenantDb, address: string) {
  const email = normalizeAddress("EMAIL", address);
  if (!email) throw new ExpectedError("invalid", "This link does not name a valid email address");
  return db.$transaction(async (tx) => {
    const result = await applyConsent(tx, { channel: "EMAIL", address: email, status: "OPTED_OUT", source: "unsubscribe_link" });
    if (result.changed) {
      await recordAudit(
        tx,
        { action: "consent.unsubscribed", entity: "ContactConsent", entityId: `EMAIL:${email}`, before: { status: result.previous }, after: { status: "OPTED_OUT" } },
        { actorId: null, actorEmail: email, requestId: undefined },
      );
    }
    return { address: email, changed: result.changed };
  });
}

/** Consent records are counted exactly up to this many: "10,000+ records". */
export const CONSENT_COUNT_LIMIT = 10_000;

/** "(416) 555" finds "+1416555…": a search without letters or "@" compares digits only. */
function consentSearchTerm(q: string): string {
  const text = q.trim().toLowerCase();
  return /[a-z@]/.test(text) ? text : text.replace(/\D/g, "") || text;
}

/** One page of consent records, newest change first, with a total that stops counting past the limit. */
export async function listConsents(db: TenantDb, input: ConsentQuery) {
  const query = ConsentQuery.parse(input);
  const where = {
    ...(query.consent ? { status: query.consent } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.q ? { address: { contains: consentSearchTerm(query.q) } } : {}),
  };
  const offset = (query.page - 1) * query.pageSize;
  const countLimit = Math.max(CONSENT_COUNT_LIMIT, offset + query.pageSize * 2);
  const [rows, counted] = await Promise.all([
    db.contactConsent.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], skip: offset, take: query.pageSize }),
    db.contactConsent.count({ where, take: countLimit + 1 }),
  ]);
  const totalIsExact = counted <= countLimit;
  const total = Math.min(counted, countLimit);
  return { rows, total, totalIsExact, query, pageCount: Math.max(1, Math.ceil(total / query.pageSize) + (totalIsExact ? 0 : 1)) };
}
export type ConsentPage = Awaited<ReturnType<typeof listConsents>>;

export async function listDoNotContact(db: TenantDb) {
  return db.doNotContact.findMany({ orderBy: { createdAt: "desc" }, take: 500 });
}
