import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { insertRows } from "@/lib/db/bulk";
import { scopeToTenant } from "@/lib/db/tenant";
import { runDatabaseUpkeep } from "@/lib/db/upkeep";
import { createTestDatabase } from "../helpers/db";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function dealStats() {
  const { rows } = await database.sql.query<{ reltuples: number; vacuumed: boolean }>(
    `SELECT c.reltuples, s.last_vacuum IS NOT NULL AS vacuumed FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'Deal'`,
  );
  return rows[0];
}

describe("runDatabaseUpkeep", () => {
  it("on PGlite, brings the planner's statistics up to date with rows written since", async () => {
    const tenant = await database.prisma.tenant.create({ data: { slug: "upkeep", name: "Upkeep" } });
    const db = scopeToTenant(database.prisma, tenant.id);
    await insertRows(db, "Deal", Array.from({ length: 300 }, (_, i) => ({ source: "API", street: `${i} Main St`, addressKey: `upkeep-${i}`, raw: {} })));
    if (database.kind === "pglite") expect((await dealStats()).vacuumed).toBe(false);
    const ran = await runDatabaseUpkeep(database);
    if (database.kind !== "pglite") {
      expect(ran).toBe(false); // PostgreSQL's autovacuum keeps the statistics
      return;
    }
    expect(ran).toBe(true);
    expect(await dealStats()).toEqual({ reltuples: 300, vacuumed: true });
  });
});
