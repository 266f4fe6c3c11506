import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { startLadders } from "@/lib/ladder/lifecycle";
import { readStepStates } from "@/lib/ladder/state";
import { planLadderStep, runLadderStep, type LadderSender } from "@/lib/ladder/steps";
import { saveLadderTemplate } from "@/lib/ladder/templates";
import { isContactAllowed, getEffectivePolicy, seedMarketPolicies } from "@/lib/policy";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let seq = 0;
const ctx = { actorId: null, actorEmail: "test@spacing.test", requestId: undefined };

/** The outbound core's answer for every text: sent. The gates have their own tests. */
const send: LadderSender = async () => ({ messageId: null, status: "SENT" });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "spacing", name: "Spacing Homes", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  await seedMarketPolicies(db, null);
});
afterAll(() => database.close());

async function makeLead(region: string, timeZone: string) {
  seq += 1;
  return db.deal.create({
    data: { source: "MANUAL", addressKey: `SPACING-${seq}`, raw: {}, street: `${seq} Oak St`, city: "Town", region, market: "ALL", timeZone, score: 80, contactName: "Pat Seller", contactPhone: `+1305555${String(seq).padStart(4, "0")}` } as never,
  });
}

async function startAt(dealId: string, now: Date) {
  const [started] = await startLadders(db, [dealId], { now, trigger: "manual", enqueue: false });
  if (started.status !== "started") throw new Error(`ladder not started: ${started.status}`);
  return started.ladderId;
}

async function stepsOf(ladderId: string) {
  return readStepStates((await db.followUpLadder.findFirstOrThrow({ where: { id: ladderId } })).steps);
}

describe("ladder spacing at run time", () => {
  it("plans the 2:36 AM Sunday start apart, and a step run late pushes the later ones by their own gaps", async () => {
    const deal = await makeLead("NY", "America/New_York");
    const ladderId = await startAt(deal.id, new Date("2026-11-29T07:36:00Z")); // Sunday 02:36 EST
    expect((await stepsOf(ladderId)).map((s) => s.dueAt)).toEqual([
      "2026-11-30T14:00:00.000Z",
      "2026-11-30T14:30:00.000Z",
      "2026-11-30T17:00:00.000Z",
      "2026-12-01T14:00:00.000Z",
      "2026-12-03T14:00:00.000Z",
      "2026-12-07T14:00:00.000Z",
    ]);

    // The first text goes out two hours late (the server was down): Monday 11:00.
    const late = new Date("2026-11-30T16:00:00Z");
    expect(await runLadderStep(db, ladderId, 0, late, send)).toMatchObject({ outcome: "done", state: "sent" });
    // The call keeps its 30 minutes after the text's actual time, not its planned 09:30.
    expect(await planLadderStep(db, ladderId, 1, late)).toEqual({ action: "run", dueAt: "2026-11-30T16:30:00.000Z" });
    const replanned = await stepsOf(ladderId);
    expect(replanned.map((s) => s.dueAt)).toEqual([
      "2026-11-30T16:00:00.000Z",
      "2026-11-30T16:30:00.000Z",
      "2026-11-30T19:00:00.000Z",
      "2026-12-01T16:00:00.000Z",
      "2026-12-03T16:00:00.000Z",
      "2026-12-07T16:00:00.000Z",
    ]);

    // Woken too early for the gap, the run waits; at its time it creates the call task inside the window.
    expect(await runLadderStep(db, ladderId, 1, new Date("2026-11-30T16:10:00Z"), send)).toEqual({ outcome: "wait", dueAt: "2026-11-30T16:30:00.000Z" });
    expect(await runLadderStep(db, ladderId, 1, new Date("2026-11-30T16:30:00Z"), send)).toMatchObject({ outcome: "done", state: "task_created" });
    const task = await db.followUpTask.findFirstOrThrow({ where: { ladderId, step: 2 } });
    expect(task.dueAt.toISOString()).toBe("2026-11-30T16:30:00.000Z");
    const policy = await getEffectivePolicy(db, "NY", "ALL");
    expect(isContactAllowed({ policy, timeZones: ["America/New_York"], at: task.dueAt, channel: "CALL", score: 80 }).ok).toBe(true);
  });

  it("holds a Florida lead's fourth touch in 24 hours until the first is 24 hours old, even when the runs come early", async () => {
    await saveLadderTemplate(
      db,
      {
        steps: [
          { channel: "SMS", delayMinutes: 0, template: "Hi {{firstName}}" },
          { channel: "CALL", delayMinutes: 60, template: "" },
          { channel: "SMS", delayMinutes: 120, template: "Hi again {{firstName}}" },
          { channel: "CALL", delayMinutes: 180, template: "" },
        ],
        reason: "Hourly test ladder",
      },
      ctx,
    );
    const deal = await makeLead("FL", "America/New_York");
    const start = new Date("2026-12-01T15:00:00Z"); // Tuesday 10:00 EST
    const ladderId = await startAt(deal.id, start);
    expect((await stepsOf(ladderId))[3].dueAt).toBe("2026-12-02T15:00:00.000Z");

    const hours = (n: number) => new Date(start.getTime() + n * 3_600_000);
    for (const index of [0, 1, 2]) expect(await runLadderStep(db, ladderId, index, hours(index), send)).toMatchObject({ outcome: "done" });
    // Asked at 13:00, the fourth touch may not come before Wednesday 10:00.
    expect(await planLadderStep(db, ladderId, 3, hours(3))).toEqual({ action: "run", dueAt: "2026-12-02T15:00:00.000Z" });
    expect(await runLadderStep(db, ladderId, 3, hours(3), send)).toEqual({ outcome: "wait", dueAt: "2026-12-02T15:00:00.000Z" });
    expect(await runLadderStep(db, ladderId, 3, hours(24), send)).toMatchObject({ outcome: "done", state: "task_created", completed: true });
  });
});
