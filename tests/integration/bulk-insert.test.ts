import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { COPY_MIN_ROWS, insertRows } from "@/lib/db/bulk";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let a: TenantDb;
let b: TenantDb;

beforeAll(async () => {
  database = await createTestDatabase();
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  a = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "bulk-a", name: "A", timeZone: "UTC", country: "US" }, owner("o@a.test"))).id);
  b = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "bulk-b", name: "B", timeZone: "UTC", country: "CA" }, owner("o@b.test"))).id);
});
afterAll(() => database.close());

describe("insertRows", () => {
  it("stamps the client's tenant and round-trips enums, JSON, numbers, nulls and dates", async () => {
    const createdAt = new Date("2026-03-08T07:30:00.123Z");
    const [id] = await insertRows(a, "Deal", [
      { source: "CSV", addressKey: "1 main st|springfield|il", street: "1 Main St", country: "US", askingPrice: 95_000, baths: 1.5, spreadRatio: 0.125, propertyType: "SFR", raw: { row: 2, note: "it's \"quoted\"" }, provenance: null, createdAt },
    ]);
    const deal = await a.deal.findUniqueOrThrow({ where: { id } });
    expect(deal).toMatchObject({ tenantId: a.tenantId, source: "CSV", country: "US", askingPrice: 95_000, baths: 1.5, spreadRatio: 0.125, propertyType: "SFR", provenance: null, createdAt });
    expect(deal.raw).toEqual({ row: 2, note: "it's \"quoted\"" });
    expect(await b.deal.count({ where: { id } })).toBe(0);
  });

  it("skips rows whose unique key is taken and returns only the inserted ids", async () => {
    const rows = ["2 Oak Ave", "3 Oak Ave"].map((street) => ({ source: "API", street, addressKey: street.toLowerCase(), raw: {} }));
    const first = await insertRows(a, "Deal", rows.slice(0, 1), { skipDuplicates: true });
    const second = await insertRows(a, "Deal", rows, { skipDuplicates: true });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(await a.deal.count({ where: { addressKey: { in: rows.map((r) => r.addressKey) } } })).toBe(2);
    // The same address is free in another tenant.
    expect(await insertRows(b, "Deal", rows, { skipDuplicates: true })).toHaveLength(2);
    // As many rows as go by COPY: the taken one is skipped, the rest land.
    const many = Array.from({ length: COPY_MIN_ROWS + 5 }, (_, i) => ({ source: "API", street: `${i} Elm St`, addressKey: `${i} elm st|many`, raw: {} }));
    expect(await insertRows(a, "Deal", [rows[0], ...many], { skipDuplicates: true })).toHaveLength(many.length);
    expect(await a.deal.count({ where: { addressKey: { endsWith: "|many" } } })).toBe(many.length);
  });

  it("refuses a row that names another tenant, and writes nothing of the batch", async () => {
    const before = await database.prisma.kpiEvent.count();
    await expect(insertRows(a, "KpiEvent", [{ name: "lead_created" }, { name: "lead_created", tenantId: b.tenantId }])).rejects.toThrow(/another tenant/);
    expect(await database.prisma.kpiEvent.count()).toBe(before);
  });

  it("splits large batches across statements within the bind-parameter limit", async () => {
    const rows = Array.from({ length: 7_000 }, (_, i) => ({ name: "lead_created", dealId: `d${i}`, data: { i } }));
    expect(await insertRows(a, "KpiEvent", rows)).toHaveLength(7_000);
    expect(await a.kpiEvent.count({ where: { name: "lead_created", dealId: { startsWith: "d" } } })).toBe(7_000);
  });

  it("joins the caller's transaction: a rollback takes the rows with it", async () => {
    await expect(
      a.$transaction(async (tx) => {
        await insertRows(tx, "KpiEvent", [{ name: "rolled_back" }]);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await a.kpiEvent.count({ where: { name: "rolled_back" } })).toBe(0);
  });

  // Few rows go as an INSERT, many as a COPY: both must keep any text as written.
  for (const [path, minRows] of [["INSERT", 1], ["COPY", COPY_MIN_ROWS]] as const) {
    it(`keeps any text as written through ${path}: quotes, commas, line breaks, backslashes, COPY's end marker`, async () => {
      // PostgreSQL text cannot hold NUL; everything else must survive the trip unchanged.
      const text = fc.string({ unit: "binary", maxLength: 40 }).map((s) => s.replaceAll("\0", ""));
      const special = fc.constantFrom("\\.", "\\N", "", '"', '""', ",", "\n", "\r\n", "\\", "NULL", "a,\"b\"\nc");
      const value = fc.oneof(text, special);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ street: value, city: fc.oneof(value, fc.constant(null)) }), { minLength: minRows, maxLength: minRows + 8 }), async (cases) => {
          const rows = cases.map((c, i) => ({ source: "CSV", street: c.street, city: c.city, addressKey: `prop-${Math.random()}-${i}`, raw: { street: c.street } }));
          const ids = await insertRows(a, "Deal", rows);
          const stored = await a.deal.findMany({ where: { id: { in: ids } }, select: { id: true, street: true, city: true, raw: true } });
          const byId = new Map(stored.map((d) => [d.id, d]));
          ids.forEach((id, i) => expect(byId.get(id)).toEqual({ id, street: rows[i].street, city: rows[i].city, raw: { street: rows[i].street } }));
        }),
        { numRuns: 40 },
      );
    });
  }

  it("skips a taken key inside a transaction without aborting it, however many rows", async () => {
    const taken = { source: "API", street: "9 Birch Rd", addressKey: "9 birch rd|tx-case", raw: {} };
    await insertRows(a, "Deal", [taken]);
    const fresh = Array.from({ length: COPY_MIN_ROWS + 10 }, (_, i) => ({ ...taken, street: `${100 + i} Birch Rd`, addressKey: `${100 + i} birch rd|tx-case` }));
    const ids = await a.$transaction(async (tx) => {
      const inserted = await insertRows(tx, "Deal", [taken, ...fresh], { skipDuplicates: true });
      await insertRows(tx, "KpiEvent", [{ name: "after_conflict" }]);
      return inserted;
    });
    expect(ids).toHaveLength(fresh.length);
    const stored = await a.deal.findMany({ where: { id: { in: ids } }, select: { addressKey: true } });
    expect(stored.map((d) => d.addressKey).sort()).toEqual(fresh.map((r) => r.addressKey).sort());
    expect(await a.kpiEvent.count({ where: { name: "after_conflict" } })).toBe(1);
  });

  it("refuses to write once the caller's transaction has timed out", async () => {
    let late: Promise<unknown> | undefined;
    await expect(
      a.$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          late = insertRows(tx, "KpiEvent", [{ name: "after_timeout" }]);
          await late;
        },
        { timeout: 100 },
      ),
    ).rejects.toThrow();
    await expect(late).rejects.toThrow();
    // Another transaction runs meanwhile; the late write must not land in it either.
    await a.$transaction(async (tx) => tx.kpiEvent.count());
    expect(await a.kpiEvent.count({ where: { name: "after_timeout" } })).toBe(0);
  });

  it("refuses a late write even on the connection the transaction already wrote through", async () => {
    const rows = (name: string) => Array.from({ length: COPY_MIN_ROWS }, () => ({ name }));
    let late: Promise<unknown> | undefined;
    await expect(
      a.$transaction(
        async (tx) => {
          await insertRows(tx, "KpiEvent", rows("before_timeout"));
          await new Promise((resolve) => setTimeout(resolve, 400));
          // One row: a plain INSERT, which would commit on its own on a connection left open.
          late = insertRows(tx, "KpiEvent", [{ name: "after_timeout_late" }]);
          await late;
        },
        { timeout: 150 },
      ),
    ).rejects.toThrow();
    await expect(late).rejects.toThrow();
    await a.$transaction(async (tx) => insertRows(tx, "KpiEvent", rows("next_transaction")));
    expect(await a.kpiEvent.count({ where: { name: { in: ["before_timeout", "after_timeout_late"] } } })).toBe(0);
    expect(await a.kpiEvent.count({ where: { name: "next_transaction" } })).toBe(COPY_MIN_ROWS);
  });
});
