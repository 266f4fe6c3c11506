/**
 * The prospects table's bulk actions that belong to other areas: start the follow-up ladder
 * (lib/ladder) and put the leads' phone numbers and emails on the do-not-contact list
 * (lib/outbound). Each reports, per deal, what changed and what was refused and why, in the
 * same shape as the deal workflow's bulk changes.
 */
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { findDealsByIds } from "@/lib/deals/service";
import type { BulkResult } from "@/lib/deals/workflow";
import { ExpectedError } from "@/lib/errors";
import { START_SKIP_LABELS, startLadders, type StartResult } from "@/lib/ladder/lifecycle";
import { addDoNotContact } from "@/lib/outbound";

const DealIds = z.array(z.string().min(1)).min(1, "Choose at least one deal").max(500, "At most 500 deals at a time");

export const BulkDealsInput = z.object({ dealIds: DealIds });
export type BulkDealsInput = z.infer<typeof BulkDealsInput>;

export const BulkDoNotContactInput = z.object({
  dealIds: DealIds,
  reason: z.string({ error: "Say why" }).trim().min(3, "Say why (at least 3 characters)").max(500, "Keep the reason under 500 characters"),
});
export type BulkDoNotContactInput = z.infer<typeof BulkDoNotContactInput>;

export type { BulkResult };

/** Starts the workspace's ladder for each deal that has none running. */
export async function startLaddersForDeals(db: TenantDb, ctx: AuditContext, input: BulkDealsInput, now = new Date()): Promise<BulkResult> {
  const live = new Set((await findDealsByIds(db, input.dealIds, { id: true, deletedAt: true })).filter((d) => !d.deletedAt).map((d) => d.id));
  const result: BulkResult = { changed: [], refused: [] };
  const wanted = [...new Set(input.dealIds)];
  for (const dealId of wanted) if (!live.has(dealId)) result.refused.push({ dealId, reason: "No such deal" });
  const started = await startLadders(db, wanted.filter((id) => live.has(id)), { now, trigger: "manual", enqueue: true, actorId: ctx.actorId, audit: ctx });
  for (const outcome of started) {
    if (outcome.status === "started") result.changed.push(outcome.dealId);
    else result.refused.push({ dealId: outcome.dealId, reason: refusalOf(outcome) });
  }
  return result;
}

function refusalOf(outcome: Exclude<StartResult, { status: "started" }>): string {
  if (outcome.status === "already_active") return "A ladder is already running";
  if (outcome.status === "skipped") return `${START_SKIP_LABELS[outcome.reason]}: ${outcome.detail}`;
  return "No such deal";
}

/**
 * Lists each deal's phone and email as do-not-contact, each audited on its own. A deal counts
 * as changed when at least one of its addresses was added; one whose addresses were all
 * listed already, or that has none, is refused with that reason.
 */
export async function addDealsToDoNotContact(db: TenantDb, ctx: AuditContext, input: BulkDoNotContactInput): Promise<BulkResult> {
  const deals = await findDealsByIds(db, [...new Set(input.dealIds)], { id: true, contactPhone: true, contactEmail: true, deletedAt: true });
  const byId = new Map(deals.filter((d) => !d.deletedAt).map((d) => [d.id, d]));
  const result: BulkResult = { changed: [], refused: [] };
  for (const dealId of new Set(input.dealIds)) {
    const deal = byId.get(dealId);
    if (!deal) {
      result.refused.push({ dealId, reason: "No such deal" });
      continue;
    }
    const addresses = [deal.contactPhone, deal.contactEmail].filter((value): value is string => Boolean(value?.trim()));
    if (addresses.length === 0) {
      result.refused.push({ dealId, reason: "No phone or email to list" });
      continue;
    }
    const problems: string[] = [];
    let added = 0;
    for (const value of addresses) {
      try {
        await addDoNotContact(db, { value, reason: input.reason }, ctx);
        added++;
      } catch (error) {
        if (!(error instanceof ExpectedError)) throw error;
        problems.push(error.message);
      }
    }
    if (added > 0) result.changed.push(dealId);
    else result.refused.push({ dealId, reason: problems.join("; ") });
  }
  return result;
}
