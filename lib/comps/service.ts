/**
 * Sold comparables: where they come from (an import, the API, the workspace's own closed
 * deals, a comps provider) and what a deal's comps say about its ARV. A sale is one row per
 * (address, sale date), so repeating an import or a request never doubles it.
 */
import { randomUUID } from "node:crypto";
import type { CompSale, Prisma } from "@/generated/prisma/client";
import type { CompSource } from "@/generated/prisma/enums";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { setDealArvFromComps } from "@/lib/deals/comps-arv";
import { ExpectedError } from "@/lib/errors";
import { nearestArea, placeAddress } from "@/lib/geo";
import { reassessDeals } from "@/lib/scoring/assess";
import { getTenantSettings } from "@/lib/tenants/settings";
import { raiseSpreadAlerts } from "@/lib/underwriting/engine";
import { applyUnderwriting, listOfferPolicies, planUnderwriting } from "@/lib/underwriting/service";
import { areasNear } from "./nearby";
import { compEvidenceOf, COMP_RULES, positionOf, selectComps } from "./rules";
import type { CompSaleInput } from "./schema";
import type { CompCandidate, CompEvidence, CompsEstimate, CompSubject } from "./types";

/** Candidates read for one deal at most: the nearest areas' most recent sales. */
const MAX_CANDIDATES = 2000;
/** Areas whose centre is this far still hold sales within the comp radius of the deal. */
const AREA_SEARCH_KM = COMP_RULES.maxDistanceKm + 10;

/** A validated comp as a CompSale row: its address normalized and placed like a deal's. */
export function toCompSaleRow(input: CompSaleInput, source: CompSource, sourceRef: string | null): Omit<Prisma.CompSaleCreateManyInput, "tenantId"> {
  const placed = placeAddress({ street: input.street, city: input.city ?? null, region: input.region ?? null, postalCode: input.postalCode ?? null, country: input.country ?? null, latitude: input.latitude, longitude: input.longitude });
  return {
    street: placed.street || input.street,
    city: placed.city,
    region: placed.region,
    postalCode: placed.postalCode,
    country: placed.country,
    addressKey: placed.addressKey,
    latitude: placed.latitude,
    longitude: placed.longitude,
    // A sale placed by coordinates alone counts toward the postal area it lies in: comps are read by area.
    areaCode: placed.areaCode ?? (placed.latitude !== null && placed.longitude !== null ? (nearestArea(placed.latitude, placed.longitude)?.areaCode ?? null) : null),
    soldPrice: input.soldPrice,
    soldAt: input.soldAt,
    beds: input.beds ?? null,
    baths: input.baths ?? null,
    sqft: input.sqft ?? null,
    yearBuilt: input.yearBuilt ?? null,
    propertyType: input.propertyType ?? null,
    source,
    sourceRef,
  };
}

export interface AddCompsResult {
  /** Sales stored by this call. */
  created: number;
  /** Sales already on record (same address and sale date), left as they were. */
  duplicates: number;
}

/** Stores sales, skipping those already on record (by address and sale date), inside the caller's transaction. */
export async function insertCompSales(tx: TenantDb | TenantTransaction, rows: Omit<Prisma.CompSaleCreateManyInput, "tenantId">[]): Promise<AddCompsResult> {
  if (rows.length === 0) return { created: 0, duplicates: 0 };
  const { count } = await tx.compSale.createMany({ data: rows, skipDuplicates: true });
  return { created: count, duplicates: rows.length - count };
}

/** `POST /api/v1/comps`: validated sales in bulk, idempotent by address and sale date. */
export async function addComps(db: TenantDb, rows: readonly CompSaleInput[], options: { source?: CompSource; sourceRef?: string | null } = {}): Promise<AddCompsResult> {
  return insertCompSales(db, rows.map((row) => toCompSaleRow(row, options.source ?? "API", options.sourceRef ?? null)));
}

/**
 * A deal that closed is a sale the workspace saw itself: the end buyer paid the contract
 * price (the asking price) plus the assignment fee, on the day it closed. Deals without a
 * price or an address key are left out. Runs in the transaction that closes them.
 */
export async function recordClosedDealComps(tx: TenantTransaction, dealIds: readonly string[]): Promise<AddCompsResult> {
  if (dealIds.length === 0) return { created: 0, duplicates: 0 };
  const deals = await tx.deal.findMany({
    where: { id: { in: [...dealIds] }, status: "CLOSED", askingPrice: { gt: 0 } },
    select: {
      id: true, street: true, city: true, region: true, postalCode: true, country: true, addressKey: true, latitude: true, longitude: true, areaCode: true,
      askingPrice: true, assignmentFee: true, closedAt: true, beds: true, baths: true, sqft: true, yearBuilt: true, propertyType: true,
    },
  });
  return insertCompSales(
    tx,
    deals.map((deal) => ({
      street: deal.street,
      city: deal.city,
      region: deal.region,
      postalCode: deal.postalCode,
      country: deal.country,
      addressKey: deal.addressKey,
      latitude: deal.latitude,
      longitude: deal.longitude,
      areaCode: deal.areaCode,
      soldPrice: deal.askingPrice! + (deal.assignmentFee ?? 0),
      soldAt: deal.closedAt ?? new Date(),
      beds: deal.beds,
      baths: deal.baths,
      sqft: deal.sqft,
      yearBuilt: deal.yearBuilt,
      propertyType: deal.propertyType,
      source: "CLOSED_DEAL" as const,
      sourceRef: deal.id,
    })),
  );
}

