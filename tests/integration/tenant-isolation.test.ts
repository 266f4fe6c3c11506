import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { delegateName, tenantOwnedModels } from "@/lib/db/models";
import { scopeToTenant } from "@/lib/db/tenant";
import { createTestDatabase } from "../helpers/db";
import { seedRowFor } from "../helpers/factories";

let database: Database;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [a, b] = await Promise.all(
    ["alpha", "bravo"].map((slug) => database.prisma.tenant.create({ data: { slug, name: slug } })),
  );
  tenantA = a.id;
  tenantB = b.id;
});
afterAll(() => database.close());

type Delegate = Record<string, (args?: unknown) => Promise<unknown>>;

describe("tenant-scoped client", () => {
  it("finds the tenant-owned models in the data model", () => {
    const models = tenantOwnedModels(database.prisma);
    expect(models).toEqual(expect.arrayContaining(["Membership", "Invitation", "AuditEvent", "Notification"]));
    expect(models).not.toContain("User");
  });

  it("never lets tenant A read, count, update or delete tenant B's rows, for every tenant-owned model", async () => {
    const scopedA = scopeToTenant(database.prisma, tenantA) as unknown as Record<string, Delegate>;
    for (const model of tenantOwnedModels(database.prisma)) {
      const rowB = await seedRowFor(database.prisma, model, tenantB);
      const ownDelegate = scopedA[delegateName(model)];
      const where = { id: rowB.id };

      expect(await ownDelegate.findFirst({ where }), `${model}.findFirst`).toBeNull();
      expect(await ownDelegate.findUnique({ where }), `${model}.findUnique`).toBeNull();
      expect(await ownDelegate.findMany({ where }), `${model}.findMany`).toEqual([]);
      expect(await ownDelegate.count({ where }), `${model}.count`).toBe(0);
      expect(await ownDelegate.updateMany({ where, data: {} }), `${model}.updateMany`).toEqual({ count: 0 });
      expect(await ownDelegate.deleteMany({ where }), `${model}.deleteMany`).toEqual({ count: 0 });
      await expect(ownDelegate.update({ where, data: {} }), `${model}.update`).rejects.toThrow();
      await expect(ownDelegate.delete({ where }), `${model}.delete`).rejects.toThrow();

      const rootDelegate = (database.prisma as unknown as Record<string, Delegate>)[delegateName(model)];
      expect(await rootDelegate.count({ where }), `${model} row B still there`).toBe(1);
    }
  });

  it("stamps the tenant on create and refuses rows for another tenant", async () => {
    const scopedA = scopeToTenant(database.prisma, tenantA);
    const note = await scopedA.notification.create({
      data: { kind: "test", title: "t", body: "b" } as never,
    });
    expect(note.tenantId).toBe(tenantA);
    await expect(
      scopedA.notification.create({ data: { tenantId: tenantB, kind: "x", title: "t", body: "b" } }),
    ).rejects.toThrow(/another tenant/);
  });

  it("offers no raw SQL and no global models", async () => {
    const scoped = scopeToTenant(database.prisma, tenantA) as unknown as Record<string, unknown>;
    expect(scoped.$queryRawUnsafe).toBeUndefined();
    expect(scoped.$executeRaw).toBeUndefined();
    expect("$queryRaw" in scoped).toBe(false);
    await expect((scoped.user as Delegate).findMany()).rejects.toThrow(/not tenant-owned/);
    const other = await (scoped.tenant as Delegate).findUnique({ where: { id: tenantB } });
    expect(other).toBeNull();
  });

  it("keeps the scope inside interactive transactions", async () => {
    const scopedA = scopeToTenant(database.prisma, tenantA);
    const seen = await scopedA.$transaction(async (tx) => {
      expect((tx as unknown as Record<string, unknown>).$executeRawUnsafe).toBeUndefined();
      return tx.notification.findMany();
    });
    expect(seen.every((n) => n.tenantId === tenantA)).toBe(true);
  });
});
