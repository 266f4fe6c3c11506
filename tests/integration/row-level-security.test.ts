// The database's own wall: with the tenant-scoped client's filter out of the way (raw SQL),
// row-level security alone keeps each tenant to its rows, on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Database } from "@/lib/db/client";
import { tenantOwnedModels } from "@/lib/db/models";
import { ENTER_TENANT_SQL, scopeToTenant, TENANT_ROLE } from "@/lib/db/tenant";
import { createTestDatabase } from "../helpers/db";
import { seedRowFor } from "../helpers/factories";

let database: Database;
let prisma: PrismaClient;
let tenantA: string;
let tenantB: string;
let models: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  const [a, b] = await Promise.all(["alpha", "bravo"].map((slug) => prisma.tenant.create({ data: { slug, name: slug } })));
  tenantA = a.id;
  tenantB = b.id;
  models = tenantOwnedModels(prisma);
  for (const model of models) {
    await seedRowFor(prisma, model, tenantA);
    await seedRowFor(prisma, model, tenantB);
  }
});
afterAll(() => database.close());

type Tx = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** Runs `work` in a transaction that entered `tenantId` the way the tenant-scoped client does. */
function asTenant<T>(tenantId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    if (tenantId) await tx.$queryRawUnsafe(ENTER_TENANT_SQL, tenantId, TENANT_ROLE);
    else await tx.$queryRawUnsafe("SELECT set_config('role', $1, true), set_config('app.rls_bypass', 'off', true)", TENANT_ROLE);
    return work(tx);
  });
}

async function countRows(tx: Tx, model: string, tenantId?: string) {
  const where = tenantId ? ` WHERE "tenantId" = $1` : "";
  const rows = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${model}"${where}`, ...(tenantId ? [tenantId] : []));
  return rows[0].n;
}

/** What the database said: Prisma wraps a raw query's error and keeps the driver's in meta. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const meta = (error as { meta?: { driverAdapterError?: Error; message?: string } }).meta;
    return meta?.driverAdapterError?.message ?? meta?.message ?? String((error as Error).message);
  }
  return "accepted";
}

describe("row-level security", () => {
  it("is enabled and forced on every tenant-owned table, with its policies", async () => {
    const tables = await prisma.$queryRawUnsafe<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number }[]>(
      `SELECT c.relname::text AS relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    const byName = new Map(tables.map((t) => [t.relname, t]));
    for (const model of [...models, "Tenant"]) {
      expect(byName.get(model), model).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true, policies: 2 });
    }
  });

  it("runs tenant queries as a role that is neither superuser nor owner nor exempt", async () => {
    const [role] = await asTenant(tenantA, (tx) =>
      tx.$queryRawUnsafe<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }[]>(
        `SELECT current_user::text AS current_user, r.rolsuper, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_tables t WHERE t.tableowner = current_user) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
      ),
    );
    expect(role).toEqual({ current_user: TENANT_ROLE, rolsuper: false, rolbypassrls: false, owns: 0 });
  });

  it("shows a tenant none of another's rows in raw SQL, for every tenant-owned model", async () => {
    for (const model of models) {
      const [own, other, all] = await asTenant(tenantA, async (tx) => [
        await countRows(tx, model, tenantA),
        await countRows(tx, model, tenantB),
        await countRows(tx, model),
      ]);
      expect(own, `${model}: own rows`).toBeGreaterThan(0);
      expect(other, `${model}: the other tenant's rows`).toBe(0);
      expect(all, `${model}: every row seen is its own`).toBe(own);
    }
    const tenants = await asTenant(tenantA, (tx) => tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Tenant"`));
    expect(tenants).toEqual([{ id: tenantA }]);
  });

  it("refuses to insert a row for another tenant or move a row to it, for every tenant-owned model", async () => {
    for (const model of models) {
      // A copy of one of A's rows with a new id, stamped for B.
      const insert = asTenant(tenantA, (tx) =>
        tx.$executeRawUnsafe(
          `INSERT INTO "${model}" SELECT (json_populate_record(NULL::"${model}",
             (to_jsonb(t) || jsonb_build_object('id', t.id || '-copy', 'tenantId', $2::text))::json)).*
           FROM "${model}" t WHERE t."tenantId" = $1 LIMIT 1`,
          tenantA,
          tenantB,
        ),
      );
      expect(await refusal(insert), `${model}: insert for B`).toMatch(/violates row-level security policy/);
      const move = asTenant(tenantA, (tx) => tx.$executeRawUnsafe(`UPDATE "${model}" SET "tenantId" = $2 WHERE "tenantId" = $1`, tenantA, tenantB));
      expect(await refusal(move), `${model}: move to B`).toMatch(/violates row-level security policy|append-only|immutable/);
      const touched = await asTenant(tenantA, (tx) => tx.$executeRawUnsafe(`DELETE FROM "${model}" WHERE "tenantId" = $1`, tenantB));
      expect(touched, `${model}: delete B's rows`).toBe(0);
    }
  });

  it("shows nothing to a query without a tenant, even one asking for the system's exemption", async () => {
    for (const model of models) {
      expect(await asTenant(null, (tx) => countRows(tx, model)), model).toBe(0);
    }
    const forged = await prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe("SELECT set_config('role', $1, true), set_config('app.rls_bypass', 'on', true)", TENANT_ROLE);
      return countRows(tx, "Notification");
    });
    expect(forged).toBe(0);
  });

  it("binds the tenant-scoped client too: a relation it does not filter stays inside the tenant", async () => {
    // The client filters the top-level model only; the included memberships' tenant is the
    // database's to enforce. B's member of A's user must not appear under A.
    const user = await prisma.user.create({ data: { email: "both@example.com", name: "Both", passwordHash: "x" } });
    await prisma.membership.createMany({ data: [tenantA, tenantB].map((tenantId) => ({ tenantId, userId: user.id, role: "va" as const })) });
    const scoped = scopeToTenant(prisma, tenantA);
    const [membership] = await scoped.membership.findMany({
      where: { userId: user.id },
      include: { user: { include: { memberships: true } } },
    });
    expect(membership.user.memberships.map((m) => m.tenantId)).toEqual([tenantA]);
  });
});
