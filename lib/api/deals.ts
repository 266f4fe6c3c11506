import type { TenantDb } from "@/lib/db/tenant";
import type { AuditContext } from "@/lib/audit/service";
import { editDeal } from "@/lib/deals/edit";
import type { DealEditInput } from "@/lib/deals/schema";
import { findDeal } from "@/lib/deals/service";
import { ExpectedError } from "@/lib/errors";
import { intakeDeals } from "@/lib/intake/service";
import { SUPPRESSED_MESSAGE } from "@/lib/privacy/suppression";
import { noteFormCaptures } from "@/lib/signals/observed";
import { propertyQuotaExceeded } from "@/lib/plans/quota";
import type { DealInput } from "@/lib/intake/schema";
import { PROSPECT_COLUMNS } from "@/lib/prospects/query";

/** POST /api/v1/deals: one deal; a duplicate address gives back the existing deal. */
export async function createDealFromApi(db: TenantDb, deal: DealInput, requestId: string) {
  const report = await intakeDeals(db, [{ deal, raw: { api: deal, requestId } }], {
    source: "API",
    sourceRef: requestId,
    // One lead posted on its own is how a web form reaches Dealflow: a form capture. A batch is a list sync, not a signal.
    onInserted: (tx, created) => noteFormCaptures(tx, { dealIds: created.map((d) => d.id), at: new Date(), ref: requestId }).then(() => undefined),
  });
  if (report.quota && report.overQuota.length) throw propertyQuotaExceeded(report.quota);
  if (report.suppressed.length) throw new ExpectedError("invalid", `${SUPPRESSED_MESSAGE}.`, deal.contactPhone ? "contactPhone" : "contactEmail");
  const created = report.created[0];
  if (created) return { duplicate: false, deal: await getDealForApi(db, created.id) };
  const existingId = report.duplicates[0]?.existingId;
  return { duplicate: true, deal: existingId ? await getDealForApi(db, existingId) : null };
}

/**
 * POST /api/v1/deals/batch: up to 1000 deals in one transaction. Past the plan's monthly
 * quota the deals that fit are kept and the rest listed in `overQuota` by index; a batch
 * of which none fits is refused with 429.
 */
export async function createDealsFromApi(db: TenantDb, deals: DealInput[], requestId: string) {
  const report = await intakeDeals(db, deals.map((deal, index) => ({ deal, raw: { api: deal, requestId, index } })), { source: "API", sourceRef: requestId });
  const refusal = report.quota && report.overQuota.length ? propertyQuotaExceeded(report.quota) : null;
  if (refusal && report.created.length === 0) throw refusal;
  return {
    created: report.created,
    duplicates: report.duplicates,
    underwritten: report.underwritten,
    correlationId: report.correlationId,
    overQuota: refusal ? report.overQuota.map(({ index }) => ({ index, error: refusal.message })) : [],
    ...(refusal ? { quota: refusal.limit } : {}),
  };
}

export async function getDealForApi(db: TenantDb, id: string) {
  const deal = await findDeal(db, id, {
    ...PROSPECT_COLUMNS, timeZone: true, yearBuilt: true, contactName: true, contactPhone: true, contactEmail: true, provenance: true,
  });
  if (!deal) throw new ExpectedError("not_found", "No such deal");
  return deal;
}

/** PATCH /api/v1/deals/{id}: the fields given change, the deal comes back with what changed and any new offer. */
export async function editDealFromApi(db: TenantDb, dealId: string, input: DealEditInput, ctx: AuditContext) {
  const result = await editDeal(db, ctx, dealId, input);
  return { ...result, deal: await getDealForApi(db, dealId) };
}
