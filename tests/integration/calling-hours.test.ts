import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { completeTask, getTaskDetail } from "@/lib/ladder/inbox";
import { seedMarketPolicies } from "@/lib/policy";
import { callingHoursNotice } from "@/components/inbox/calling-hours";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let vaId: string;
const ctx = () => ({ actorId: vaId, actorEmail: "va@hours.test", requestId: "req-hours" });
// Tuesday 2 December 2026, 02:30 in New York: outside the seeded 09:00-20:00.
const NIGHT = new Date("2026-12-02T07:30:00Z");
// The same day, 10:00 in New York.
const MORNING = new Date("2026-12-02T15:00:00Z");
let seq = 0;

async function openCall() {
  seq += 1;
  const deal = await db.deal.create({
    data: { source: "MANUAL", addressKey: `HOURS-${seq}`, raw: {}, street: `${seq} Pine St`, region: "NY", market: "ALL", timeZone: "America/New_York", score: 80, contactName: "Sam Seller", contactPhone: "+12125550100" } as never,
  });
  return db.followUpTask.create({ data: { dealId: deal.id, step: 2, channel: "CALL", dueAt: new Date("2026-12-01T20:00:00Z"), ownerId: vaId } as never });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "hours", name: "Hours Co", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  vaId = (await database.prisma.user.create({ data: { email: "va@hours.test", name: "Val VA", passwordHash: "x" } })).id;
  await database.prisma.membership.create({ data: { tenantId: tenant.id, userId: vaId, role: "va" } });
  await seedMarketPolicies(db, null);
});
afterAll(() => database.close());

describe("calls outside the lead's calling hours", () => {
  it("shows the next opening in the lead's time instead of the link at 2:30 AM", async () => {
    const task = await openCall();
    const night = await getTaskDetail(db, task.id, NIGHT);
    expect(night?.callingHours).toMatchObject({ open: false, timeZone: "America/New_York", localTime: "2026-12-02T02:30:00-05:00" });
    expect(callingHoursNotice(night!.callingHours, NIGHT)).toBe("Outside calling hours until 9:00 AM (lead's time)");
    const morning = await getTaskDetail(db, task.id, MORNING);
    expect(morning?.callingHours.open).toBe(true);
    expect(callingHoursNotice(morning!.callingHours, MORNING)).toBeNull();
    // Saturday 19:00: Sunday is closed, so the next opening is Monday's.
    const saturdayEvening = new Date("2026-12-06T00:00:00Z");
    expect(callingHoursNotice((await getTaskDetail(db, task.id, saturdayEvening))!.callingHours, saturdayEvening)).toBe(
      "Outside calling hours until 9:00 AM on Mon, Dec 7 (lead's time)",
    );
  });

  it("refuses to log a call made outside the hours without the VA's confirmation, on its field", async () => {
    const task = await openCall();
    await expect(completeTask(db, { taskId: task.id, outcome: "no_answer" }, ctx(), { now: NIGHT })).rejects.toMatchObject({
      code: "invalid",
      field: "outsideHoursConfirmed",
      message: expect.stringMatching(/outside the lead's calling hours.*Confirm/),
    });
    expect((await db.followUpTask.findFirstOrThrow({ where: { id: task.id } })).status).toBe("OPEN");
    // Skipping makes no call, so it needs no confirmation.
    const skipped = await openCall();
    await expect(completeTask(db, { taskId: skipped.id, resolution: "skipped", outcome: "no_answer" }, ctx(), { now: NIGHT })).resolves.toMatchObject({ status: "SKIPPED" });
  });

  it("logs a confirmed call made outside the hours and keeps the confirmation in the audit log", async () => {
    const task = await openCall();
    const result = await completeTask(db, { taskId: task.id, outcome: "left_voicemail", outsideHoursConfirmed: "on" as never }, ctx(), { now: NIGHT });
    expect(result).toMatchObject({ status: "DONE" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: task.id, action: "followup.completed" } });
    expect(audit.after).toMatchObject({
      status: "DONE",
      outsideCallingHours: { confirmed: true, leadLocalTime: "2026-12-02T02:30:00-05:00", timeZone: "America/New_York", nextOpening: "2026-12-02T14:00:00.000Z" },
    });
    expect(audit.actorId).toBe(vaId);
  });

  it("logs a call inside the hours without a confirmation, and records none", async () => {
    const task = await openCall();
    await completeTask(db, { taskId: task.id, outcome: "talked_interested" }, ctx(), { now: MORNING });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: task.id, action: "followup.completed" } });
    expect(audit.after).not.toHaveProperty("outsideCallingHours");
  });
});
