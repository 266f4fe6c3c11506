/**
 * Enrichment with a budget: when a person lacks a phone or an email, a skip tracer is asked,
 * at most up to the workspace's monthly cap per person. Every call is an EnrichmentCall row
 * (made or refused by the cap); what a made call finds fills only empty contact fields, in
 * one transaction with its audit line. Found contacts carry no consent: the outbound gates
 * keep refusing them until someone records it.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { appendBuyerContacts } from "@/lib/buyers/enrichment";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { fillEmptyDealContact } from "@/lib/deals/enrichment";
import { ExpectedError } from "@/lib/errors";
import { countEnrichmentCall, observeContextQuality } from "@/lib/observability/metrics";
import { findSuppressed } from "@/lib/privacy/suppression";
import { skipTracerFor, type FoundContact, type SkipTraceResult, type SkipTracer } from "@/lib/providers/skiptrace";
import { getIntentSettings } from "@/lib/signals/settings";
import type { SignalSubject } from "@/lib/signals/types";
import { checkBudget, spendMonth } from "./budget";
import { loadEnrichmentPerson, type EnrichmentPerson } from "./person";
import { contextQualityScore } from "./quality";

export type EnrichmentStatus = "NOT_NEEDED" | "FOUND" | "NOT_FOUND" | "OVER_BUDGET" | "ERROR";

export interface EnrichmentOutcome {
  status: EnrichmentStatus;
  provider: string | null;
  /** What this call cost (0 when none was made). */
  spentCents: number;
  /** The person's spend this month, this call included. */
  monthSpentCents: number;
  capCents: number;
  filled: { phone?: string; email?: string };
  detail: string;
}

export interface EnrichOptions {
  now?: Date;
  tracer?: SkipTracer;
  /** Who asked; the engines pass none (the audit line then has no actor). */
  actor?: AuditContext;
}

const SYSTEM: AuditContext = { actorId: null, actorEmail: null, requestId: undefined };
const NO_CONSENT = "Found contacts have no consent: texts and emails to them stay blocked until a consent is recorded.";

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function subjectColumns(subject: SignalSubject) {
  return subject.kind === "lead" ? { dealId: subject.dealId } : { buyerId: subject.buyerId };
}

async function monthSpend(db: TenantDb | TenantTransaction, subject: SignalSubject, month: string): Promise<number> {
  const sum = await db.enrichmentCall.aggregate({ where: { ...subjectColumns(subject), month }, _sum: { costCents: true } });
  return sum._sum.costCents ?? 0;
}

export async function enrichPerson(db: TenantDb, subject: SignalSubject, options: EnrichOptions = {}): Promise<EnrichmentOutcome> {
  const now = options.now ?? new Date();
  const person = await loadEnrichmentPerson(db, subject);
  if (!person) throw new ExpectedError("not_found", subject.kind === "lead" ? "Deal not found" : "Buyer not found");
  const capCents = (await getIntentSettings(db)).enrichmentMonthlyCapCents;
  const month = spendMonth(now);
  const needsPhone = person.phones.length === 0;
  const needsEmail = person.emails.length === 0;
  if (!needsPhone && !needsEmail) {
    observeContextQuality(contextQualityScore(person.context));
    const monthSpentCents = await monthSpend(db, subject, month);
    return { status: "NOT_NEEDED", provider: null, spentCents: 0, monthSpentCents, capCents, filled: {}, detail: "Has a phone and an email already: no lookup made." };
  }

  const tracer = options.tracer ?? (await skipTracerFor(db));
  const base = { provider: tracer.name, capCents };
  // Check the budget and reserve the call's cost in one serializable transaction, so two
  // lookups at once cannot both fit in what is left.
  const reservation = await db.$transaction(
    async (tx) => {
      const spent = await monthSpend(tx, subject, month);
      const check = checkBudget(spent, tracer.costCents, capCents);
      const row = await tx.enrichmentCall.create({
        data: { ...subjectColumns(subject), provider: tracer.name, month, costCents: check.allowed ? tracer.costCents : 0, status: check.allowed ? "PENDING" : "OVER_BUDGET", createdAt: now },
        select: { id: true },
      });
      // A lookup the budget refused is audited like one made: the person can see why nobody looked.
      if (!check.allowed) {
        await recordAudit(tx, { action: "enrichment.refused", entity: person.entity, entityId: person.entityId, after: { provider: tracer.name, costCents: tracer.costCents, monthSpentCents: spent, capCents, month } }, options.actor ?? SYSTEM);
      }
      return { ...check, spent, rowId: row.id };
    },
    { isolationLevel: "Serializable" },
  );
  if (!reservation.allowed) {
    countEnrichmentCall(tracer.name, "OVER_BUDGET");
    return {
      ...base,
      status: "OVER_BUDGET",
      spentCents: 0,
      monthSpentCents: reservation.spent,
      filled: {},
      detail: `A ${tracer.name} lookup costs ${dollars(tracer.costCents)} and ${dollars(reservation.spent)} of this person's ${dollars(capCents)} for ${month} is spent: not made.`,
    };
  }

  let result: SkipTraceResult;
  try {
    result = await tracer.lookup(person.query);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A failed call is not billed: the reservation becomes the ERROR row, at no cost.
    await db.$transaction(async (tx) => {
      await tx.enrichmentCall.update({ where: { id: reservation.rowId }, data: { status: "ERROR", costCents: 0, error: message.slice(0, 1000) } });
      await recordAudit(tx, { action: "enrichment.failed", entity: person.entity, entityId: person.entityId, after: { provider: tracer.name, error: message.slice(0, 300) } }, options.actor ?? SYSTEM);
    });
    countEnrichmentCall(tracer.name, "ERROR");
    return { ...base, status: "ERROR", spentCents: 0, monthSpentCents: reservation.spent, filled: {}, detail: message };
  }
  return applyFindings(db, subject, person, result, { tracer, rowId: reservation.rowId, monthSpentCents: reservation.spent + tracer.costCents, capCents, actor: options.actor ?? SYSTEM });
}

