/**
 * Every SAM.gov request of the GovCon desk goes through here: the client for the
 * workspace's account, and the budget counted before each request is sent.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { SAM_GOV_BASE_URL, samGovBaseUrl, samGovClient, SamGovError, type SamGovClient } from "@/lib/providers/samgov/client";
import { fixtureSamGovFetch } from "@/lib/providers/samgov/fixture";
import { recordSamGovAnswer, takeSamGovRequest, type SamGovAccount } from "./quota";

type Env = Record<string, string | undefined>;

/** The client for the account: SAM.gov (or SAM_GOV_API_URL) with a key, else the fixture feed. */
export function clientFor(account: SamGovAccount, options: { fetchImpl?: typeof fetch; env?: Env; now: Date }): SamGovClient {
  if (account.source === "fixture") {
    return samGovClient({ apiKey: account.apiKey, baseUrl: SAM_GOV_BASE_URL, fetchImpl: options.fetchImpl ?? fixtureSamGovFetch(() => options.now) });
  }
  return samGovClient({ apiKey: account.apiKey, baseUrl: samGovBaseUrl(options.env), fetchImpl: options.fetchImpl });
}

/**
 * Sends one request within the budget: counted first, its answer recorded after. Returns
 * `refused` when the budget does not allow it; throws SamGovError for an answer other than 200.
 */
export async function withinBudget<T>(db: TenantDb, account: SamGovAccount, now: Date, request: () => Promise<T>): Promise<{ value: T } | { refused: "budget" | "throttled" }> {
  const take = await takeSamGovRequest(db, account, now);
  if (!take.ok) return { refused: take.reason === "throttled" ? "throttled" : "budget" };
  try {
    const value = await request();
    await recordSamGovAnswer(db, account, { status: 200, message: null }, now);
    return { value };
  } catch (error) {
    if (error instanceof SamGovError) await recordSamGovAnswer(db, account, { status: error.status, message: error.message }, now);
    throw error;
  }
}
