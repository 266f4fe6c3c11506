/**
 * The demo workspace's GovCon profile: a small construction and facilities contractor in
 * the Ohio valley. Seeded first, so the demo sync scores the fixture feed against it.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { GovConProfileInput } from "./profile-schema";

/** Also the profile the fit-scoring bench scores against. */
export const DEMO_GOVCON_PROFILE = GovConProfileInput.parse({
  naicsCodes: ["236220", "2382", "238210", "561720", "561730", "5617"],
  pscCodes: ["Y", "Z"],
  setAsides: ["SBA"],
  keywords: ["roof", "renovation", "HVAC", "janitorial", "grounds maintenance", "repair", "paving", "custodial"],
  excludedKeywords: ["software", "aircraft", "satellite"],
  states: ["OH", "IN", "KY", "PA", "MI", "TN"],
  valueMinDollars: 25_000,
  valueMaxDollars: 5_000_000,
  capabilityStatement:
    "Small general contractor and facilities services firm: roofing, interior renovation, HVAC and electrical upgrades, janitorial and grounds maintenance for federal, state and municipal buildings across the Ohio valley. Bonded to $5M; 40 employees; past performance with VA medical centers and Army Reserve centers.",
  prepDays: 14,
  descriptionMinFit: 50,
});

export async function seedDemoGovConProfile(db: TenantDb): Promise<void> {
  const data = { ...DEMO_GOVCON_PROFILE, valueMinDollars: DEMO_GOVCON_PROFILE.valueMinDollars ?? null, valueMaxDollars: DEMO_GOVCON_PROFILE.valueMaxDollars ?? null };
  await db.govConProfile.upsert({ where: { tenantId: db.tenantId }, create: data, update: {}, select: { id: true } });
}
