import type { TenantDb } from "@/lib/db/tenant";
import { seedMarketPolicies } from "@/lib/policy/service";
import { seedOfferPolicies } from "@/lib/underwriting/service";

/**
 * Everything a workspace needs to work: the 64 regional market policies (contact rules)
 * and the offer policies (disabled until an admin enables them). Idempotent, so it also
 * brings older workspaces up to date; `audited: false` when the caller's own audit line
 * (tenant.created) already records the workspace being set up.
 */
export async function ensureTenantDefaults(db: TenantDb, options: { audited?: boolean } = {}) {
  const [market, offers] = await Promise.all([
    seedMarketPolicies(db, options.audited === false ? null : undefined),
    seedOfferPolicies(db),
  ]);
  return { marketPolicies: market.created, offerPolicies: offers.created };
}
