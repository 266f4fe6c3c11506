/**
 * The profile as GET and PUT /api/v1/govcon/profile answer it: the stored profile (null
 * before one is saved) and the fit weights in force.
 */
import type { AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { resolveFitWeights, type FitWeights } from "./fit-weights";
import { loadGovConProfile, saveGovConProfile } from "./profile";
import type { GovConProfileDocument } from "./profile-document";
import type { GovConProfileView } from "./profile-schema";

export interface GovConProfileResponse {
  profile: GovConProfileView | null;
  weights: FitWeights;
}

export async function readProfileResponse(db: TenantDb): Promise<GovConProfileResponse> {
  const profile = await loadGovConProfile(db);
  return { profile, weights: resolveFitWeights(profile?.fitWeights) };
}

export async function replaceProfile(db: TenantDb, document: GovConProfileDocument, ctx: AuditContext): Promise<GovConProfileResponse> {
  const profile = await saveGovConProfile(db, { ...document, fitWeights: document.fitWeights ?? {} }, ctx);
  return { profile, weights: resolveFitWeights(profile.fitWeights) };
}
