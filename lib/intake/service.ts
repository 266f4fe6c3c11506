import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { findDealsByAddressKeys, insertDeals, type NewDealRow } from "@/lib/deals/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { placeAddress } from "@/lib/geo";
import { enqueueEvents } from "@/lib/events/outbox";
import { countedEvent, recordKpiEvents } from "@/lib/kpi/service";
import { EVENTS } from "@/lib/events/catalog";
import { insertConsentRows, intakeConsentRows, type IntakeConsent } from "@/lib/outbound/intake-consent";
import { getTenantSettings } from "@/lib/tenants/settings";
import { raiseSpreadAlerts } from "@/lib/underwriting/engine";
import {
  listOfferPolicies,
  planUnderwriting,
  recordUnderwritingOutcome,
  underwritingColumns,
  type OfferPolicyRow,
  type UnderwritingPlan,
} from "@/lib/underwriting/service";
import type { PropertyQuota } from "@/lib/plans/quota";
import { splitByPropertyQuota } from "./quota";
import { findSuppressed } from "@/lib/privacy/suppression";
import { reassessDeals } from "@/lib/scoring/assess";
import type { DealInput } from "./schema";

export type DealSource = "EMAIL" | "CSV" | "API" | "MANUAL" | "DRIVING";

export interface IntakeItem {
  deal: DealInput;
  raw: unknown;
  provenance?: unknown;
  /** What the contact agreed to, when the source says (an import's consent columns). */
  consent?: IntakeConsent | null;
}

export interface IntakeReport {
  created: { id: string; addressKey: string }[];
  duplicates: { addressKey: string; existingId: string | null }[];
  underwritten: number;
  /** Consent rows written for the batch's contacts (addresses already on record are kept as they are). */
  consentsRecorded: number;
  correlationId: string;
  /** New deals the plan's monthly property quota refused, by their position in the batch; none were written. */
  overQuota: { index: number; addressKey: string }[];
  /** The quota as it stood when some were refused; null when nothing was. */
  quota: PropertyQuota | null;
  /** Positions in the batch of contacts on the suppression list (erased people); none were written. */
  suppressed: number[];
}

type DealRow = NewDealRow;

/** Pure: a validated input becomes a row with a normalized address, geo and a fresh id. */
export function prepareDealRow(item: IntakeItem, source: DealSource, sourceRef: string | null): DealRow {
  const { deal } = item;
  return {
    id: randomUUID(),
    // Said outright: a bulk insert writes one column list for the batch, so a row left without a
    // status beside an underwritten one would get NULL rather than the column's default.
    status: "NEW",
    source,
    sourceRef,
    ...placeAddress(deal),
    askingPrice: deal.askingPrice ?? null,
    arv: deal.arv ?? null,
    // An ARV that arrives with the lead was typed or imported; comps set "comps" later (lib/comps).
    arvSource: deal.arv ? "entered" : null,
    repairs: deal.repairs ?? null,
    beds: deal.beds ?? null,
    baths: deal.baths ?? null,
    sqft: deal.sqft ?? null,
    yearBuilt: deal.yearBuilt ?? null,
    propertyType: deal.propertyType ?? null,
    // The computed score (lib/scoring) is set in the intake's transaction; the source's own is kept beside it.
    sourceScore: deal.score ?? null,
    contactName: deal.contactName ?? null,
    // Stored in the form outbound keys consent on; kept as written when it is not a number.
    contactPhone: normalizePhone(deal.contactPhone) ?? deal.contactPhone ?? null,
    contactEmail: normalizeEmail(deal.contactEmail) ?? deal.contactEmail ?? null,
    provenance: (item.provenance ?? undefined) as Prisma.InputJsonValue | undefined,
    raw: (item.raw ?? {}) as Prisma.InputJsonValue,
  };
}

/** Pure: prices each row that can be priced and sets its underwriting columns in place. */
export function underwriteRows(rows: DealRow[], policies: readonly OfferPolicyRow[], now: Date): UnderwritingPlan[] {
  return rows.map((row) => {
    const plan = planUnderwriting(
      { id: row.id!, region: row.region ?? null, market: row.market ?? null, arv: row.arv ?? null, repairs: row.repairs ?? null, askingPrice: row.askingPrice ?? null },
      policies,
    );
    if (plan.ok) Object.assign(row, underwritingColumns(plan), { underwrittenAt: now, status: "UNDERWRITTEN" });
    return plan;
  });
}

export interface IntakeContext {
  policies: OfferPolicyRow[];
  spreadAlertThreshold: number;
  discordWebhookUrl?: string;
}

export async function loadIntakeContext(db: TenantDb): Promise<IntakeContext> {
  const [policies, settings] = await Promise.all([listOfferPolicies(db), getTenantSettings(db)]);
  return { policies, spreadAlertThreshold: settings.spreadAlertThreshold, discordWebhookUrl: settings.discordWebhookUrl };
}

interface IntakeOptions {
  source: DealSource;
  sourceRef?: string | null;
  context?: IntakeContext;
  raiseAlerts?: boolean;
  /** More writes for the inserted deals (a hand-made deal's owner and audit line), in the same transaction. */
  onInserted?: (tx: TenantTransaction, created: { id: string; addressKey: string }[]) => Promise<void>;
}

/**
 * Takes in a batch of deals: normalizes and places each, drops duplicates (by normalized
 * address, within the batch and against the tenant's deals), inserts the rest already
 * underwritten, with their evidence and KPI events, in one transaction.
 */
