import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEvent } from "@/generated/prisma/client";
import { AUDIT_CSV_COLUMNS, auditCsvRow, auditCsvStream } from "@/lib/audit/csv";
import { AuditQuerySchema, listAuditEntities, listAuditEvents } from "@/lib/audit/query";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createTestDatabase } from "../helpers/db";

let database: Database;

/** The export read back by an independent RFC 4180 parser (CRLF records, doubled quotes). */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: "\r\n", relax_column_count: true });
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    chunks++;
  }
  return { text: text + decoder.decode(), chunks };
}

const q = (input: Record<string, unknown> = {}) => AuditQuerySchema.parse(input);

async function newTenant(slug: string) {
  const tenant = await database.prisma.tenant.create({ data: { slug, name: slug } });
  return { id: tenant.id, db: scopeToTenant(database.prisma, tenant.id) };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("listAuditEvents", () => {
  let db: TenantDb;
  let otherDb: TenantDb;

  beforeAll(async () => {
    ({ db } = await newTenant("query-main"));
    ({ db: otherDb } = await newTenant("query-other"));
    const rows = [
      { action: "member.invited", entity: "Invitation", actorEmail: "Alice@Example.test", createdAt: "2026-02-01T09:00:00Z" },
      { action: "member.removed", entity: "Membership", actorEmail: "bob@example.test", createdAt: "2026-02-02T10:00:00Z" },
      { action: "member.role_changed", entity: "Membership", actorEmail: "alice@example.test", createdAt: "2026-02-03T23:59:59.999Z" },
      { action: "invitation.revoked", entity: "Invitation", actorEmail: "carol@example.test", createdAt: "2026-02-04T00:00:00Z" },
      { action: "tenant.updated", entity: "Tenant", actorEmail: null, createdAt: "2026-02-05T12:00:00Z" },
    ];
    for (const row of rows) await db.auditEvent.create({ data: { ...row, createdAt: new Date(row.createdAt) } as never });
    // Noise in another tenant that matches every filter.
    for (const row of rows) await otherDb.auditEvent.create({ data: { ...row, createdAt: new Date(row.createdAt) } as never });
    // 25 more events on a later day, for pagination.
    for (let i = 0; i < 25; i++) {
      await db.auditEvent.create({
        data: { action: "deal.updated", entity: "Deal", actorEmail: "dave@example.test", createdAt: new Date(Date.UTC(2026, 2, 1, 0, i)) } as never,
      });
    }
  });

  const actions = async (input: Record<string, unknown>) => (await listAuditEvents(db, q({ pageSize: 200, ...input }))).rows.map((r) => r.action);

  it("filters by action substring, ignoring case", async () => {
    expect(await actions({ action: "MEMBER." })).toEqual(["member.role_changed", "member.removed", "member.invited"]);
    expect(await actions({ action: "revoked" })).toEqual(["invitation.revoked"]);
  });

  it("filters by exact entity", async () => {
    expect(await actions({ entity: "Invitation" })).toEqual(["invitation.revoked", "member.invited"]);
    expect(await actions({ entity: "Invit" })).toEqual([]);
  });

  it("filters by actor email substring, ignoring case", async () => {
    expect(await actions({ actor: "alice" })).toEqual(["member.role_changed", "member.invited"]);
    expect(await actions({ actor: "BOB@" })).toEqual(["member.removed"]);
  });

  it("filters by date range, including the whole `to` day and nothing after it", async () => {
    expect(await actions({ from: "2026-02-02", to: "2026-02-03" })).toEqual(["member.role_changed", "member.removed"]);
    expect(await actions({ to: "2026-02-01" })).toEqual(["member.invited"]);
    expect(await actions({ from: "2026-02-04", to: "2026-02-05" })).toEqual(["tenant.updated", "invitation.revoked"]);
  });

  it("combines filters", async () => {
    expect(await actions({ action: "member", actor: "alice", from: "2026-02-02" })).toEqual(["member.role_changed"]);
  });

  it("paginates newest first with totals and page counts", async () => {
    const page1 = await listAuditEvents(db, q({ pageSize: "10" }));
    expect(page1.total).toBe(30);
    expect(page1.pageCount).toBe(3);
    expect(page1.rows).toHaveLength(10);
    const page3 = await listAuditEvents(db, q({ pageSize: "10", page: "3" }));
    expect(page3.rows).toHaveLength(10);
    const all = [
      ...page1.rows,
      ...(await listAuditEvents(db, q({ pageSize: "10", page: "2" }))).rows,
      ...page3.rows,
    ];
    expect(new Set(all.map((r) => r.id)).size).toBe(30);
    const times = all.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const beyond = await listAuditEvents(db, q({ pageSize: "10", page: "4" }));
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(30);
  });

  it("counts only the filtered rows", async () => {
    const result = await listAuditEvents(db, q({ entity: "Deal", pageSize: "10", page: "3" }));
    expect(result.total).toBe(25);
    expect(result.pageCount).toBe(3);
    expect(result.rows).toHaveLength(5);
  });

  it("reports one page when nothing matches", async () => {
    expect(await listAuditEvents(db, q({ action: "nothing-like-this" }))).toEqual({ rows: [], total: 0, pageCount: 1 });
  });

  it("lists the tenant's entities once each, alphabetically", async () => {
    expect(await listAuditEntities(db)).toEqual(["Deal", "Invitation", "Membership", "Tenant"]);
  });

  it("never returns another tenant's events", async () => {
    const all = await listAuditEvents(db, q({ pageSize: 200 }));
    const tenantIds = new Set(all.rows.map((r) => r.tenantId));
    expect(tenantIds).toEqual(new Set([db.tenantId]));
  });
});

describe("auditCsvStream", () => {
  let db: TenantDb;
  let events: AuditEvent[];

  beforeAll(async () => {
    ({ db } = await newTenant("csv-stream"));
    const base = Date.UTC(2026, 3, 1, 12);
    const specs = [
      { action: "member.invited", actorEmail: "=evil()@example.test", after: { note: 'he said "hi", then left' } },
      { action: "member.removed", actorEmail: null, before: { email: "x@example.test", role: "va" } },
      { action: "tenant.updated", actorEmail: "owner@example.test", after: { name: "Line\nbreak" } },
    ];
    for (let i = 0; i < 10; i++) {
      const spec = specs[i % specs.length];
      // Events 4 and 5 share a timestamp: the id breaks the tie.
      const createdAt = new Date(base + (i === 5 ? 4 : i) * 60_000);
      await db.auditEvent.create({ data: { entity: "Thing", entityId: `thing-${i}`, requestId: `req-${i}`, ...spec, createdAt } as never });
    }
    events = await db.auditEvent.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  });

  it("streams the header and every event across several batches, newest first", async () => {
    const { text, chunks } = await readStream(auditCsvStream(db, q(), { batchSize: 3 }));
    expect(chunks).toBe(1 + 4);
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.split("\r\n").slice(0, -1);
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(","));
    expect(lines.slice(1)).toEqual(events.map(auditCsvRow));

    const records = parseCsv(text);
    expect(records).toHaveLength(11);
    expect(records[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    const ids = records.slice(1).map((r) => r[AUDIT_CSV_COLUMNS.indexOf("id")]);
    expect(ids).toEqual(events.map((e) => e.id));
    expect(new Set(ids).size).toBe(10);
    const times = records.slice(1).map((r) => Date.parse(r[0]));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("keeps JSON, quotes and line breaks intact and neutralises formulas", async () => {
    const { text } = await readStream(auditCsvStream(db, q(), { batchSize: 3 }));
    const records = parseCsv(text).slice(1);
    const col = (name: (typeof AUDIT_CSV_COLUMNS)[number]) => AUDIT_CSV_COLUMNS.indexOf(name);
    for (const [i, record] of records.entries()) {
      const event = events[i];
      expect(record).toHaveLength(AUDIT_CSV_COLUMNS.length);
      expect(record[col("time")]).toBe(event.createdAt.toISOString());
      expect(record[col("actor")]).toBe(event.actorEmail === null ? "" : event.actorEmail.startsWith("=") ? `'${event.actorEmail}` : event.actorEmail);
      expect(record[col("after")] === "" ? null : JSON.parse(record[col("after")])).toEqual(event.after);
      expect(record[col("before")] === "" ? null : JSON.parse(record[col("before")])).toEqual(event.before);
      expect(record[col("request_id")]).toBe(event.requestId);
    }
  });

  it("ends cleanly when the events are an exact multiple of the batch size", async () => {
    const { text } = await readStream(auditCsvStream(db, q(), { batchSize: 5 }));
    expect(parseCsv(text).slice(1).map((r) => r.at(-1))).toEqual(events.map((e) => e.id));
  });

  it("applies the filters", async () => {
    const { text } = await readStream(auditCsvStream(db, q({ action: "removed" }), { batchSize: 2 }));
    const rows = parseCsv(text).slice(1);
    expect(rows.map((r) => r[2])).toEqual(events.filter((e) => e.action === "member.removed").map((e) => e.action));
    expect(rows.map((r) => r.at(-1))).toEqual(events.filter((e) => e.action === "member.removed").map((e) => e.id));
  });

  it("writes only the header when nothing matches", async () => {
    const { text } = await readStream(auditCsvStream(db, q({ entity: "Nothing" }), { batchSize: 3 }));
    expect(text).toBe(`${AUDIT_CSV_COLUMNS.join(",")}\r\n`);
  });
});
