import type { TenantDb } from "@/lib/db/tenant";
import { findDeal } from "@/lib/deals/service";
import { QUALITY_CODES, type QualityIssue } from "@/lib/quality/types";

export interface DealListEntry {
  listId: string;
  name: string;
  /** When the deal joined the list (its import's batch). */
  joinedAt: Date;
}

export interface DealListsAndQuality {
  lists: DealListEntry[];
  issues: QualityIssue[];
}

/** Keeps the stored issues that still have a known shape (the column is JSON). */
function issuesOf(value: unknown): QualityIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is QualityIssue =>
      typeof item === "object" && item !== null && (QUALITY_CODES as readonly string[]).includes((item as QualityIssue).code) && typeof (item as QualityIssue).reason === "string",
  );
}

/** The lead lists a live deal arrived on, oldest first, and its data-quality issues; null for no such deal. */
export async function dealListsAndQuality(db: TenantDb, dealId: string): Promise<DealListsAndQuality | null> {
  const deal = await findDeal(db, dealId, { id: true, qualityIssues: true });
  if (!deal) return null;
  const members = await db.leadListMember.findMany({
    where: { dealId },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: { createdAt: true, list: { select: { id: true, name: true } } },
  });
  return {
    lists: members.map((member) => ({ listId: member.list.id, name: member.list.name, joinedAt: member.createdAt })),
    issues: issuesOf(deal.qualityIssues),
  };
}
