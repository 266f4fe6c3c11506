import type { TenantDb } from "@/lib/db/tenant";
import { seedMarketPolicies } from "@/lib/policy/service";
import { seedOfferPolicies } from "@/lib/underwriting/service";

/**
 * Everything a workspace needs to work: the 64 regional market policies (contact rules)
 * and the offer policies (disabled until an admin enables them). Idempotent, so it also
 * brings older workspaces up to date.
 */
export async function ensureTenantDefaults(db: TenantDb) {
  const [market, offers] = await Promise.all([seedMarketPolicies(db), seedOfferPolicies(db)]);
  return { marketPolicies: market.created, offerPolicies: offers.created };
}
