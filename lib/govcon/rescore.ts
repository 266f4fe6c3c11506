/**
 * Scores the stored opportunities again after the profile or its weights change, so the
 * list's fit column always reflects the profile in force.
 */
import { updateRowsById } from "@/lib/db/bulk";
import type { TenantDb } from "@/lib/db/tenant";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { scoreBidFit } from "./fit";
import type { GovConProfileView } from "./profile-schema";

const BATCH = 200;

export async function rescoreOpportunities(db: TenantDb, profile: GovConProfileView, now: Date): Promise<{ rescored: number }> {
  let rescored = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.opportunity.findMany({
      select: { id: true, raw: true, description: true, valueDollars: true, fitScore: true, fitReasons: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1].id;
    const changes = rows.flatMap((row) => {
      const fit = scoreBidFit({ ...(row.raw as SamNotice), descriptionText: row.description, valueDollars: row.valueDollars }, profile, now);
      const same = fit.score === row.fitScore && JSON.stringify(fit.reasons) === JSON.stringify(row.fitReasons);
      return same ? [] : [{ id: row.id, fit }];
    });
    // One statement per batch: a profile saved from the settings page must not wait on hundreds of updates.
    rescored += await updateRowsById(
      db,
      "Opportunity",
      changes.map(({ id, fit }) => ({ id, fitScore: fit.score, fitReasons: fit.reasons, scoredAt: now })),
    );
    if (rows.length < BATCH) break;
  }
  return { rescored };
}
