import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { delegateName, tenantOwnedModels } from "@/lib/db/models";
import { scopeToTenant } from "@/lib/db/tenant";
import { createDataFor, makeTenant, rootDelegate, textColumns } from "../helpers/clone-row";
import { createTestDatabase } from "../helpers/db";
import { seedRowFor } from "../helpers/factories";

let database: Database;
let models: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  models = tenantOwnedModels(database.prisma);
});
afterAll(() => database.close());

type Delegate = Record<string, (args?: unknown) => Promise<unknown>>;
type Row = Record<string, unknown> & { id: string; tenantId: string };

function scopedDelegate(tenantId: string, model: string): Delegate {
  return (scopeToTenant(database.prisma, tenantId) as unknown as Record<string, Delegate>)[delegateName(model)];
}

async function rowsOf(model: string, tenantId: string) {
  return (await rootDelegate(database.prisma, model).findMany({ where: { tenantId } })) as Row[];
}

// Each case walks the models one by one (a fresh pair of tenants per model), so a failure
// names the model and the operation.
/** A row of `model` in each of two new tenants, and A's scoped delegate. */
async function rowsInTwoTenants(model: string) {
  const [a, b] = [await makeTenant(database.prisma, "a"), await makeTenant(database.prisma, "b")];
  await seedRowFor(database.prisma, model, a.id);
  const rowB = await seedRowFor(database.prisma, model, b.id);
  const scoped = scopedDelegate(a.id, model);
  const ownCount = (await rowsOf(model, a.id)).length;
  return { a, b, rowB, scoped, ownCount };
}

/** Models with a unique tenantId: a tenant holds one row of each. */
const ONE_PER_TENANT = new Set(["LadderTemplate", "BuyerSettings", "MarketIntelSettings", "GovConProfile"]);

