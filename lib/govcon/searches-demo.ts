/**
 * The demo's two saved searches, both the owner's: roofing set aside for small business in
 * Ohio, told at once in-app and by email, and janitorial and grounds work with a fit of 60 or
 * more in a daily digest. Seeded before the fixture feed syncs, so the sync's alerts land in
 * the owner's notifications as they would for a real team.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { SavedSearchInput } from "./search-schema";

export const DEMO_SAVED_SEARCHES = [
  { name: "Small-business roofing in Ohio", filters: { naics: ["238160"], setAside: ["SBA"], state: "OH" }, minFit: 0, delivery: "IMMEDIATE", channels: ["inApp", "email"] },
  { name: "Janitorial and grounds, fit 60+", filters: { naics: ["561720", "561730"] }, minFit: 60, delivery: "DIGEST", channels: ["inApp", "email"] },
] as const;

export async function seedDemoSavedSearches(db: TenantDb, context: { ownerId: string | null }): Promise<void> {
  if (!context.ownerId) return;
  // Seeding runs at every fresh start: a workspace that has searches keeps them as they are.
  if ((await db.govConSearch.count({ where: { ownerId: context.ownerId } })) > 0) return;
  const ownerId = context.ownerId;
  await db.govConSearch.createMany({
    data: DEMO_SAVED_SEARCHES.map((search) => {
      const input = SavedSearchInput.parse(search);
      return { ownerId, name: input.name, filters: input.filters, minFit: input.minFit, delivery: input.delivery, channels: input.channels };
    }),
  });
}
