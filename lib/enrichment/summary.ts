/** This month's enrichment spend across the workspace, for the Signals settings page. */
import type { TenantDb } from "@/lib/db/tenant";
import { spendMonth } from "./budget";

export interface EnrichmentMonthSummary {
  month: string;
  /** Lookups made (found, not found, failed). */
  calls: number;
  /** Lookups the cap refused. */
  refused: number;
  spentCents: number;
  /** People whose spend this month reached the cap. */
  peopleAtCap: number;
}

export async function summarizeEnrichmentMonth(db: TenantDb, capCents: number, now: Date = new Date()): Promise<EnrichmentMonthSummary> {
  const month = spendMonth(now);
  const [byStatus, byPerson] = await Promise.all([
    db.enrichmentCall.groupBy({ by: ["status"], where: { month }, _count: { _all: true }, _sum: { costCents: true } }),
    db.enrichmentCall.groupBy({ by: ["dealId", "buyerId"], where: { month }, _sum: { costCents: true } }),
  ]);
  let calls = 0;
  let refused = 0;
  let spentCents = 0;
  for (const row of byStatus) {
    if (row.status === "OVER_BUDGET") refused += row._count._all;
    else calls += row._count._all;
    spentCents += row._sum.costCents ?? 0;
  }
  // A cap of 0 allows free lookups only: nobody is "at" it by spending nothing.
  const peopleAtCap = capCents > 0 ? byPerson.filter((row) => (row._sum.costCents ?? 0) >= capCents).length : 0;
  return { month, calls, refused, spentCents, peopleAtCap };
}