describe("tenant-scoped client writes and aggregates, for every tenant-owned model", () => {
  it("covers a sizeable set of models", () => {
    expect(models.length).toBeGreaterThan(20);
  });

  it("create stamps the scoped tenant and refuses a row naming another tenant", async () => {
    for (const model of models) {
      const [a, b] = [await makeTenant(database.prisma, "a"), await makeTenant(database.prisma, "b")];
      const scoped = scopedDelegate(a.id, model);

      const created = (await scoped.create({ data: await createDataFor(database.prisma, model) })) as Row;
      expect(created.tenantId, `${model}.create stamps tenantId`).toBe(a.id);
      expect((await rowsOf(model, a.id)).map((r) => r.id), `${model}.create row stored in A`).toEqual([created.id]);

      await expect(
        scoped.create({ data: { ...(await createDataFor(database.prisma, model)), tenantId: b.id } }),
        `${model}.create for B`,
      ).rejects.toThrow(/another tenant/);
      expect(await rowsOf(model, b.id), `${model}: nothing written to B`).toEqual([]);
    }
  });

  it("createMany stamps every row and refuses a batch with a row naming another tenant", async () => {
    for (const model of models) {
      if (ONE_PER_TENANT.has(model)) continue; // one row per tenant: a batch of two cannot exist
      const [a, b] = [await makeTenant(database.prisma, "a"), await makeTenant(database.prisma, "b")];
      const scoped = scopedDelegate(a.id, model);

      const batch = [await createDataFor(database.prisma, model), await createDataFor(database.prisma, model)];
      expect(await scoped.createMany({ data: batch }), `${model}.createMany`).toEqual({ count: 2 });
      const stored = await rowsOf(model, a.id);
      expect(stored.map((r) => r.id).sort(), `${model}.createMany rows in A`).toEqual(batch.map((r) => r.id).sort());

      const mixed = [await createDataFor(database.prisma, model), { ...(await createDataFor(database.prisma, model)), tenantId: b.id }];
      await expect(scoped.createMany({ data: mixed }), `${model}.createMany with a B row`).rejects.toThrow(/another tenant/);
      expect(await rowsOf(model, b.id), `${model}: nothing written to B`).toEqual([]);
      expect((await rowsOf(model, a.id)).length, `${model}: the refused batch wrote nothing`).toBe(2);
    }
  });

  it("createMany of a single row (the one-per-tenant models) stamps it too", async () => {
    for (const model of ONE_PER_TENANT) {
      const a = await makeTenant(database.prisma, "a");
      const scoped = scopedDelegate(a.id, model);
      expect(await scoped.createMany({ data: [await createDataFor(database.prisma, model)] }), model).toEqual({ count: 1 });
      expect((await rowsOf(model, a.id)).length, model).toBe(1);
    }
  });

  it("upsert cannot reach or overwrite another tenant's row, and stamps the row it creates", async () => {
    for (const model of models) {
      const [a, b] = [await makeTenant(database.prisma, "a"), await makeTenant(database.prisma, "b")];
      const scoped = scopedDelegate(a.id, model);
      const rowB = (await rootDelegate(database.prisma, model).findUniqueOrThrow({
        where: { id: (await seedRowFor(database.prisma, model, b.id)).id },
      })) as Row;
      const column = textColumns(database.prisma, model).find((name) => typeof rowB[name] === "string");
      const update = column ? { [column]: "overwritten by tenant A" } : {};
      const create = await createDataFor(database.prisma, model);

      const result = (await scoped.upsert({ where: { id: rowB.id }, create, update })) as Row;
      expect(result.id, `${model}.upsert created a new row`).toBe(create.id);
      expect(result.tenantId, `${model}.upsert stamps its create`).toBe(a.id);
      expect(
        await rootDelegate(database.prisma, model).findUnique({ where: { id: rowB.id } }),
        `${model}.upsert left B's row as it was`,
      ).toEqual(rowB);
      expect((await rowsOf(model, b.id)).length, `${model}: B still has one row`).toBe(1);

      await expect(
        scoped.upsert({ where: { id: `missing-${rowB.id}` }, create: { ...(await createDataFor(database.prisma, model)), tenantId: b.id }, update: {} }),
        `${model}.upsert creating for B`,
      ).rejects.toThrow(/another tenant/);
      expect((await rowsOf(model, b.id)).length, `${model}: still one row in B`).toBe(1);
    }
  });

  it("upsert updates the scoped tenant's own row in place", async () => {
    const a = await makeTenant(database.prisma, "a");
    const own = await seedRowFor(database.prisma, "Notification", a.id);
    const updated = await scopeToTenant(database.prisma, a.id).notification.upsert({
      where: { id: own.id },
      create: { kind: "x", title: "new", body: "new" } as never,
      update: { title: "updated" },
    });
    expect(updated).toMatchObject({ id: own.id, tenantId: a.id, title: "updated" });

    const b = await makeTenant(database.prisma, "b");
    await expect(
      scopeToTenant(database.prisma, a.id).notification.upsert({
        where: { id: own.id },
        create: { kind: "x", title: "new", body: "new" } as never,
        update: { tenantId: b.id } as never,
      }),
    ).rejects.toThrow(/cannot be moved/);
    expect(await database.prisma.notification.findUnique({ where: { id: own.id } })).toMatchObject({ tenantId: a.id });
  });

  it("aggregate sees only the scoped tenant's rows", async () => {
    for (const model of models) {
      const { rowB, scoped, ownCount } = await rowsInTwoTenants(model);
      expect(ownCount, `${model}: A has rows`).toBeGreaterThan(0);

      expect(await scoped.aggregate({ _count: { _all: true } }), `${model}.aggregate`).toEqual({ _count: { _all: ownCount } });
      expect(
        await scoped.aggregate({ where: { id: rowB.id }, _count: { _all: true } }),
        `${model}.aggregate of B's row`,
      ).toEqual({ _count: { _all: 0 } });
    }
  });

  it("groupBy sees only the scoped tenant's rows", async () => {
    for (const model of models) {
      const { a, rowB, scoped, ownCount } = await rowsInTwoTenants(model);

      expect(await scoped.groupBy({ by: ["tenantId"], _count: { _all: true } }), `${model}.groupBy`).toEqual([
        { tenantId: a.id, _count: { _all: ownCount } },
      ]);
      expect(await scoped.groupBy({ by: ["id"], where: { id: rowB.id }, _count: { _all: true } }), `${model}.groupBy of B's row`).toEqual([]);
    }
  });
});
