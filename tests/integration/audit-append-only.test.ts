import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/service";
import { scopeToTenant } from "@/lib/db/tenant";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let tenantId: string;
let eventId: string;

async function auditSnapshot() {
  const { rows } = await database.sql.query<{ id: string; action: string }>(
    `SELECT id, action FROM "AuditEvent" ORDER BY id`,
  );
  return rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await database.prisma.tenant.create({ data: { slug: "append-only", name: "Append Only" } })).id;
  const event = await recordAudit(
    scopeToTenant(database.prisma, tenantId),
    { action: "tenant.updated", entity: "Tenant", entityId: tenantId, before: { name: "Old" }, after: { name: "New" } },
    { actorId: "user-1", actorEmail: "owner@example.test", requestId: "req-append-1" },
  );
  eventId = event.id;
});
afterAll(() => database.close());

describe("AuditEvent is append-only", () => {
  it("records an event with its actor, change and request id", async () => {
    const row = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(row).toMatchObject({
      tenantId,
      action: "tenant.updated",
      entity: "Tenant",
      entityId: tenantId,
      before: { name: "Old" },
      after: { name: "New" },
      actorId: "user-1",
      actorEmail: "owner@example.test",
      requestId: "req-append-1",
    });
  });

  it("accepts further inserts, through Prisma and raw SQL", async () => {
    const before = (await auditSnapshot()).length;
    await database.prisma.auditEvent.create({ data: { tenantId, action: "x.created", entity: "X" } });
    await database.sql.query(
      `INSERT INTO "AuditEvent" (id, "tenantId", action, entity) VALUES ($1, $2, 'raw.created', 'Raw')`,
      ["raw-insert-1", tenantId],
    );
    expect((await auditSnapshot()).length).toBe(before + 2);
  });

  it("rejects a raw UPDATE", async () => {
    const before = await auditSnapshot();
    await expect(
      database.sql.query(`UPDATE "AuditEvent" SET action = 'tampered' WHERE id = $1`, [eventId]),
    ).rejects.toThrow(/append-only/);
    await expect(database.sql.exec(`UPDATE "AuditEvent" SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    expect(await auditSnapshot()).toEqual(before);
  });

  it("rejects a raw DELETE", async () => {
    const before = await auditSnapshot();
    await expect(database.sql.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [eventId])).rejects.toThrow(/append-only/);
    await expect(database.sql.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await auditSnapshot()).toEqual(before);
  });

  it("rejects TRUNCATE", async () => {
    const before = await auditSnapshot();
    await expect(database.sql.exec(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await auditSnapshot()).toEqual(before);
  });

  it("rejects Prisma update, updateMany, delete and deleteMany", async () => {
    const before = await auditSnapshot();
    const audit = database.prisma.auditEvent;
    await expect(audit.update({ where: { id: eventId }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(audit.updateMany({ data: { actorEmail: "someone-else@example.test" } })).rejects.toThrow();
    await expect(audit.delete({ where: { id: eventId } })).rejects.toThrow(/append-only/);
    await expect(audit.deleteMany({})).rejects.toThrow();
    expect(await auditSnapshot()).toEqual(before);
    expect((await audit.findUniqueOrThrow({ where: { id: eventId } })).action).toBe("tenant.updated");
  });

  it("rejects updates through a tenant-scoped client too", async () => {
    const scoped = scopeToTenant(database.prisma, tenantId);
    await expect(scoped.auditEvent.update({ where: { id: eventId }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(scoped.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await scoped.auditEvent.count()).toBe((await auditSnapshot()).length);
  });

  it("keeps a tenant with audit history from being deleted (and its history with it)", async () => {
    await expect(database.prisma.tenant.delete({ where: { id: tenantId } })).rejects.toThrow();
    expect(await database.prisma.tenant.count({ where: { id: tenantId } })).toBe(1);
    expect(await database.prisma.auditEvent.count({ where: { id: eventId } })).toBe(1);
  });
});
