import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import {
  assignTasks,
  completeTask,
  getDealLadder,
  getLadderTemplate,
  getSlaSnapshot,
  getTaskDetail,
  listDueTasks,
  saveLadderTemplate,
  startLadders,
  stopLadderByHand,
} from "@/lib/ladder";
import { intakeDeals } from "@/lib/intake/service";
import { seedMarketPolicies } from "@/lib/policy";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
const users: Record<"va" | "va2" | "admin" | "viewer", string> = { va: "", va2: "", admin: "", viewer: "" };
const ctx = () => ({ actorId: users.va, actorEmail: "va@inbox.test", requestId: "req-inbox" });
const NOW = new Date("2026-03-10T16:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function deal(tenant: TenantDb, market: string, key: string) {
  return tenant.deal.create({
    data: { source: "MANUAL", addressKey: key, raw: {}, street: `${key} Main St`, region: "ON", market, timeZone: "America/Toronto", score: 80, contactName: "Pat Lee", contactPhone: "+14165550199" } as never,
  });
}
async function task(tenant: TenantDb, dealId: string, dueAt: Date, ownerId: string | null, step = 2) {
  return tenant.followUpTask.create({ data: { dealId, step, channel: "CALL", dueAt, ownerId } as never });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const a = await database.prisma.tenant.create({ data: { slug: "inbox-a", name: "Inbox A", timeZone: "America/Toronto", country: "CA" } });
  const b = await database.prisma.tenant.create({ data: { slug: "inbox-b", name: "Inbox B", timeZone: "America/Toronto", country: "CA" } });
  db = scopeToTenant(database.prisma, a.id);
  other = scopeToTenant(database.prisma, b.id);
  for (const [name, role] of [["va", "va"], ["va2", "va"], ["admin", "admin"], ["viewer", "viewer"]] as const) {
    const user = await database.prisma.user.create({ data: { email: `${name}@inbox.test`, name, passwordHash: "x" } });
    await database.prisma.membership.create({ data: { tenantId: a.id, userId: user.id, role } });
    users[name] = user.id;
  }
  await seedMarketPolicies(db, null);
});
afterAll(() => database.close());

describe("the VA inbox", () => {
  it("lists due open tasks oldest first, filtered by owner and market, never another tenant's", async () => {
    const toronto = await deal(db, "TORONTO", "A1");
    const ottawa = await deal(db, "OTTAWA", "A2");
    const foreign = await deal(other, "TORONTO", "B1");
    const t1 = await task(db, toronto.id, minutes(-90), users.va);
    const t2 = await task(db, ottawa.id, minutes(-120), users.va2);
    const t3 = await task(db, toronto.id, minutes(-10), null, 4);
    await task(db, toronto.id, minutes(60), users.va, 6); // not due yet
    await task(other, foreign.id, minutes(-500), null);

    const all = await listDueTasks(db, { now: NOW });
    expect(all.rows.map((t) => t.id)).toEqual([t2.id, t1.id, t3.id]);
    expect(all.total).toBe(3);
    expect((await listDueTasks(db, { now: NOW, ownerId: users.va })).rows.map((t) => t.id)).toEqual([t1.id]);
    expect((await listDueTasks(db, { now: NOW, ownerId: "unassigned" })).rows.map((t) => t.id)).toEqual([t3.id]);
    expect((await listDueTasks(db, { now: NOW, market: "ottawa" })).rows.map((t) => t.id)).toEqual([t2.id]);
    expect((await listDueTasks(other, { now: NOW })).rows.map((t) => t.dealId)).toEqual([foreign.id]);
    expect(await getTaskDetail(other, t1.id)).toBeNull();

    const detail = await getTaskDetail(db, t1.id);
    expect(detail?.task.deal.contactPhone).toBe("+14165550199");
    expect(detail?.history.tasks.map((t) => t.id).sort()).toEqual([t3.id, (await db.followUpTask.findFirst({ where: { step: 6 } }))!.id].sort());
  });

  it("completes or skips a task with its outcome, audited with a KPI event; twice is a conflict", async () => {
    const d = await deal(db, "TORONTO", "C1");
    const done = await task(db, d.id, minutes(-20), users.va);
    const result = await completeTask(db, { taskId: done.id, outcome: "left_voicemail", notes: "Call back Friday" }, ctx(), { now: NOW });
    expect(result).toMatchObject({ status: "DONE", outcome: "left_voicemail", minutesFromDue: 20, step: 2, channel: "CALL" });
    const row = await db.followUpTask.findFirstOrThrow({ where: { id: done.id } });
    expect(row).toMatchObject({ status: "DONE", completedById: users.va, notes: "Call back Friday" });
    const kpi = await db.kpiEvent.findFirstOrThrow({ where: { name: "followup_completed", dealId: d.id } });
    expect(kpi.data).toMatchObject({ taskId: done.id, step: 2, channel: "CALL", outcome: "left_voicemail", resolution: "done" });
    expect(await db.auditEvent.count({ where: { action: "followup.completed", entityId: done.id } })).toBe(1);
    await expect(completeTask(db, { taskId: done.id, outcome: "no_answer" }, ctx())).rejects.toMatchObject({ code: "conflict" });

    const skipped = await task(db, d.id, minutes(-5), users.va, 4);
    await completeTask(db, { taskId: skipped.id, resolution: "skipped", outcome: "wrong_number" }, ctx(), { now: NOW });
    expect((await db.followUpTask.findFirstOrThrow({ where: { id: skipped.id } })).status).toBe("SKIPPED");

    const theirs = await task(db, d.id, minutes(-5), users.va2, 6);
    await expect(completeTask(db, { taskId: theirs.id, outcome: "no_answer" }, ctx(), { restrictToOwnerId: users.va })).rejects.toBeInstanceOf(ExpectedError);
    await expect(completeTask(db, { taskId: theirs.id, outcome: "maybe" as never }, ctx())).rejects.toMatchObject({ code: "invalid", field: "outcome" });
    const foreign = await task(other, (await deal(other, "TORONTO", "C2")).id, minutes(-5), null);
    await expect(completeTask(db, { taskId: foreign.id, outcome: "no_answer" }, ctx())).rejects.toMatchObject({ code: "not_found" });
  });

  it("assigns open tasks in bulk to a VA of the workspace only", async () => {
    const d = await deal(db, "OTTAWA", "D1");
    const a = await task(db, d.id, minutes(-30), null);
    const b = await task(db, d.id, minutes(-30), null, 4);
    const admin = { ...ctx(), actorId: users.admin };
    expect(await assignTasks(db, { taskIds: [a.id, b.id], ownerId: users.va2 }, admin)).toEqual({ assigned: 2, skipped: 0 });
    expect((await db.followUpTask.findMany({ where: { id: { in: [a.id, b.id] } } })).every((t) => t.ownerId === users.va2)).toBe(true);
    await expect(assignTasks(db, { taskIds: [a.id], ownerId: users.viewer }, admin)).rejects.toMatchObject({ field: "ownerId" });
    await expect(assignTasks(other, { taskIds: [a.id], ownerId: users.va }, admin)).rejects.toMatchObject({ field: "ownerId" });
  });

  it("reports the SLA by VA and market", async () => {
    const sla = await getSlaSnapshot(db, { now: NOW });
    expect(sla.count).toBeGreaterThan(0);
    const va = sla.byOwner.find((o) => o.ownerId === users.va)!;
    // va: A1 open 90 min (missed 30 min), C1 done in 20 min (both), C1 step 4 skipped (missed).
    expect(va).toMatchObject({ count: 3, completed: 1, within30m: 0.333 });
    expect(sla.byMarket.map((m) => m.market).sort()).toEqual(["OTTAWA", "TORONTO"]);
    expect((await getSlaSnapshot(other, { now: NOW })).byOwner.map((o) => o.ownerId)).toEqual([null]);
  });
});