export async function intakeDeals(db: TenantDb, items: IntakeItem[], options: IntakeOptions): Promise<IntakeReport> {
  return commitIntake(db, await prepareIntake(db, items, options));
}

/** A batch read, placed, deduped and priced, ready for `commitIntake`. */
export interface PreparedIntake {
  items: IntakeItem[];
  options: IntakeOptions;
  context: IntakeContext;
  correlationId: string;
  rows: DealRow[];
  suppressed: Set<number>;
  duplicates: IntakeReport["duplicates"];
  candidates: DealRow[];
  plans: UnderwritingPlan[];
}

/**
 * The work before the transaction: reads only, so an import prepares its next batch while
 * the one before commits. A deal the batch before takes meanwhile is caught by the insert's
 * conflict rule and counted a duplicate like any other.
 */
export async function prepareIntake(db: TenantDb, items: IntakeItem[], options: IntakeOptions): Promise<PreparedIntake> {
  const correlationId = randomUUID();
  const context = options.context ?? (await loadIntakeContext(db));
  const rows = items.map((item) => prepareDealRow(item, options.source, options.sourceRef ?? null));
  // A person who was erased is never taken in again, whatever the source.
  const suppressed = await findSuppressed(db, items.map((item) => ({ phone: item.deal.contactPhone, email: item.deal.contactEmail })));

  const firstByKey = new Map<string, DealRow>();
  const duplicates: IntakeReport["duplicates"] = [];
  for (const [index, row] of rows.entries()) {
    if (suppressed.has(index)) continue;
    if (firstByKey.has(row.addressKey)) duplicates.push({ addressKey: row.addressKey, existingId: firstByKey.get(row.addressKey)!.id ?? null });
    else firstByKey.set(row.addressKey, row);
  }
  const existing = await findDealsByAddressKeys(db, [...firstByKey.keys()]);
  for (const deal of existing) {
    duplicates.push({ addressKey: deal.addressKey, existingId: deal.id });
    firstByKey.delete(deal.addressKey);
  }
  const candidates = [...firstByKey.values()];
  const plans = underwriteRows(candidates, context.policies, new Date());
  return { items, options, context, correlationId, rows, suppressed, duplicates, candidates, plans };
}

/**
 * The transaction of an intake: the deals that still fit, their evidence, consent, KPIs and
 * events. `finish` writes more in the same transaction once the report is known (an import's
 * row errors and counters, so a batch is counted exactly when its deals are in).
 */
export async function commitIntake(
  db: TenantDb,
  prepared: PreparedIntake,
  finish?: (tx: TenantTransaction, report: IntakeReport) => Promise<void>,
): Promise<IntakeReport> {
  const { items, options, context, correlationId, rows, suppressed, duplicates, candidates, plans } = prepared;
  const now = new Date();
  const indexOf = new Map(rows.map((row, index) => [row.id, index]));
  const result = await db.$transaction(async (tx) => {
    const { fit: fresh, over, quota } = await splitByPropertyQuota(tx, candidates, now);
    const insertedIds = await insertDeals(tx, fresh);
    const inserted = fresh.filter((row) => insertedIds.has(row.id!)).map((row) => ({ id: row.id!, addressKey: row.addressKey }));
    // A concurrent intake may have taken an address between the check and the insert.
    for (const row of fresh) if (!insertedIds.has(row.id!)) duplicates.push({ addressKey: row.addressKey, existingId: null });
    const outcome = await recordUnderwritingOutcome(tx, plans.filter((p) => insertedIds.has(p.dealId)), correlationId, context.spreadAlertThreshold);
    // Before the ladder's event: its first text must find the consent the list carried.
    // One statement for the batch; an opt-out on record is never replaced.
    // A lead the quota refused is not taken in, and neither is what it agreed to.
    const refused = new Set(over.map((row) => row.id));
    const consents = await insertConsentRows(
      tx,
      items.flatMap((item, i) => (item.consent && !refused.has(rows[i].id) && !suppressed.has(i) ? intakeConsentRows({ phone: item.deal.contactPhone, email: item.deal.contactEmail }, item.consent) : [])),
    );
    // After the consent rows (an opt-in counts toward the score) and before the ladder's event reads the score.
    await reassessDeals(tx, inserted.map((d) => d.id), now);
    await recordKpiEvents(tx, [
      ...countedEvent("lead_created", inserted.map((d) => d.id), { source: options.source }),
      ...(duplicates.length ? [{ name: "lead_duplicate" as const, count: duplicates.length, data: { source: options.source } }] : []),
      ...(consents.length ? [{ name: "contact_opted_in" as const, count: consents.length, data: { source: options.source } }] : []),
    ]);
    if (options.onInserted) await options.onInserted(tx, inserted);
    // In the same transaction as the deals: a lead is never created without the event that starts its ladder.
    await enqueueEvents(tx, inserted.map((d) => ({ id: `lead-created:${d.id}`, name: EVENTS.leadCreated, data: { dealId: d.id, source: options.source } })));
    const report: IntakeReport = {
      created: inserted,
      duplicates,
      underwritten: outcome.underwritten,
      consentsRecorded: consents.length,
      correlationId,
      overQuota: over.map((row) => ({ index: indexOf.get(row.id)!, addressKey: row.addressKey })),
      quota: over.length ? quota : null,
      suppressed: [...suppressed],
    };
    if (finish) await finish(tx, report);
    return { report, alerts: outcome.alerts };
  }, { timeout: 120_000 });

  if (options.raiseAlerts !== false) await raiseSpreadAlerts(db, result.alerts);
  return result.report;
}
