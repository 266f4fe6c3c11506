import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { regionTimeZones } from "@/lib/geo/regions";
import { listMarketPolicies, resolveEffectivePolicy, type PolicyRecord } from "@/lib/policy";
import { findTenantName } from "@/lib/tenants/profile";
import type { PolicyContext } from "./schedule";

/** The deal columns the ladder reads. */
export const LADDER_DEAL_SELECT = {
  id: true,
  status: true,
  region: true,
  market: true,
  timeZone: true,
  score: true,
  ownerId: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  street: true,
  city: true,
  areaCode: true,
  postalCode: true,
} as const;

export interface LadderDeal {
  id: string;
  region: string | null;
  market: string | null;
  timeZone: string | null;
  score: number | null;
  ownerId: string | null;
  contactName: string | null;
  street: string | null;
  city: string | null;
}

/** The lead's zone when known, else every zone of its region (contact must suit them all). */
export function leadTimeZones(deal: Pick<LadderDeal, "timeZone" | "region">): readonly string[] {
  if (deal.timeZone) return [deal.timeZone];
  return deal.region ? regionTimeZones(deal.region) : [];
}

/** The policy context of each deal from one read of the tenant's policies. */
export function policyContextOf(deal: LadderDeal, policies: readonly PolicyRecord[]): PolicyContext {
  const policy = deal.region ? resolveEffectivePolicy(policies, deal.region, deal.market) : null;
  return { policy, timeZones: leadTimeZones(deal), score: deal.score };
}

export async function loadPolicies(db: TenantDb): Promise<PolicyRecord[]> {
  return listMarketPolicies(db);
}

/** The name SMS templates sign with: the workspace's name. */
export async function senderNameOf(db: TenantDb | TenantTransaction): Promise<string> {
  return (await findTenantName(db)) ?? "our team";
}