describe("the ladder's lifecycle in the database", () => {
  it("starts once per lead with the tenant's template, writes its start event, and stops by hand", async () => {
    await saveLadderTemplate(db, { steps: [{ channel: "CALL", delayMinutes: 0 }, { channel: "SMS", delayMinutes: 60, template: "Hi {{firstName}}" }], reason: "Shorter ladder" }, ctx());
    expect((await getLadderTemplate(db)).steps).toHaveLength(2);
    expect(await db.auditEvent.count({ where: { action: "ladder_template.created" } })).toBe(1);

    const d = await deal(db, "TORONTO", "E1");
    const start = new Date("2026-03-10T15:00:00Z");
    const [first] = await startLadders(db, [d.id, d.id], { now: start, trigger: "manual", enqueue: true });
    expect(first).toMatchObject({ status: "started" });
    const [again] = await startLadders(db, [d.id], { now: start, trigger: "manual", enqueue: true });
    expect(again).toMatchObject({ status: "already_active" });
    expect(await startLadders(db, ["nope"], { now: start, trigger: "api", enqueue: true })).toEqual([{ dealId: "nope", status: "deal_not_found" }]);
    const events = await db.eventOutbox.findMany({ where: { name: "ladder/start.requested" } });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ dealId: d.id, tenantId: db.tenantId });

    const view = await getDealLadder(db, d.id);
    expect(view?.steps.map((s) => [s.channel, s.dueAt, s.shown])).toEqual([
      ["CALL", "2026-03-10T15:00:00.000Z", "scheduled"],
      ["SMS", "2026-03-10T16:00:00.000Z", "scheduled"],
    ]);
    const stopped = await stopLadderByHand(db, { dealId: d.id, reason: "seller asked" }, ctx());
    expect(stopped).toMatchObject({ stopped: true });
    expect((await getDealLadder(db, d.id))?.steps.map((s) => s.shown)).toEqual(["cancelled", "cancelled"]);
    expect(await db.eventOutbox.count({ where: { name: "ladder/stop.requested" } })).toBe(1);
    expect(await stopLadderByHand(db, { dealId: d.id }, ctx())).toEqual({ stopped: false });
  });

  it("a lead taken in writes its lead-created event in the same transaction", async () => {
    const report = await intakeDeals(db, [{ deal: { street: "9 Bay St", city: "Toronto", region: "ON", postalCode: "M5J 2N8" } as never, raw: {} }], { source: "MANUAL" });
    const [created] = report.created;
    const event = await db.eventOutbox.findFirstOrThrow({ where: { id: `lead-created:${created.id}` } });
    expect(event).toMatchObject({ name: "lead/created", data: { dealId: created.id, tenantId: db.tenantId } });
  });
});