interface ApplyContext {
  tracer: SkipTracer;
  rowId: string;
  monthSpentCents: number;
  capCents: number;
  actor: AuditContext;
}

/** Writes what a made call found (minus erased people's contacts), its row and its audit line, in one transaction. */
async function applyFindings(db: TenantDb, subject: SignalSubject, person: EnrichmentPerson, result: SkipTraceResult, ctx: ApplyContext): Promise<EnrichmentOutcome> {
  const phones = await withoutSuppressed(db, result.phones, "phone");
  const emails = await withoutSuppressed(db, result.emails, "email");
  const outcome = await db.$transaction(async (tx) => {
    let filled: { phone?: string; email?: string };
    if (subject.kind === "lead") {
      filled = await fillEmptyDealContact(tx, subject.dealId, { phone: phones[0]?.value, email: emails[0]?.value });
    } else {
      const added = await appendBuyerContacts(tx, subject.buyerId, { phones: phones.map((p) => p.value), emails: emails.map((e) => e.value) });
      filled = { ...(added.phones[0] && { phone: added.phones[0] }), ...(added.emails[0] && { email: added.emails[0] }) };
    }
    const status = filled.phone || filled.email ? "FOUND" : "NOT_FOUND";
    const found = { phones: phones.map((c) => ({ ...c })), emails: emails.map((c) => ({ ...c })) } satisfies Prisma.InputJsonObject;
    await tx.enrichmentCall.update({ where: { id: ctx.rowId }, data: { status, found } });
    await recordAudit(
      tx,
      {
        action: "enrichment.lookup",
        entity: person.entity,
        entityId: person.entityId,
        after: { provider: ctx.tracer.name, status, costCents: ctx.tracer.costCents, monthSpentCents: ctx.monthSpentCents, capCents: ctx.capCents, filled, found },
      },
      ctx.actor,
    );
    return { status, filled } as const;
  });
  countEnrichmentCall(ctx.tracer.name, outcome.status, ctx.tracer.costCents / 100);
  observeContextQuality(contextQualityScore({ ...person.context, phone: person.context.phone ?? outcome.filled.phone, email: person.context.email ?? outcome.filled.email }));
  return {
    status: outcome.status,
    provider: ctx.tracer.name,
    spentCents: ctx.tracer.costCents,
    monthSpentCents: ctx.monthSpentCents,
    capCents: ctx.capCents,
    filled: outcome.filled,
    detail: describeFindings(ctx.tracer.name, outcome.filled, phones, emails, result),
  };
}

async function withoutSuppressed(db: TenantDb, contacts: FoundContact[], kind: "phone" | "email"): Promise<FoundContact[]> {
  if (contacts.length === 0) return contacts;
  const suppressed = await findSuppressed(db, contacts.map((c) => (kind === "phone" ? { phone: c.value } : { email: c.value })));
  return contacts.filter((_, index) => !suppressed.has(index));
}

function describeFindings(provider: string, filled: { phone?: string; email?: string }, phones: FoundContact[], emails: FoundContact[], raw: SkipTraceResult): string {
  const where = (value: string | undefined, list: FoundContact[]) => list.find((c) => c.value === value)?.source ?? provider;
  const parts: string[] = [];
  if (filled.phone) parts.push(`phone ${filled.phone} from ${where(filled.phone, phones)}`);
  if (filled.email) parts.push(`email ${filled.email} from ${where(filled.email, emails)}`);
  if (parts.length) return `Added ${parts.join(" and ")}. ${NO_CONSENT}`;
  const erased = raw.phones.length + raw.emails.length - phones.length - emails.length;
  if (phones.length + emails.length > 0) return `${provider} found only contacts already on file.`;
  if (erased > 0) return `${provider} found only contacts of people erased from this workspace: not added.`;
  return `${provider} found no phone or email.`;
}
