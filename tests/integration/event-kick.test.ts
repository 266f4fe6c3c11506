import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { EVENTS } from "@/lib/events/catalog";
import { dispatchNow, registerEventSender } from "@/lib/events/dispatch-runtime";
import type { SendEvents } from "@/lib/events/dispatcher";
import { enqueueEvents } from "@/lib/events/outbox";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let sent: { id: string; name: string }[];
let unregister: (() => void) | undefined;

/** A stand-in for Inngest that accepts everything and remembers what it got. */
const fakeSender: SendEvents = async (events) => {
  sent.push(...events.map(({ id, name }) => ({ id, name })));
  return { ids: events.map((event) => event.id) };
};

/** Long enough for a kicked pass to claim and send on the in-memory database. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** An event already waiting in the outbox, written without a kick: any pass that runs sends it. */
async function waitingEvent() {
  return database.prisma.eventOutbox.create({
    data: { id: randomUUID(), tenantId: db.tenantId, name: EVENTS.leadCreated, data: { tenantId: db.tenantId, dealId: "waiting" } },
  });
}

const pendingIds = async () =>
  (await database.prisma.eventOutbox.findMany({ where: { dispatchedAt: null }, select: { id: true } })).map((row) => row.id);

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "kick", name: "Kick Co", timeZone: "America/Toronto", country: "CA" } });
  db = scopeToTenant(database.prisma, tenant.id);
});
afterAll(() => database.close());
beforeEach(async () => {
  sent = [];
  await database.prisma.eventOutbox.deleteMany();
});
afterEach(async () => {
  unregister?.();
  unregister = undefined;
  await settle();
});

describe("after-commit callbacks of a tenant transaction", () => {
  it("run once the transaction committed, not while it is open, and once per callback", async () => {
    const callback = vi.fn();
    await db.$transaction(async (tx) => {
      tx.afterCommit(callback);
      tx.afterCommit(callback);
      await tx.eventOutbox.count();
      expect(callback).not.toHaveBeenCalled();
    });
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("never run when the transaction rolls back", async () => {
    const callback = vi.fn();
    await expect(
      db.$transaction(async (tx) => {
        tx.afterCommit(callback);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await settle();
    expect(callback).not.toHaveBeenCalled();
  });

  it("a failing callback does not undo or fail the committed transaction", async () => {
    const after = vi.fn();
    const result = await db.$transaction(async (tx) => {
      tx.afterCommit(() => {
        throw new Error("callback broke");
      });
      tx.afterCommit(after);
      return "committed";
    });
    expect(result).toBe("committed");
    expect(after).toHaveBeenCalledTimes(1);
  });
});

describe("enqueueing events kicks the dispatcher", () => {
  it("after the enclosing transaction commits: the event goes out and is marked dispatched", async () => {
    unregister = registerEventSender(fakeSender);
    const [id] = await db.$transaction(async (tx) => {
      const ids = await enqueueEvents(tx, [{ name: EVENTS.leadCreated, data: { dealId: "deal-commit" } }]);
      await settle();
      // Not yet committed: a pass cannot have sent it.
      expect(sent).toEqual([]);
      return ids;
    });
    await vi.waitFor(() => expect(sent).toEqual([{ id, name: EVENTS.leadCreated }]));
    await vi.waitFor(async () => expect(await pendingIds()).toEqual([]));
  });

  it("never when the transaction rolls back: nothing is sent, not even events already waiting", async () => {
    const waiting = await waitingEvent();
    unregister = registerEventSender(fakeSender);
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEvents(tx, [{ name: EVENTS.leadCreated, data: { dealId: "deal-rollback" } }]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await settle();
    expect(sent).toEqual([]);
    expect(await pendingIds()).toEqual([waiting.id]);
  });

  it("right after the insert when there is no enclosing transaction", async () => {
    unregister = registerEventSender(fakeSender);
    const [id] = await enqueueEvents(db, [{ name: EVENTS.ladderStopRequested, data: { dealId: "deal-direct", reason: "manual" } }]);
    await vi.waitFor(() => expect(sent).toEqual([{ id, name: EVENTS.ladderStopRequested }]));
    await vi.waitFor(async () => expect(await pendingIds()).toEqual([]));
  });
});

describe("without a registered sender", () => {
  it("a dispatch pass claims and marks nothing: events stay pending, untouched", async () => {
    const waiting = await waitingEvent();
    const [enqueued] = await enqueueEvents(db, [{ name: EVENTS.leadCreated, data: { dealId: "deal-unsent" } }]);
    const before = await database.prisma.eventOutbox.findMany({ orderBy: { id: "asc" } });

    expect(await dispatchNow()).toEqual({ sent: 0, failed: 0, lastError: null });
    await settle();

    expect((await pendingIds()).sort()).toEqual([waiting.id, enqueued].sort());
    expect(await database.prisma.eventOutbox.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("a sender that was unregistered no longer sends", async () => {
    registerEventSender(fakeSender)();
    await enqueueEvents(db, [{ name: EVENTS.leadCreated, data: { dealId: "deal-after-unregister" } }]);
    await dispatchNow();
    await settle();
    expect(sent).toEqual([]);
    expect(await pendingIds()).toHaveLength(1);
  });
});
