/**
 * Consent captured where a lead comes in (the deal form, a CSV import): what the person
 * agreed to, where and when. It becomes ContactConsent rows for the lead's phone (SMS) and
 * email (EMAIL). An opt-out already on record always wins: intake never turns an OPTED_OUT
 * row back into OPTED_IN, only the person can (START, or a manual change with a reason).
 */
import { z } from "zod";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { insertRows } from "@/lib/db/bulk";
import { CONSENT_BASES, resolveConsentBasis, type ConsentBasisValue } from "./consent-rules";
import { ConsentBasisField } from "./schema";

export const IntakeConsent = z.object({
  given: z.boolean(),
  source: z.string().trim().min(1, "Say where the consent came from").max(100, "Keep the source under 100 characters"),
  givenAt: z.coerce.date({ error: "Enter a valid date" }).optional(),
  wording: z.string().trim().max(2000, "Keep the wording under 2000 characters").optional(),
  /** Left out, consent to written words is prior express written consent (resolveConsentBasis). */
  basis: z.enum(CONSENT_BASES).optional(),
  /** The IP address it was given from or a reference to the signed document. */
  evidence: z.string().trim().max(500, "Keep the evidence under 500 characters").optional(),
});
export type IntakeConsent = z.output<typeof IntakeConsent>;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * The consent fields of a form (`<ConsentFields/>`), as strings. Merge this shape into a
 * form's schema and turn the parsed fields into an IntakeConsent with `intakeConsentFromFields`.
 */
export const IntakeConsentFields = z
  .object({
    consentGiven: z.preprocess(blank, z.enum(["yes", "no"], { error: "Choose yes or no" }).optional()),
    consentSource: z.preprocess(blank, z.string().trim().max(100, "Keep the source under 100 characters").optional()),
    consentGivenAt: z.preprocess(
      blank,
      z.coerce
        .date({ error: "Enter a valid date" })
        .refine((d) => d.getTime() <= Date.now() + 24 * 3600_000, "The date cannot be in the future")
        .optional(),
    ),
    consentWording: z.preprocess(blank, z.string().trim().max(2000, "Keep the wording under 2000 characters").optional()),
    consentBasis: ConsentBasisField,
    consentEvidence: z.preprocess(blank, z.string().trim().max(500, "Keep the evidence under 500 characters").optional()),
  })
  .refine((f) => f.consentGiven !== "yes" || Boolean(f.consentSource), {
    message: "Say where the consent came from",
    path: ["consentSource"],
  })
  .refine((f) => f.consentGiven !== "yes" || f.consentBasis !== "PRIOR_EXPRESS_WRITTEN" || Boolean(f.consentWording), {
    message: "Prior express written consent needs the words agreed to",
    path: ["consentWording"],
  });
export type IntakeConsentFields = z.output<typeof IntakeConsentFields>;

/** The form's answer as an IntakeConsent, or null when the question was left unanswered. */
export function intakeConsentFromFields(fields: IntakeConsentFields): IntakeConsent | null {
  if (!fields.consentGiven) return null;
  return {
    given: fields.consentGiven === "yes",
    source: fields.consentSource ?? "form",
    ...(fields.consentGivenAt ? { givenAt: fields.consentGivenAt } : {}),
    ...(fields.consentWording ? { wording: fields.consentWording } : {}),
    ...(fields.consentBasis ? { basis: fields.consentBasis } : {}),
    ...(fields.consentEvidence ? { evidence: fields.consentEvidence } : {}),
  };
}

export interface IntakeContact {
  phone?: string | null;
  email?: string | null;
}

export interface ConsentRow {
  channel: "SMS" | "EMAIL";
  address: string;
  status: "OPTED_IN";
  source: string;
  wording: string | null;
  givenAt: Date | null;
  basis: ConsentBasisValue;
  evidence: string | null;
}

/** Pure: the rows a contact's consent becomes, one per channel with a valid address. */
export function intakeConsentRows(contact: IntakeContact, consent: IntakeConsent): ConsentRow[] {
  if (!consent.given) return [];
  const base = {
    status: "OPTED_IN" as const,
    source: consent.source,
    wording: consent.wording ?? null,
    givenAt: consent.givenAt ?? null,
    basis: resolveConsentBasis({ status: "OPTED_IN", basis: consent.basis, wording: consent.wording }),
    evidence: consent.evidence ?? null,
  };
  const rows: ConsentRow[] = [];
  const phone = normalizePhone(contact.phone);
  const email = normalizeEmail(contact.email);
  if (phone) rows.push({ channel: "SMS", address: phone, ...base });
  if (email) rows.push({ channel: "EMAIL", address: email, ...base });
  return rows;
}

/**
 * Writes consent rows that are not on record yet, in one statement whatever their number:
 * a row whose (channel, address) is already taken is left as it is, so an earlier opt-out
 * stays an opt-out and an earlier opt-in keeps its evidence. The first row of an address wins
 * within the batch too. Returns the rows written.
 */
export async function insertConsentRows(tx: TenantDb | TenantTransaction, rows: ConsentRow[]): Promise<ConsentRow[]> {
  const unique = new Map<string, ConsentRow>();
  for (const row of rows) {
    const key = `${row.channel}:${row.address}`;
    if (!unique.has(key)) unique.set(key, row);
  }
  if (unique.size === 0) return [];
  const candidates = [...unique.values()];
  const ids = await insertRows(
    tx,
    "ContactConsent",
    candidates.map((row) => ({ ...row })),
    { skipDuplicates: true },
  );
  if (ids.length === candidates.length) return candidates;
  const written = await tx.contactConsent.findMany({ where: { id: { in: ids } }, select: { channel: true, address: true } });
  const keys = new Set(written.map((row) => `${row.channel}:${row.address}`));
  return candidates.filter((row) => keys.has(`${row.channel}:${row.address}`));
}

/**
 * Records the consent a lead (or a buyer, with several phones and emails) gave at intake
 * inside the caller's transaction, for each of its channels and addresses, with one audit
 * event naming what was written and what was kept (an opt-out on record is never
 * overridden). Consent not given writes nothing: without a record the outbound core already
 * refuses to message the contact.
 */
export async function recordIntakeConsent(
  tx: TenantTransaction,
  contact: IntakeContact | readonly IntakeContact[],
  consent: IntakeConsent,
  ctx: AuditContext,
): Promise<{ recorded: ConsentRow[]; kept: { channel: "SMS" | "EMAIL"; address: string }[] }> {
  const parsed = IntakeConsent.parse(consent);
  const contacts: readonly IntakeContact[] = Array.isArray(contact) ? contact : [contact as IntakeContact];
  const rows = contacts.flatMap((c) => intakeConsentRows(c, parsed));
  if (rows.length === 0) return { recorded: [], kept: [] };
  const recorded = await insertConsentRows(tx, rows);
  const recordedKeys = new Set(recorded.map((row) => `${row.channel}:${row.address}`));
  const kept = rows.filter((row) => !recordedKeys.has(`${row.channel}:${row.address}`)).map(({ channel, address }) => ({ channel, address }));
  if (recorded.length > 0) {
    await recordAudit(
      tx,
      {
        action: "consent.recorded",
        entity: "ContactConsent",
        entityId: recorded.map((row) => `${row.channel}:${row.address}`).join(","),
        after: { status: "OPTED_IN", basis: rows[0].basis, source: parsed.source, givenAt: parsed.givenAt ?? null, wording: parsed.wording ?? null, evidence: parsed.evidence ?? null, kept },
      },
      ctx,
    );
  }
  return { recorded, kept };
}
