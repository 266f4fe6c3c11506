import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { outboxBacklog } from "@/lib/events/backlog";
import { DISPATCH_BACKOFF_BASE_MS } from "@/lib/events/backoff";
import { dispatchPendingEvents, type SendEvents } from "@/lib/events/dispatcher";
import { enqueueEvents } from "@/lib/events/outbox";
import { EVENTS } from "@/lib/events/catalog";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let a: TenantDb;
let b: TenantDb;

/** A stand-in Inngest: records every event it accepted, drops an id it has seen (as Inngest does), or is down. */
function fakeInngest() {
  const accepted = new Map<string, { name: string; data: Record<string, unknown> }>();
  const sentIds: string[] = [];
  let reachable = false;
  const send: SendEvents = async (events) => {
    // What fetch throws when nothing listens: the reason is in the cause.
    if (!reachable) throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:8288") });
    for (const event of events) {
      sentIds.push(event.id);
      if (!accepted.has(event.id)) accepted.set(event.id, { name: event.name, data: event.data });
    }
    return { ids: events.map((e) => e.id) };
  };
  return { send, accepted, sentIds, up: () => void (reachable = true), down: () => void (reachable = false) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const ta = await database.prisma.tenant.create({ data: { slug: "outbox-a", name: "Outbox A", timeZone: "America/Toronto", country: "CA" } });
  const tb = await database.prisma.tenant.create({ data: { slug: "outbox-b", name: "Outbox B", timeZone: "America/Chicago", country: "US" } });
  a = scopeToTenant(database.prisma, ta.id);
  b = scopeToTenant(database.prisma, tb.id);
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.prisma.eventOutbox.deleteMany();
});

describe("event outbox dispatcher", () => {
  it("keeps events written while Inngest is unreachable, then delivers each exactly once when it answers", async () => {
    const inngest = fakeInngest();
    // A clock just past the rows' creation, moved by hand from there.
    let clock = new Date(Date.now() + 5000);
    const now = () => clock;
    const ids = await a.$transaction(async (tx) =>
      enqueueEvents(tx, [
        { name: EVENTS.leadCreated, data: { dealId: "deal-1" } },
        { name: EVENTS.leadCreated, data: { dealId: "deal-2" } },
      ]),
    );
    const [idB] = await enqueueEvents(b, [{ name: EVENTS.engineRunRequested, data: { engine: "underwriting", trigger: "event" } }]);

    // Inngest is down: nothing is lost, every row records the attempt, the error and a backoff.
    const failed = await dispatchPendingEvents({ prisma: database.prisma, send: inngest.send, now });
    expect(failed).toMatchObject({ sent: 0, failed: 3, lastError: expect.stringContaining("ECONNREFUSED") });
    const rows = await database.prisma.eventOutbox.findMany();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.dispatchedAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toBe("fetch failed: connect ECONNREFUSED 127.0.0.1:8288");
      expect(row.nextAttemptAt.getTime()).toBe(clock.getTime() + DISPATCH_BACKOFF_BASE_MS);
    }
    expect(await outboxBacklog(a)).toMatchObject({ pending: 2, maxAttempts: 1, lastError: expect.stringContaining("ECONNREFUSED") });
    expect((await outboxBacklog(database.prisma)).pending).toBe(3);

    // Before the backoff has passed, a pass does not even try.
    inngest.up();
    expect(await dispatchPendingEvents({ prisma: database.prisma, send: inngest.send, now })).toMatchObject({ sent: 0, failed: 0 });
    expect(inngest.sentIds).toEqual([]);

    // A second failure doubles the wait.
    inngest.down();
    clock = new Date(clock.getTime() + DISPATCH_BACKOFF_BASE_MS);
    await dispatchPendingEvents({ prisma: database.prisma, send: inngest.send, now });
    const retried = await database.prisma.eventOutbox.findFirstOrThrow({ where: { id: ids[0] } });
    expect(retried.attempts).toBe(2);
    expect(retried.nextAttemptAt.getTime()).toBe(clock.getTime() + 2 * DISPATCH_BACKOFF_BASE_MS);

    // Inngest is back: every event goes out once, with its outbox id as the event id.
    inngest.up();
    clock = new Date(clock.getTime() + 2 * DISPATCH_BACKOFF_BASE_MS);
    const delivered = await dispatchPendingEvents({ prisma: database.prisma, send: inngest.send, now });
    expect(delivered).toMatchObject({ sent: 3, failed: 0 });
    expect(inngest.sentIds.sort()).toEqual([...ids, idB].sort());
    expect(inngest.accepted.get(ids[0])).toEqual({ name: EVENTS.leadCreated, data: { dealId: "deal-1", tenantId: a.tenantId } });
    expect(inngest.accepted.get(idB)?.data).toMatchObject({ tenantId: b.tenantId, engine: "underwriting" });
    expect(await database.prisma.eventOutbox.count({ where: { dispatchedAt: null } })).toBe(0);
    expect(await outboxBacklog(database.prisma)).toMatchObject({ pending: 0, oldestCreatedAt: null });

    // A later pass sends nothing again.
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await dispatchPendingEvents({ prisma: database.prisma, send: inngest.send, now })).toMatchObject({ sent: 0 });
    expect(inngest.sentIds).toHaveLength(3);
  });

  it("concurrent passes never hand the same event out twice", async () => {
    const inngest = fakeInngest();
    inngest.up();
    const ids = await enqueueEvents(a, Array.from({ length: 60 }, (_, i) => ({ name: EVENTS.leadCreated, data: { dealId: `deal-${i}` } })));
    const slowSend: SendEvents = async (events) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return inngest.send(events);
    };
    const reports = await Promise.all(
      Array.from({ length: 4 }, () => dispatchPendingEvents({ prisma: database.prisma, send: slowSend, batchSize: 7 })),
    );
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(60);
    expect(inngest.sentIds).toHaveLength(60);
    expect(new Set(inngest.sentIds)).toEqual(new Set(ids));
  });

  it("a pass that crashed between sending and marking resends the same ids, which Inngest drops", async () => {
    const inngest = fakeInngest();
    inngest.up();
    const [id] = await enqueueEvents(a, [{ name: EVENTS.ladderStartRequested, data: { dealId: "deal-x", actorId: "u1" } }]);
    let clock = new Date(Date.now() + 5000);
    // The send is accepted but the process dies before marking: the lease expires and the row is due again.
    await expect(
      dispatchPendingEvents({
        prisma: database.prisma,
        now: () => clock,
        send: async (events) => {
          await inngest.send(events);
          throw new Error("process killed");
        },
      }),
    ).resolves.toMatchObject({ failed: 1 });
    clock = new Date(clock.getTime() + 60_000);
    await dispatchPendingEvents({ prisma: database.prisma, send: inngest.send, now: () => clock });
    expect(inngest.sentIds).toEqual([id, id]);
    expect(inngest.accepted.size).toBe(1);
    expect((await database.prisma.eventOutbox.findUniqueOrThrow({ where: { id } })).dispatchedAt).not.toBeNull();
  });
});
