/**
 * The workspace's GovCon profile: what it bids on, and the weights of its fit score. One row
 * per tenant; saving it (or its weights) is audited and scores the stored opportunities again.
 */
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { FitWeightOverrides, fitWeightOverrides, resolveFitWeights, type FitWeights } from "./fit-weights";
import { GovConProfileDocument } from "./profile-document";
import type { GovConProfileInput, GovConProfileView } from "./profile-schema";
import { rescoreOpportunities } from "./rescore";

const PROFILE_SELECT = {
  id: true,
  naicsCodes: true,
  pscCodes: true,
  setAsides: true,
  keywords: true,
  excludedKeywords: true,
  states: true,
  valueMinDollars: true,
  valueMaxDollars: true,
  capabilityStatement: true,
  prepDays: true,
  descriptionMinFit: true,
  fitWeights: true,
} as const;

type ProfileRow = Prisma.GovConProfileGetPayload<{ select: typeof PROFILE_SELECT }>;

function viewOf(row: ProfileRow): GovConProfileView {
  const { id: _id, fitWeights, ...fields } = row;
  return { ...fields, fitWeights: fitWeightOverrides(resolveFitWeights(fitWeights as Record<string, unknown>)) };
}

function invalid(error: { issues: { message: string; path: PropertyKey[] }[] }, fallbackField: string): ExpectedError {
  const issue = error.issues[0];
  return new ExpectedError("invalid", issue.message, issue.path.length ? issue.path.map(String).join(".") : fallbackField);
}

export async function loadGovConProfile(db: TenantDb | TenantTransaction): Promise<GovConProfileView | null> {
  const row = await db.govConProfile.findUnique({ where: { tenantId: db.tenantId }, select: PROFILE_SELECT });
  return row ? viewOf(row) : null;
}

/** The weights in force for this workspace: the defaults with its changes. */
export async function loadFitWeights(db: TenantDb): Promise<FitWeights> {
  return resolveFitWeights((await loadGovConProfile(db))?.fitWeights);
}

/** Fields whose value differs, for the audit line. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

async function writeProfile(
  db: TenantDb,
  data: Omit<Prisma.GovConProfileUncheckedCreateInput, "tenantId">,
  ctx: AuditContext,
  action: string,
): Promise<GovConProfileView> {
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.govConProfile.findUnique({ where: { tenantId: tx.tenantId }, select: PROFILE_SELECT });
    const row = await tx.govConProfile.upsert({
      where: { tenantId: tx.tenantId },
      create: data,
      update: data,
      select: PROFILE_SELECT,
    });
    const beforeFields: Record<string, unknown> = before ?? {};
    const afterFields: Record<string, unknown> = row;
    const changed = changedFields(beforeFields, Object.fromEntries(Object.keys(data).map((key) => [key, afterFields[key]])));
    if (changed.length > 0 || !before) {
      await recordAudit(
        tx,
        {
          action,
          entity: "GovConProfile",
          entityId: row.id,
          before: before ? Object.fromEntries(changed.map((key) => [key, beforeFields[key]])) : null,
          after: Object.fromEntries(changed.map((key) => [key, afterFields[key]])),
        },
        ctx,
      );
    }
    return { view: viewOf(row), changed: changed.length > 0 };
  });
  if (saved.changed) await rescoreOpportunities(db, saved.view, new Date());
  return saved.view;
}

/**
 * Creates or replaces the profile. With `fitWeights` (the API and the CLI's document), the
 * weights are replaced too: those not named return to their default; without, they stay.
 */
export async function saveGovConProfile(
  db: TenantDb,
  input: GovConProfileInput & { fitWeights?: FitWeightOverrides },
  ctx: AuditContext,
): Promise<GovConProfileView> {
  const parsed = GovConProfileDocument.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, "profile");
  const { fitWeights, ...fields } = parsed.data;
  const data = {
    ...fields,
    valueMinDollars: fields.valueMinDollars ?? null,
    valueMaxDollars: fields.valueMaxDollars ?? null,
    ...(fitWeights ? { fitWeights: fitWeightOverrides(fitWeights) } : {}),
  };
  return writeProfile(db, data, ctx, "govcon.profile_updated");
}

/** Saves the fit weights (every one, or those to change); only those that differ from the defaults are kept. */
export async function saveFitWeights(db: TenantDb, weights: Partial<FitWeights>, ctx: AuditContext): Promise<GovConProfileView> {
  const parsed = FitWeightOverrides.safeParse(weights);
  if (!parsed.success) throw invalid(parsed.error, "fitWeights");
  const current = await loadFitWeights(db);
  return writeProfile(db, { fitWeights: fitWeightOverrides({ ...current, ...parsed.data }) }, ctx, "govcon.fit_weights_updated");
}

/** Puts every weight back to its default. */
export async function resetFitWeights(db: TenantDb, ctx: AuditContext): Promise<GovConProfileView> {
  return writeProfile(db, { fitWeights: {} }, ctx, "govcon.fit_weights_updated");
}

