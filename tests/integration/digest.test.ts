import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { digestText, sendAuditDigest, summarizeAuditEvents } from "@/lib/audit/digest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/service";
import { createTestDatabase } from "../helpers/db";

const HOUR = 3_600_000;
let database: Database;

async function tenantWith(roles: Role[]) {
  const tag = randomBytes(4).toString("hex");
  const tenant = await database.prisma.tenant.create({ data: { slug: `d-${tag}`, name: `Digest ${tag}` } });
  const users: Record<string, string> = {};
  for (const [i, role] of roles.entries()) {
    const user = await database.prisma.user.create({ data: { email: `${role}${i}-${tag}@example.test`, name: role, passwordHash: "x" } });
    await database.prisma.membership.create({ data: { tenantId: tenant.id, userId: user.id, role } });
    users[`${role}${i}`] = user.id;
  }
  return { id: tenant.id, db: scopeToTenant(database.prisma, tenant.id), users };
}

async function addEvent(db: TenantDb, action: string, actorEmail: string | null, createdAt: Date) {
  await db.auditEvent.create({ data: { action, entity: "Thing", actorEmail, createdAt } as never });
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("sendAuditDigest", () => {
  it("notifies each owner and admin once with the last 24 hours' counts, and is idempotent", async () => {
    const t = await tenantWith(["owner", "owner", "admin", "investor", "va", "viewer"]);
    const until = new Date("2030-06-15T08:00:00.000Z");
    const at = (hoursBefore: number) => new Date(until.getTime() - hoursBefore * HOUR);
    // Inside the window [until - 24h, until).
    await addEvent(t.db, "member.invited", "a@example.test", at(1));
    await addEvent(t.db, "member.invited", "b@example.test", at(2));
    await addEvent(t.db, "member.removed", "a@example.test", at(23));
    await addEvent(t.db, "tenant.updated", null, at(24)); // exactly at the window's start: included
    // Outside it.
    await addEvent(t.db, "member.invited", "old@example.test", at(24.01));
    await addEvent(t.db, "member.invited", "old@example.test", at(48));
    await addEvent(t.db, "member.invited", "future@example.test", at(0)); // exactly at `until`: excluded
    await addEvent(t.db, "member.invited", "future@example.test", at(-1));
    // Another tenant's events never count.
    const other = await tenantWith(["owner"]);
    await addEvent(other.db, "member.removed", "intruder@example.test", at(1));

    const result = await sendAuditDigest(t.db, until);
    expect(result).toEqual({ notified: 3, total: 4, skipped: false });

    const notes = await database.prisma.notification.findMany({ where: { tenantId: t.id } });
    expect(notes.map((n) => n.userId).sort()).toEqual([t.users.owner0, t.users.owner1, t.users.admin2].sort());
    const expected = summarizeAuditEvents(
      [
        { action: "member.invited", actorEmail: "a@example.test" },
        { action: "member.invited", actorEmail: "b@example.test" },
        { action: "member.removed", actorEmail: "a@example.test" },
        { action: "tenant.updated", actorEmail: null },
      ],
      { since: at(24), until },
    );
    for (const note of notes) {
      expect(note).toMatchObject({ kind: "audit.digest", title: "Daily audit summary", body: digestText(expected), readAt: null });
      expect(note.data).toEqual({ window: "2030-06-15", ...expected });
    }
    expect((notes[0].data as { byAction: unknown }).byAction).toEqual([
      { action: "member.invited", count: 2 },
      { action: "member.removed", count: 1 },
      { action: "tenant.updated", count: 1 },
    ]);

    // Running again for the same window adds nothing.
    expect(await sendAuditDigest(t.db, until)).toEqual({ notified: 0, total: null, skipped: true });
    expect(await database.prisma.notification.count({ where: { tenantId: t.id } })).toBe(3);

    // The other tenant's digest for the same window is not blocked by this one.
    expect(await sendAuditDigest(other.db, until)).toMatchObject({ notified: 1, total: 1, skipped: false });

    // The next day's run sends a new digest.
    const next = await sendAuditDigest(t.db, new Date(until.getTime() + 24 * HOUR));
    expect(next).toEqual({ notified: 3, total: 2, skipped: false });
    expect(await database.prisma.notification.count({ where: { tenantId: t.id } })).toBe(6);
  });

  it("still reports a quiet day", async () => {
    const t = await tenantWith(["owner"]);
    const result = await sendAuditDigest(t.db, new Date("2031-01-01T06:00:00Z"));
    expect(result).toEqual({ notified: 1, total: 0, skipped: false });
    const [note] = await database.prisma.notification.findMany({ where: { tenantId: t.id } });
    expect(note.body).toBe("No changes were recorded in the last 24 hours.");
  });
});

describe("notifications per user", () => {
  it("lists and marks read only the user's own notifications", async () => {
    const t = await tenantWith(["owner", "admin"]);
    const [alice, bob] = [t.users.owner0, t.users.admin1];
    const make = (userId: string, title: string, minutesAgo: number) =>
      t.db.notification.create({ data: { userId, kind: "test", title, body: title, createdAt: new Date(Date.now() - minutesAgo * 60_000) } as never });
    await make(alice, "alice-old", 10);
    await make(alice, "alice-new", 1);
    await make(bob, "bob-1", 5);
    await make(bob, "bob-2", 6);
    await make(bob, "bob-3", 7);

    const forAlice = await listNotifications(t.db, alice);
    expect(forAlice.items.map((n) => n.title)).toEqual(["alice-new", "alice-old"]);
    expect(forAlice.unread).toBe(2);
    expect((await listNotifications(t.db, bob)).unread).toBe(3);
    expect((await listNotifications(t.db, alice, 1)).items.map((n) => n.title)).toEqual(["alice-new"]);

    const readAt = new Date("2030-01-01T00:00:00Z");
    expect(await markNotificationsRead(t.db, alice, readAt)).toEqual({ count: 2 });
    const aliceAfter = await listNotifications(t.db, alice);
    expect(aliceAfter.unread).toBe(0);
    expect(aliceAfter.items.every((n) => n.readAt?.getTime() === readAt.getTime())).toBe(true);

    const bobAfter = await listNotifications(t.db, bob);
    expect(bobAfter.unread).toBe(3);
    expect(bobAfter.items.every((n) => n.readAt === null)).toBe(true);
    // Marking again changes nothing.
    expect(await markNotificationsRead(t.db, alice)).toEqual({ count: 0 });
  });

  it("does not show or mark another tenant's notifications", async () => {
    const a = await tenantWith(["owner"]);
    const user = a.users.owner0;
    const b = await tenantWith(["owner"]);
    // The same user is also a member of B and has a notification there.
    await database.prisma.membership.create({ data: { tenantId: b.id, userId: user, role: "va" } });
    await b.db.notification.create({ data: { userId: user, kind: "test", title: "in-b", body: "b" } as never });
    expect((await listNotifications(a.db, user)).items).toEqual([]);
    expect(await markNotificationsRead(a.db, user)).toEqual({ count: 0 });
    expect((await listNotifications(b.db, user)).unread).toBe(1);
  });
});
