import { z } from "zod";
import { resolveGeo } from "@/lib/geo";
import { MarketName, RegionCode } from "@/lib/policy";

export const EffectivePolicyQuery = z.object({ region: RegionCode, market: MarketName.optional() });

/** The lead's zone from its ZIP or postal code, for the contact gate. */
export function timeZoneOfPostalCode(postalCode: string): string | null {
  return resolveGeo({ postalCode }).timeZone;
}