export function toCandidate(sale: Pick<CompSale, "id" | "street" | "city" | "postalCode" | "latitude" | "longitude" | "soldPrice" | "soldAt" | "beds" | "baths" | "sqft" | "yearBuilt" | "propertyType" | "source">): CompCandidate {
  return {
    id: sale.id,
    street: sale.street,
    city: sale.city,
    postalCode: sale.postalCode,
    latitude: sale.latitude,
    longitude: sale.longitude,
    soldPrice: sale.soldPrice,
    soldAt: sale.soldAt.toISOString(),
    beds: sale.beds,
    baths: sale.baths,
    sqft: sale.sqft,
    yearBuilt: sale.yearBuilt,
    propertyType: sale.propertyType,
    source: sale.source,
  };
}

const SUBJECT_SELECT = {
  id: true, street: true, city: true, region: true, postalCode: true, country: true, latitude: true, longitude: true, areaCode: true,
  sqft: true, beds: true, baths: true, propertyType: true, yearBuilt: true, addressKey: true,
} as const;

/**
 * The deal as a comps subject and its estimate from the workspace's sales: candidates are
 * read from the postal areas within reach of the deal (its own area at least), sold within
 * the widened window, newest first and bounded; the deal's own sale is not its comp. Null
 * for a deal that does not exist (or is deleted).
 */
export async function compsForDeal(db: TenantDb | TenantTransaction, dealId: string, now = new Date()): Promise<{ subject: CompSubject; estimate: CompsEstimate } | null> {
  const deal = await db.deal.findFirst({ where: { id: dealId, deletedAt: null }, select: SUBJECT_SELECT });
  if (!deal) return null;
  const subject: CompSubject = {
    latitude: deal.latitude,
    longitude: deal.longitude,
    postalCode: deal.postalCode,
    country: deal.country,
    sqft: deal.sqft,
    beds: deal.beds,
    baths: deal.baths,
    propertyType: deal.propertyType,
    yearBuilt: deal.yearBuilt,
  };
  const at = positionOf(subject);
  const areas = new Set<string>(at ? areasNear(at.latitude, at.longitude, AREA_SEARCH_KM) : []);
  if (deal.areaCode) areas.add(deal.areaCode);
  if (areas.size === 0) return { subject, estimate: selectComps(subject, [], now) };
  const since = new Date(now.getTime());
  since.setUTCMonth(since.getUTCMonth() - COMP_RULES.widenedMonths);
  const sales = await db.compSale.findMany({
    where: { areaCode: { in: [...areas] }, soldAt: { gte: since, lte: now }, addressKey: { not: deal.addressKey } },
    orderBy: [{ soldAt: "desc" }, { id: "asc" }],
    take: MAX_CANDIDATES,
  });
  return { subject, estimate: selectComps(subject, sales.map(toCandidate), now) };
}

export interface UseCompsArvResult {
  arv: number;
  previousArv: number | null;
  comps: CompEvidence;
  /** Whether an enabled offer policy priced the deal (a new evidence row); why not otherwise. */
  underwriting: { ok: true; correlationId: string; mao: number; recommendedOffer: number; spread: number } | { ok: false; reason: string };
}

/**
 * Sets the deal's ARV to its comps estimate (arvSource "comps"), re-underwrites it with a
 * NEW evidence row that carries the comps and the assumptions (old rows are never touched),
 * re-scores it, and audits the decision; one transaction.
 */
export async function useCompsArv(db: TenantDb, ctx: AuditContext, dealId: string, now = new Date()): Promise<UseCompsArvResult> {
  const found = await compsForDeal(db, dealId, now);
  if (!found) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  const comps = compEvidenceOf(found.estimate);
  if (!comps) {
    const why = found.subject.sqft ? "No sold comps fit this deal yet: import sold comps near it first." : "Give the deal its square feet first: comps price it per square foot.";
    throw new ExpectedError("conflict", why, "arv");
  }
  const [deal, policies, settings] = await Promise.all([
    db.deal.findFirstOrThrow({ where: { id: dealId }, select: { id: true, region: true, market: true, arv: true, repairs: true, askingPrice: true, arvSource: true } }),
    listOfferPolicies(db),
    getTenantSettings(db),
  ]);
  const plan = planUnderwriting({ ...deal, arv: comps.arv }, policies, { source: "comps", comps });
  const correlationId = randomUUID();
  const report = await db.$transaction(
    async (tx) => {
      await setDealArvFromComps(tx, dealId, comps.arv, { clearOffer: !plan.ok });
      const outcome = plan.ok ? await applyUnderwriting(tx, [plan], correlationId, settings.spreadAlertThreshold) : null;
      await reassessDeals(tx, [dealId], now);
      await recordAudit(
        tx,
        {
          action: "deal.arv_from_comps",
          entity: "Deal",
          entityId: dealId,
          before: { arv: deal.arv, arvSource: deal.arvSource },
          after: { arv: comps.arv, arvSource: "comps", low: comps.low, high: comps.high, confidence: comps.confidence, comps: comps.comps.length, reunderwritten: plan.ok ? "priced" : plan.reason },
        },
        ctx,
      );
      return outcome;
    },
    { timeout: 30_000 },
  );
  if (report) await raiseSpreadAlerts(db, report.alerts);
  return {
    arv: comps.arv,
    previousArv: deal.arv,
    comps,
    underwriting: plan.ok
      ? { ok: true, correlationId, mao: plan.result.mao, recommendedOffer: plan.result.recommendedOffer, spread: plan.result.spread }
      : { ok: false, reason: plan.reason.replaceAll("_", " ") },
  };
}

/** One batch of a sold-comps import: its valid rows stored as IMPORT sales of the job, inside the batch's transaction. */
export async function importCompRows(tx: TenantTransaction, rows: readonly CompSaleInput[], jobId: string): Promise<AddCompsResult> {
  return insertCompSales(tx, rows.map((row) => toCompSaleRow(row, "IMPORT", jobId)));
}
