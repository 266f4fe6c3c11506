/**
 * Writing buyers: create, edit, soft delete, each audited in the same transaction. A buyer's
 * time zone follows its buy box so contact windows can be judged in the buyer's local time.
 */
import type { Buyer, Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { caMarketTimeZone, getRegion, resolveGeo, US_METROS } from "@/lib/geo";
import { recordIntakeConsent, type IntakeConsent } from "@/lib/outbound/intake-consent";
import { buyerContacts } from "./consent";
import { parseMarketKey, type BuyerInput, type BuyerPatch } from "./schema";

/** The normalized phones and emails that identify a buyer within a workspace (CSV import reuses it). */
export function buyerDedupeKeys(input: { phones?: readonly string[] | null; emails?: readonly string[] | null }): { phones: string[]; emails: string[] } {
  return { phones: [...new Set(input.phones ?? [])], emails: [...new Set((input.emails ?? []).map((e) => e.toLowerCase()))] };
}

/**
 * The zone a buyer is reached in: its first market's (a Canadian market's own zone, a US
 * metro's, else the region's main zone), else its first postal code's. Null when neither
 * says; there is no reliable zone for a bare phone number (area codes are portable).
 */
export function buyerTimeZone(buyBox: { markets?: readonly string[] | null; postalCodes?: readonly string[] | null }): string | null {
  const first = buyBox.markets?.map(parseMarketKey).find((m) => m !== null);
  if (first) {
    const region = getRegion(first.region);
    if (region?.country === "CA") return caMarketTimeZone(first.market) ?? region.timeZones[0] ?? null;
    const metro = US_METROS.find((m) => m.name.toLowerCase() === first.market.toLowerCase());
    if (metro && region?.timeZones.includes(metro.timeZone)) return metro.timeZone;
    return region?.timeZones[0] ?? null;
  }
  for (const postalCode of buyBox.postalCodes ?? []) {
    const geo = resolveGeo({ postalCode });
    if (geo.timeZone) return geo.timeZone;
  }
  return null;
}

/** Refuses a phone or email already on another live buyer of the workspace, naming the field. */
async function assertNoDuplicate(db: TenantDb, keys: { phones: string[]; emails: string[] }, exceptId?: string) {
  const checks = [
    { field: "phones" as const, values: keys.phones },
    { field: "emails" as const, values: keys.emails },
  ];
  for (const { field, values } of checks) {
    if (values.length === 0) continue;
    const taken = await db.buyer.findFirst({
      where: { deletedAt: null, [field]: { hasSome: values }, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { name: true, phones: true, emails: true },
    });
    if (taken) {
      const value = values.find((v) => taken[field].includes(v));
      throw new ExpectedError("conflict", `${value} is already on buyer ${taken.name}`, field);
    }
  }
}

/** A member of the workspace, or a 422 on the owner field. */
async function assertOwner(db: TenantDb, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const member = await db.membership.findFirst({ where: { userId: ownerId }, select: { id: true } });
  if (!member) throw new ExpectedError("invalid", "The owner must be a member of this workspace", "ownerId");
}

/** Form and API leave out what they do not set; these are the stored defaults. */
function createData(input: BuyerInput, source: string) {
  return {
    name: input.name,
    company: input.company ?? null,
    phones: input.phones ?? [],
    emails: input.emails ?? [],
    status: input.status ?? "ACTIVE",
    proofOfFundsAmount: input.proofOfFundsAmount ?? null,
    proofOfFundsVerifiedAt: input.proofOfFundsVerifiedAt ?? null,
    closingDays: input.closingDays ?? null,
    tags: input.tags ?? [],
    notes: input.notes ?? null,
    ownerId: input.ownerId ?? null,
    markets: input.markets ?? [],
    postalCodes: input.postalCodes ?? [],
    priceMin: input.priceMin ?? null,
    priceMax: input.priceMax ?? null,
    propertyTypes: input.propertyTypes ?? [],
    strategies: input.strategies ?? [],
    rehabAppetite: input.rehabAppetite ?? "ANY",
    minSpread: input.minSpread ?? null,
    timeZone: buyerTimeZone(input),
    source,
  };
}

/**
 * A new buyer, with the consent it gave (the form's consent questions, the API's `consent`)
 * recorded for each of its phones (SMS) and emails (EMAIL) in the same transaction: a blast
 * must find it, and a buyer is never on record without the consent it came with. An opt-out
 * already on record for an address is kept.
 */
export async function createBuyer(
  db: TenantDb,
  input: BuyerInput,
  actor: AuditContext,
  options: { source?: string; consent?: IntakeConsent | null } = {},
): Promise<Buyer> {
  await assertNoDuplicate(db, buyerDedupeKeys(input));
  await assertOwner(db, input.ownerId);
  const data = createData(input, options.source ?? "manual");
  const { consent } = options;
  return db.$transaction(async (tx) => {
    const buyer = await tx.buyer.create({ data: data as Prisma.BuyerUncheckedCreateInput });
    const summary = consent ? { given: consent.given, source: consent.source, basis: consent.basis ?? null } : null;
    await recordAudit(tx, { action: "buyer.created", entity: "Buyer", entityId: buyer.id, after: { ...data, consent: summary } }, actor);
    if (consent) await recordIntakeConsent(tx, buyerContacts(buyer), consent, actor);
    return buyer;
  });
}

/** The live buyer, or a 404 (another workspace's buyer is as missing as a deleted one). */
export async function getBuyer(db: TenantDb, id: string): Promise<Buyer> {
  const buyer = await db.buyer.findFirst({ where: { id, deletedAt: null } });
  if (!buyer) throw new ExpectedError("not_found", "This buyer does not exist", "buyerId");
  return buyer;
}

const PATCH_FIELDS = [
  "name", "company", "phones", "emails", "status", "proofOfFundsAmount", "proofOfFundsVerifiedAt", "closingDays", "tags", "notes", "ownerId",
  "markets", "postalCodes", "priceMin", "priceMax", "propertyTypes", "strategies", "rehabAppetite", "minSpread",
] as const satisfies readonly (keyof BuyerPatch & keyof Buyer)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateBuyer(db: TenantDb, id: string, patch: BuyerPatch, actor: AuditContext): Promise<{ buyer: Buyer; changed: string[] }> {
  const buyer = await getBuyer(db, id);
  const changes: Record<string, unknown> = {};
  for (const field of PATCH_FIELDS) {
    if (patch[field] === undefined) continue;
    // A list or enum field sent as null is cleared to its empty value, not stored as null.
    const value = patch[field] ?? (Array.isArray(buyer[field]) ? [] : field === "rehabAppetite" ? "ANY" : field === "status" ? "ACTIVE" : null);
    if (!same(value, buyer[field])) changes[field] = value;
  }
  const merged = { ...buyer, ...changes } as Buyer;
  if (merged.priceMin != null && merged.priceMax != null && merged.priceMin > merged.priceMax) {
    throw new ExpectedError("invalid", "Minimum price is above the maximum price", "priceMin");
  }
  if (merged.name === null || merged.name === "") throw new ExpectedError("invalid", "Name is required", "name");
  const changed = Object.keys(changes);
  if (changed.length === 0) return { buyer, changed };
  if ("phones" in changes || "emails" in changes) {
    await assertNoDuplicate(db, buyerDedupeKeys({ phones: "phones" in changes ? merged.phones : [], emails: "emails" in changes ? merged.emails : [] }), id);
  }
  if ("ownerId" in changes) await assertOwner(db, merged.ownerId);
  if ("markets" in changes || "postalCodes" in changes) {
    const timeZone = buyerTimeZone(merged);
    if (timeZone !== buyer.timeZone) changes.timeZone = timeZone;
  }
  return db.$transaction(async (tx) => {
    await tx.buyer.updateMany({ where: { id, deletedAt: null }, data: changes as Prisma.BuyerUpdateManyMutationInput });
    const pick = (row: Record<string, unknown>) => Object.fromEntries(Object.keys(changes).map((k) => [k, row[k] ?? null]));
    await recordAudit(tx, { action: "buyer.edited", entity: "Buyer", entityId: id, before: pick(buyer), after: pick(changes) }, actor);
    const updated = await tx.buyer.findFirstOrThrow({ where: { id } });
    return { buyer: updated, changed };
  });
}

/** Soft delete: the buyer leaves every list, segment and match; its history stays. */
export async function deleteBuyer(db: TenantDb, id: string, actor: AuditContext): Promise<{ id: string }> {
  const buyer = await getBuyer(db, id);
  await db.$transaction(async (tx) => {
    await tx.buyer.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
    await recordAudit(tx, { action: "buyer.deleted", entity: "Buyer", entityId: id, before: { name: buyer.name } }, actor);
  });
  return { id };
}
