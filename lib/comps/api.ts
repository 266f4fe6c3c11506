import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { compsForDeal } from "./service";

/** `GET /api/v1/deals/{dealId}/comps`: the deal as a subject, its comps and the ARV they support. 404 for a deal not in the workspace. */
export async function dealCompsForApi(db: TenantDb, dealId: string, now = new Date()) {
  const found = await compsForDeal(db, dealId, now);
  if (!found) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  const { comps, arv, low, high, confidence, windowMonths, excluded } = found.estimate;
  return { dealId, subject: found.subject, comps, arv, low, high, confidence, windowMonths, excluded };
}
