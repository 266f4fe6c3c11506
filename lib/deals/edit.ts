/**
 * Editing a deal's fields by hand. A new address is placed again (market, time zone); a
 * new price, ARV or repairs (or a new market) re-underwrites the deal with a fresh evidence
 * row, in the same transaction as the edit.
 */
import { randomUUID } from "node:crypto";
import type { Deal, Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { placeAddress } from "@/lib/geo";
import { reassessDeals } from "@/lib/scoring/assess";
import { getTenantSettings } from "@/lib/tenants/settings";
import { raiseSpreadAlerts } from "@/lib/underwriting/engine";
import { applyUnderwriting, listOfferPolicies, planUnderwriting, type UnderwritingPlan } from "@/lib/underwriting/service";
import { DEAL_EDIT_FIELDS, type DealEditInput } from "./schema";

const ADDRESS_FIELDS = ["street", "unit", "city", "region", "postalCode", "country"] as const;
const PRICING_FIELDS = ["askingPrice", "arv", "repairs", "region", "market"] as const;

type Values = Partial<Record<keyof Deal, unknown>>;

/** Pure: the deal's columns after the edit (address placed again when it changed). */
export function applyEdit(deal: Deal, input: DealEditInput): Values {
  const next: Values = {};
  for (const field of DEAL_EDIT_FIELDS) {
    const value = input[field];
    if (value !== undefined) next[field] = value;
  }
  // The score a person types is the source's; the lead score itself is computed (lib/scoring).
  if ("score" in next) {
    next.sourceScore = next.score;
    delete next.score;
  }
  if ("contactPhone" in next) next.contactPhone = normalizePhone(next.contactPhone as string | null) ?? next.contactPhone;
  if ("contactEmail" in next) next.contactEmail = normalizeEmail(next.contactEmail as string | null) ?? next.contactEmail;
  if (ADDRESS_FIELDS.some((f) => f in next && next[f] !== deal[f])) {
    const merged = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, (f in next ? next[f] : deal[f]) ?? null])) as Record<(typeof ADDRESS_FIELDS)[number], string | null>;
    if (!merged.postalCode && !(merged.city && merged.region)) {
      throw new ExpectedError("invalid", "Give a ZIP/postal code, or a city and a state/province", "postalCode");
    }
    Object.assign(next, placeAddress({ ...merged, street: merged.street ?? "" }));
  }
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== deal[key as keyof Deal]));
}

function withEditedProvenance(provenance: Prisma.JsonValue | null, fields: string[], actor: string): Prisma.InputJsonValue {
  const base = provenance && typeof provenance === "object" && !Array.isArray(provenance) ? { ...provenance } : {};
  for (const field of fields) (base as Record<string, unknown>)[field] = { confidence: null, source: `Edited by ${actor}` };
  return base as Prisma.InputJsonValue;
}

export interface EditResult {
  changed: string[];
  /** Present when the edit re-priced the deal. */
  underwriting: { ok: true; evidenceCorrelationId: string; spread: number } | { ok: false; reason: string } | null;
}

export async function editDeal(db: TenantDb, ctx: AuditContext, dealId: string, input: DealEditInput): Promise<EditResult> {
  const deal = await db.deal.findFirst({ where: { id: dealId, deletedAt: null } });
  if (!deal) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  const changes = applyEdit(deal, input);
  const changed = Object.keys(changes).filter((k) => k !== "addressKey");
  if (changed.length === 0) return { changed: [], underwriting: null };

  if (typeof changes.addressKey === "string") {
    const taken = await db.deal.findFirst({ where: { addressKey: changes.addressKey, id: { not: deal.id } }, select: { id: true, deletedAt: true } });
    if (taken) throw new ExpectedError("conflict", taken.deletedAt ? "A deleted deal holds this address; restore it instead." : "Another deal already has this address.", "street");
  }
  const after = { ...deal, ...changes } as Deal;
  const reprice = PRICING_FIELDS.some((f) => f in changes);
  const [policies, settings] = reprice ? await Promise.all([listOfferPolicies(db), getTenantSettings(db)]) : [[], null];
  const plan: UnderwritingPlan | null = reprice ? planUnderwriting(after, policies) : null;
  const correlationId = randomUUID();

  const outcome = await db.$transaction(async (tx) => {
    // An ARV typed by hand is the deal's own again, whatever comps priced it before.
    const arvSource = "arv" in changes ? { arvSource: changes.arv === null ? null : "entered" } : {};
    const data = { ...changes, ...arvSource, provenance: withEditedProvenance(deal.provenance, changed, ctx.actorEmail ?? "hand") } as Prisma.DealUpdateManyMutationInput;
    await tx.deal.updateMany({ where: { id: deal.id, deletedAt: null }, data });
    let report = null;
    if (plan?.ok) report = await applyUnderwriting(tx, [plan], correlationId, settings!.spreadAlertThreshold);
    else if (plan) {
      // The stored offer was priced from numbers that no longer hold; no offer is the truthful answer.
      await tx.deal.updateMany({ where: { id: deal.id }, data: { mao: null, recommendedOffer: null, spread: null, spreadRatio: null, strategy: null } });
    }
    // Any field may move the score or a quality flag (a price, a phone, the market): assess again.
    await reassessDeals(tx, [deal.id], new Date());
    const pick = (row: Values) => Object.fromEntries(changed.map((k) => [k, row[k as keyof Deal] ?? null]));
    await recordAudit(
      tx,
      { action: "deal.edited", entity: "Deal", entityId: deal.id, before: pick(deal), after: { ...pick(after), ...(plan ? { reunderwritten: plan.ok ? "priced" : plan.reason } : {}) } },
      ctx,
    );
    return report;
  });
  if (outcome) await raiseSpreadAlerts(db, outcome.alerts);
  return {
    changed,
    underwriting: !plan ? null : plan.ok ? { ok: true, evidenceCorrelationId: correlationId, spread: plan.result.spread } : { ok: false, reason: plan.reason.replaceAll("_", " ") },
  };
}
