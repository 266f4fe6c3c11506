import { describe, expect, it } from "vitest";
import { AuditQuerySchema, auditWhere } from "@/lib/audit/query";

describe("AuditQuerySchema", () => {
  it("defaults to page 1 of 50 with no filters", () => {
    expect(AuditQuerySchema.parse({})).toEqual({ page: 1, pageSize: 50 });
  });

  it("treats empty strings from the URL as absent", () => {
    const q = AuditQuerySchema.parse({ action: "", entity: "", actor: "", from: "", to: "", page: "", pageSize: "" });
    expect(q.action).toBeUndefined();
    expect(q.entity).toBeUndefined();
    expect(q.actor).toBeUndefined();
    expect(q.from).toBeUndefined();
    expect(q.to).toBeUndefined();
    expect(auditWhere(q)).toEqual({});
  });

  it("trims text filters", () => {
    expect(AuditQuerySchema.parse({ action: "  member.invited  " }).action).toBe("member.invited");
  });

  it("coerces numbers and dates from strings", () => {
    const q = AuditQuerySchema.parse({ page: "3", pageSize: "20", from: "2026-02-01", to: "2026-02-03" });
    expect(q.page).toBe(3);
    expect(q.pageSize).toBe(20);
    expect(q.from).toBe("2026-02-01");
    expect(q.to).toBe("2026-02-03");
  });

  it.each(["0", "-1", "abc", "1.5", "NaN"])("falls back to page 1 for page=%s", (page) => {
    expect(AuditQuerySchema.parse({ page }).page).toBe(1);
  });

  it.each([
    ["10", 10],
    ["200", 200],
    ["9", 50],
    ["201", 50],
    ["abc", 50],
    ["25.5", 50],
  ] as const)("pageSize=%s becomes %i", (pageSize, expected) => {
    expect(AuditQuerySchema.parse({ pageSize }).pageSize).toBe(expected);
  });

  it("rejects a date that is not a date", () => {
    const result = AuditQuerySchema.safeParse({ from: "not-a-date" });
    expect(result.success).toBe(false);
  });

  it("rejects an overlong text filter", () => {
    expect(AuditQuerySchema.safeParse({ action: "x".repeat(201) }).success).toBe(false);
  });
});

describe("auditWhere", () => {
  it("filters action and actor by case-insensitive substring, entity exactly", () => {
    const where = auditWhere(AuditQuerySchema.parse({ action: "invite", entity: "Invitation", actor: "Jane" }));
    expect(where).toEqual({
      action: { contains: "invite", mode: "insensitive" },
      entity: { equals: "Invitation" },
      actorEmail: { contains: "Jane", mode: "insensitive" },
    });
  });

  it("reads days in the workspace's time zone, including its DST shifts", () => {
    const where = auditWhere(AuditQuerySchema.parse({ from: "2026-03-08", to: "2026-03-08" }), "America/Toronto");
    // 2026-03-08 is the spring-forward day in Toronto: 23 hours long, starting at 05:00 UTC.
    expect(where.createdAt).toEqual({
      gte: new Date("2026-03-08T05:00:00.000Z"),
      lt: new Date("2026-03-09T04:00:00.000Z"),
    });
  });

  it("refuses days that do not exist", () => {
    expect(AuditQuerySchema.safeParse({ to: "2026-02-30" }).success).toBe(false);
  });

  it("includes the whole `to` day (up to, not including, the next midnight)", () => {
    const where = auditWhere(AuditQuerySchema.parse({ from: "2026-02-01", to: "2026-02-03" }));
    expect(where.createdAt).toEqual({
      gte: new Date("2026-02-01T00:00:00.000Z"),
      lt: new Date("2026-02-04T00:00:00.000Z"),
    });
    const { lt } = where.createdAt as { lt: Date };
    expect(new Date("2026-02-03T23:59:59.999Z") < lt).toBe(true);
    expect(new Date("2026-02-04T00:00:00.000Z") < lt).toBe(false);
  });

  it("supports an open-ended range on either side", () => {
    expect(auditWhere(AuditQuerySchema.parse({ from: "2026-02-01" })).createdAt).toEqual({ gte: new Date("2026-02-01T00:00:00.000Z") });
    expect(auditWhere(AuditQuerySchema.parse({ to: "2026-02-01" })).createdAt).toEqual({ lt: new Date("2026-02-02T00:00:00.000Z") });
  });
});
