import { afterAll, beforeAll, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { seedDemoGovCon } from "@/lib/demo/govcon";
import { DEMO_SAVED_SEARCHES } from "@/lib/govcon/searches-demo";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let ownerId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "govcon-demo-alerts", name: "Demo Builders", timeZone: "America/New_York", country: "US" }, [
    { email: "owner@gcd.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  ownerId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@gcd.test" } })).id;
}, 120_000);
afterAll(async () => {
  await database.close();
});

it("gives the demo owner two saved searches whose matches from the demo sync are in the owner's notifications", async () => {
  const now = new Date();
  await seedDemoGovCon(db, { now, ownerId, investorId: null });
  const searches = await db.govConSearch.findMany({ where: { ownerId }, orderBy: { createdAt: "asc" } });
  expect(searches.map((s) => s.name).sort()).toEqual(DEMO_SAVED_SEARCHES.map((s) => s.name).sort());
  const immediate = searches.find((s) => s.delivery === "IMMEDIATE")!;
  const told = await db.govConAlert.findMany({ where: { searchId: immediate.id } });
  expect(told.length).toBeGreaterThan(0);
  expect(told.every((a) => a.deliveredAt !== null)).toBe(true);
  expect(await db.notification.count({ where: { userId: ownerId, kind: "govcon.alert" } })).toBeGreaterThanOrEqual(told.length);

  // Seeding again (every fresh start) adds no search and tells nobody twice.
  const alerts = await db.govConAlert.count();
  await seedDemoGovCon(db, { now, ownerId, investorId: null });
  expect(await db.govConSearch.count({ where: { ownerId } })).toBe(2);
  expect(await db.govConAlert.count()).toBe(alerts);
}, 120_000);
