/**
 * Which comps provider a workspace uses: RentCast when its credentials are set (on
 * Integrations, or COMPS_API_KEY); none by default: comps then come from imports, the API
 * and the workspace's closed deals only.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials } from "../credentials";
import { rentCastCompsProvider } from "./rentcast";
import type { CompsProvider } from "./types";

export type { CompsProvider, ProviderSale, SoldCompsQuery } from "./types";
export { CompsProviderError } from "./types";
export { rentCastCompsProvider, RENTCAST_BASE_URL } from "./rentcast";

export async function compsProviderFor(db: TenantDb, env: Record<string, string | undefined> = process.env): Promise<CompsProvider | null> {
  const resolved = await resolveProviderCredentials(db, "COMPS", env);
  if (resolved.source === "local") return null;
  return rentCastCompsProvider({ apiKey: resolved.credentials.apiKey, baseUrl: resolved.credentials.baseUrl });
}
