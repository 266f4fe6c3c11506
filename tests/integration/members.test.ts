import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { useDatabase, type Database } from "@/lib/db/client";
import { tenantDbForInvitation } from "@/lib/db/edge";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { openAuditEvents } from "@/lib/audit/sealing";
import {
  acceptInvitation,
  describeInvitation,
  hashInvitationToken,
  INVITATION_TTL_DAYS,
  inviteMember,
  listInvitations,
  revokeInvitation,
} from "@/lib/tenants/invitations";
import { changeMemberRole, listMembers, removeMember, type Acting } from "@/lib/tenants/members";
import { provisionTenant } from "@/lib/tenants/provision";
import { InviteMemberInput } from "@/lib/tenants/schema";
import { createTestDatabase } from "../helpers/db";

const PASSWORD = "correct horse battery";
const DAY = 86_400_000;

let database: Database;

/** The invitation page resolves the workspace from the token, as here. */
const invitationDb = (token: string) => tenantDbForInvitation(hashInvitationToken(token));

interface Member {
  userId: string;
  membershipId: string;
  email: string;
  role: Role;
}

interface TestTenant {
  id: string;
  db: TenantDb;
  members: Member[];
  /** The first member with this role. */
  m(role: Role, index?: number): Member;
  acting(member: Member, roleOverride?: Role): Acting;
}

async function setupTenant(roles: Role[]): Promise<TestTenant> {
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `t-${tag}`, name: `Tenant ${tag}`, timeZone: "America/Toronto", country: "CA" },
    roles.map((role, i) => ({ email: `${role}${i}-${tag}@example.test`, name: `${role} ${i}`, password: PASSWORD, role })),
  );
  const memberships = await database.prisma.membership.findMany({ where: { tenantId: tenant.id }, include: { user: true } });
  const members = roles.map((role, i) => {
    const m = memberships.find((x) => x.user.email === `${role}${i}-${tag}@example.test`)!;
    return { userId: m.userId, membershipId: m.id, email: m.user.email, role };
  });
  return {
    id: tenant.id,
    db: scopeToTenant(database.prisma, tenant.id),
    members,
    m: (role, index = 0) => members.filter((x) => x.role === role)[index],
    acting: (member, roleOverride) => ({
      actorId: member.userId,
      actorEmail: member.email,
      role: roleOverride ?? member.role,
      requestId: `req-${randomBytes(6).toString("hex")}`,
    }),
  };
}

const auditOf = (tenantId: string) =>
  database.prisma.auditEvent.findMany({ where: { tenantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/** Runs `change` and returns the audit events it added to the tenant. */
/** The audit lines `change` wrote, as the audit log shows them: personal fields opened from their seal. */
async function newAuditEvents(tenantId: string, change: () => Promise<unknown>) {
  const before = new Set((await auditOf(tenantId)).map((e) => e.id));
  await change();
  const added = (await auditOf(tenantId)).filter((e) => !before.has(e.id));
  // Stored rows keep a person's email only sealed (crypto-shredding), never readable.
  for (const event of added) expect(JSON.stringify([event.before, event.after])).not.toMatch(/"email":"[^"[]/);
  return openAuditEvents(scopeToTenant(database.prisma, tenantId), added);
}

/** Asserts `change` fails with `code` and leaves memberships, invitations and the audit log as they were. */
async function expectRefusedWithoutEffect(tenantId: string, change: () => Promise<unknown>, code: string) {
  const snapshot = async () => ({
    memberships: await database.prisma.membership.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    invitations: await database.prisma.invitation.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    audit: await auditOf(tenantId),
  });
  const before = await snapshot();
  await expect(change()).rejects.toMatchObject({ name: "ExpectedError", code });
  expect(await snapshot()).toEqual(before);
}

const roleOf = async (membershipId: string) =>
  (await database.prisma.membership.findUnique({ where: { id: membershipId } }))?.role ?? null;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
});
afterAll(() => database.close());

describe("provisionTenant", () => {
  it("creates the tenant, its members and one tenant.created audit line", async () => {
    const t = await setupTenant(["owner", "admin", "va"]);
    const members = await listMembers(t.db);
    expect(members.map((m) => m.role).sort()).toEqual(["admin", "owner", "va"]);
    const audit = await auditOf(t.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "tenant.created", entity: "Tenant", entityId: t.id });
  });

  it("refuses a tenant without an owner", async () => {
    await expect(
      provisionTenant(database.prisma, { slug: "no-owner", name: "No owner", timeZone: "UTC", country: "US" }, [
        { email: "admin-only@example.test", name: "Admin", password: PASSWORD, role: "admin" },
      ]),
    ).rejects.toThrow(/owner/);
    expect(await database.prisma.tenant.count({ where: { slug: "no-owner" } })).toBe(0);
  });
});

describe("changeMemberRole", () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await setupTenant(["owner", "admin", "va", "viewer"]);
  });

  it("changes a role and writes exactly one audit line with actor, before/after and request id", async () => {
    const owner = t.m("owner");
    const va = t.m("va");
    const acting = t.acting(owner);
    let updated: { role: string } | undefined;
    const events = await newAuditEvents(t.id, async () => {
      updated = await changeMemberRole(t.db, { membershipId: va.membershipId, role: "investor" }, acting);
    });
    expect(updated?.role).toBe("investor");
    expect(await roleOf(va.membershipId)).toBe("investor");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "member.role_changed",
      entity: "Membership",
      entityId: va.membershipId,
      actorId: owner.userId,
      actorEmail: owner.email,
      requestId: acting.requestId,
      before: { email: va.email, role: "va" },
      after: { email: va.email, role: "investor" },
    });
    await changeMemberRole(t.db, { membershipId: va.membershipId, role: "va" }, t.acting(owner));
  });

  it("lets an admin change roles below owner", async () => {
    const events = await newAuditEvents(t.id, () =>
      changeMemberRole(t.db, { membershipId: t.m("viewer").membershipId, role: "va" }, t.acting(t.m("admin"))),
    );
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(t.m("admin").userId);
    expect(await roleOf(t.m("viewer").membershipId)).toBe("va");
    await changeMemberRole(t.db, { membershipId: t.m("viewer").membershipId, role: "viewer" }, t.acting(t.m("owner")));
  });

  it("writes nothing when the role does not change", async () => {
    const events = await newAuditEvents(t.id, () =>
      changeMemberRole(t.db, { membershipId: t.m("va").membershipId, role: "va" }, t.acting(t.m("owner"))),
    );
    expect(events).toEqual([]);
  });

  it("does not let an admin grant the owner role", async () => {
    await expectRefusedWithoutEffect(
      t.id,
      () => changeMemberRole(t.db, { membershipId: t.m("va").membershipId, role: "owner" }, t.acting(t.m("admin"))),
      "forbidden",
    );
  });

  it("does not let an admin demote an owner", async () => {
    await expectRefusedWithoutEffect(
      t.id,
      () => changeMemberRole(t.db, { membershipId: t.m("owner").membershipId, role: "viewer" }, t.acting(t.m("admin"))),
      "forbidden",
    );
  });

  it("does not let anyone change their own role", async () => {
    await expectRefusedWithoutEffect(
      t.id,
      () => changeMemberRole(t.db, { membershipId: t.m("owner").membershipId, role: "admin" }, t.acting(t.m("owner"))),
      "forbidden",
    );
    await expectRefusedWithoutEffect(
      t.id,
      () => changeMemberRole(t.db, { membershipId: t.m("admin").membershipId, role: "va" }, t.acting(t.m("admin"))),
      "forbidden",
    );
  });

  it("does not let a VA or viewer change roles", async () => {
    await expectRefusedWithoutEffect(
      t.id,
      () => changeMemberRole(t.db, { membershipId: t.m("viewer").membershipId, role: "admin" }, t.acting(t.m("va"))),
      "forbidden",
    );
    await expectRefusedWithoutEffect(
      t.id,
      () => changeMemberRole(t.db, { membershipId: t.m("va").membershipId, role: "admin" }, t.acting(t.m("viewer"))),
      "forbidden",
    );
  });

  it("reports an unknown membership as not found", async () => {
    await expectRefusedWithoutEffect(
      t.id,
      () => changeMemberRole(t.db, { membershipId: "does-not-exist", role: "admin" }, t.acting(t.m("owner"))),
      "not_found",
    );
  });
});

describe("the last owner", () => {
  it("cannot remove themselves: error, nothing changed, no audit line", async () => {
    const t = await setupTenant(["owner", "admin"]);
    await expectRefusedWithoutEffect(t.id, () => removeMember(t.db, t.m("owner").membershipId, t.acting(t.m("owner"))), "conflict");
    expect(await roleOf(t.m("owner").membershipId)).toBe("owner");
  });

  it("cannot be demoted, even by an owner who was demoted a moment earlier (racing demotions)", async () => {
    const t = await setupTenant(["owner", "owner", "va"]);
    const [a, b] = [t.m("owner", 0), t.m("owner", 1)];
    // B is still acting as owner (the check ran before A's change committed).
    const staleB = t.acting(b, "owner");
    const events = await newAuditEvents(t.id, () =>
      changeMemberRole(t.db, { membershipId: b.membershipId, role: "admin" }, t.acting(a)),
    );
    expect(events).toHaveLength(1);
    await expectRefusedWithoutEffect(
      t.id,
      () => changeMemberRole(t.db, { membershipId: a.membershipId, role: "admin" }, staleB),
      "conflict",
    );
    expect(await roleOf(a.membershipId)).toBe("owner");
  });

  it("can step down once another owner exists: the other owner removes or demotes them", async () => {
    const t = await setupTenant(["owner", "owner"]);
    const [a, b] = [t.m("owner", 0), t.m("owner", 1)];
    const events = await newAuditEvents(t.id, () => removeMember(t.db, a.membershipId, t.acting(b)));
    expect(events).toHaveLength(1);
    expect(await roleOf(a.membershipId)).toBeNull();
    // B is now the last owner.
    await expectRefusedWithoutEffect(t.id, () => removeMember(t.db, b.membershipId, t.acting(b)), "conflict");
  });
});

describe("removeMember", () => {
  it("removes a member (not their account) and writes one audit line", async () => {
    const t = await setupTenant(["owner", "admin", "va"]);
    const va = t.m("va");
    const acting = t.acting(t.m("admin"));
    const events = await newAuditEvents(t.id, () => removeMember(t.db, va.membershipId, acting));
    expect(await roleOf(va.membershipId)).toBeNull();
    expect(await database.prisma.user.count({ where: { id: va.userId } })).toBe(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "member.removed",
      entity: "Membership",
      entityId: va.membershipId,
      actorId: t.m("admin").userId,
      actorEmail: t.m("admin").email,
      requestId: acting.requestId,
      before: { email: va.email, role: "va" },
    });
    expect(events[0].after).toBeNull();
  });

  it("does not let an admin remove an owner", async () => {
    const t = await setupTenant(["owner", "owner", "admin"]);
    await expectRefusedWithoutEffect(t.id, () => removeMember(t.db, t.m("owner", 1).membershipId, t.acting(t.m("admin"))), "forbidden");
  });

  it("does not let a VA, investor or viewer remove anyone", async () => {
    const t = await setupTenant(["owner", "va", "investor", "viewer"]);
    for (const role of ["va", "investor", "viewer"] as Role[]) {
      await expectRefusedWithoutEffect(t.id, () => removeMember(t.db, t.m("viewer").membershipId, t.acting(t.m(role))), "forbidden");
    }
  });
});

describe("tenant boundaries", () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    [a, b] = [await setupTenant(["owner", "va"]), await setupTenant(["owner", "va"])];
  });

  it("an owner of tenant A cannot change a role in tenant B", async () => {
    await expect(
      changeMemberRole(a.db, { membershipId: b.m("va").membershipId, role: "admin" }, a.acting(a.m("owner"))),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(b.m("va").membershipId)).toBe("va");
    expect(await auditOf(b.id)).toHaveLength(1);
    expect(await auditOf(a.id)).toHaveLength(1);
  });

  it("an owner of tenant A cannot remove a member of tenant B", async () => {
    await expect(removeMember(a.db, b.m("owner").membershipId, a.acting(a.m("owner")))).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(b.m("owner").membershipId)).toBe("owner");
    expect(await auditOf(b.id)).toHaveLength(1);
  });

  it("an owner of tenant A cannot revoke or see an invitation of tenant B", async () => {
    const { invitation } = await inviteMember(b.db, InviteMemberInput.parse({ email: "cross@example.test", role: "va" }), b.acting(b.m("owner")));
    await expect(revokeInvitation(a.db, invitation.id, a.acting(a.m("owner")))).rejects.toMatchObject({ code: "not_found" });
    expect((await database.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
    expect((await listInvitations(a.db)).map((i) => i.id)).not.toContain(invitation.id);
  });
});

describe("inviteMember", () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await setupTenant(["owner", "admin", "va"]);
  });

  it("stores only the token's hash, expires in 7 days and writes one audit line", async () => {
    const now = new Date();
    const acting = t.acting(t.m("admin"));
    let result: Awaited<ReturnType<typeof inviteMember>> | undefined;
    const events = await newAuditEvents(t.id, async () => {
      result = await inviteMember(t.db, InviteMemberInput.parse({ email: "  New.Person@Example.TEST ", role: "investor" }), acting, now);
    });
    const { invitation, token } = result!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const stored = await database.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored).toMatchObject({ tenantId: t.id, email: "new.person@example.test", role: "investor", invitedById: t.m("admin").userId });
    expect(stored.tokenHash).toBe(hashInvitationToken(token));
    expect(Object.values(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime()).toBe(now.getTime() + INVITATION_TTL_DAYS * DAY);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "member.invited",
      entity: "Invitation",
      entityId: invitation.id,
      actorId: t.m("admin").userId,
      actorEmail: t.m("admin").email,
      requestId: acting.requestId,
      after: { email: "new.person@example.test", role: "investor" },
    });
    expect(events[0].before).toBeNull();
  });

  it("does not let an admin invite an owner", async () => {
    await expectRefusedWithoutEffect(
      t.id,
      () => inviteMember(t.db, { email: "would-be-owner@example.test", role: "owner" }, t.acting(t.m("admin"))),
      "forbidden",
    );
  });

  it("lets an owner invite an owner", async () => {
    const { invitation } = await inviteMember(t.db, { email: "co-owner@example.test", role: "owner" }, t.acting(t.m("owner")));
    expect(invitation.role).toBe("owner");
  });

  it("does not let a VA invite", async () => {
    await expectRefusedWithoutEffect(t.id, () => inviteMember(t.db, { email: "friend@example.test", role: "viewer" }, t.acting(t.m("va"))), "forbidden");
  });

  it("refuses to invite someone who is already a member", async () => {
    await expectRefusedWithoutEffect(t.id, () => inviteMember(t.db, { email: t.m("va").email, role: "admin" }, t.acting(t.m("owner"))), "conflict");
  });

  it("replaces a pending invitation for the same address: the old link stops working", async () => {
    const first = await inviteMember(t.db, { email: "twice@example.test", role: "va" }, t.acting(t.m("owner")));
    const second = await inviteMember(t.db, { email: "twice@example.test", role: "viewer" }, t.acting(t.m("owner")));
    const statuses = Object.fromEntries((await listInvitations(t.db)).map((i) => [i.id, i.status]));
    expect(statuses[first.invitation.id]).toBe("revoked");
    expect(statuses[second.invitation.id]).toBe("pending");
    await expect(
      acceptInvitation(database.prisma, { token: first.token, name: "Twice", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("revokeInvitation and listInvitations", () => {
  it("revokes a pending invitation once, with one audit line, and the link stops working", async () => {
    const t = await setupTenant(["owner", "admin"]);
    const { invitation, token } = await inviteMember(t.db, { email: "revoke-me@example.test", role: "va" }, t.acting(t.m("owner")));
    const acting = t.acting(t.m("admin"));
    const events = await newAuditEvents(t.id, () => revokeInvitation(t.db, invitation.id, acting));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "invitation.revoked",
      entity: "Invitation",
      entityId: invitation.id,
      actorId: t.m("admin").userId,
      requestId: acting.requestId,
      before: { email: "revoke-me@example.test", role: "va" },
    });
    expect((await listInvitations(t.db)).find((i) => i.id === invitation.id)?.status).toBe("revoked");
    await expectRefusedWithoutEffect(t.id, () => revokeInvitation(t.db, invitation.id, t.acting(t.m("owner"))), "conflict");
    await expect(acceptInvitation(database.prisma, { token, name: "Revoked", password: PASSWORD })).rejects.toMatchObject({ code: "conflict" });
    expect(await database.prisma.user.count({ where: { email: "revoke-me@example.test" } })).toBe(0);
  });

  it("lists invitations newest first with their status at `now`", async () => {
    const t = await setupTenant(["owner"]);
    const now = new Date();
    const old = await inviteMember(t.db, { email: "old@example.test", role: "va" }, t.acting(t.m("owner")), new Date(now.getTime() - 10 * DAY));
    const fresh = await inviteMember(t.db, { email: "fresh@example.test", role: "viewer" }, t.acting(t.m("owner")), now);
    const list = await listInvitations(t.db, now);
    expect(list.map((i) => [i.email, i.status])).toEqual([
      ["fresh@example.test", "pending"],
      ["old@example.test", "expired"],
    ]);
    expect(list.map((i) => i.id)).toEqual([fresh.invitation.id, old.invitation.id]);
    // An expired invitation cannot be revoked either.
    await expectRefusedWithoutEffect(t.id, () => revokeInvitation(t.db, old.invitation.id, t.acting(t.m("owner")), now), "conflict");
  });
});

describe("acceptInvitation", () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await setupTenant(["owner", "va"]);
  });

  it("describes a pending invitation, and returns null for an unknown token", async () => {
    const { token } = await inviteMember(t.db, { email: "describe@example.test", role: "viewer" }, t.acting(t.m("owner")));
    const tenant = await database.prisma.tenant.findUniqueOrThrow({ where: { id: t.id } });
    expect(await describeInvitation(await invitationDb(token), token)).toEqual({
      email: "describe@example.test",
      role: "viewer",
      tenantName: tenant.name,
      status: "pending",
      hasAccount: false,
    });
    expect(await describeInvitation(await invitationDb("x".repeat(43)), "x".repeat(43))).toBeNull();
  });

  it("creates the account and the membership with the invited role, once", async () => {
    const { invitation, token } = await inviteMember(t.db, { email: "newbie@example.test", role: "investor" }, t.acting(t.m("owner")));
    let result: Awaited<ReturnType<typeof acceptInvitation>> | undefined;
    const events = await newAuditEvents(t.id, async () => {
      result = await acceptInvitation(database.prisma, { token, name: "New Bie", password: "a-strong-passphrase" }, { requestId: "req-accept-1" });
    });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "newbie@example.test" } });
    expect(result).toEqual({ userId: user.id, email: "newbie@example.test", tenantId: t.id, role: "investor" });
    expect(user.name).toBe("New Bie");
    expect(user.passwordHash).not.toContain("a-strong-passphrase");
    expect(await verifyPassword(user.passwordHash, "a-strong-passphrase")).toBe(true);
    const membership = await database.prisma.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: t.id, userId: user.id } } });
    expect(membership.role).toBe("investor");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "invitation.accepted",
      entity: "Membership",
      entityId: membership.id,
      actorId: user.id,
      actorEmail: "newbie@example.test",
      requestId: "req-accept-1",
      after: { role: "investor", invitationId: invitation.id },
    });
    expect((await describeInvitation(await invitationDb(token), token))?.status).toBe("accepted");

    // The link is single use.
    await expectRefusedWithoutEffect(
      t.id,
      () => acceptInvitation(database.prisma, { token, name: "New Bie", password: "a-strong-passphrase" }),
      "conflict",
    );
    expect(await database.prisma.user.count({ where: { email: "newbie@example.test" } })).toBe(1);
  });

  it("lets only one of two simultaneous clicks succeed", async () => {
    const { token } = await inviteMember(t.db, { email: "double-click@example.test", role: "va" }, t.acting(t.m("owner")));
    const results = await Promise.allSettled([
      acceptInvitation(database.prisma, { token, name: "Double", password: "a-strong-passphrase" }),
      acceptInvitation(database.prisma, { token, name: "Double", password: "a-strong-passphrase" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await database.prisma.membership.count({ where: { tenantId: t.id, user: { email: "double-click@example.test" } } })).toBe(1);
  });

  it("requires a new user's password to pass the password rules, without using up the invitation", async () => {
    const { token } = await inviteMember(t.db, { email: "weak@example.test", role: "va" }, t.acting(t.m("owner")));
    for (const password of ["short", "aaaaaaaaaaaaaaa"]) {
      await expectRefusedWithoutEffect(t.id, () => acceptInvitation(database.prisma, { token, name: "Weak", password }), "invalid");
    }
    expect(await database.prisma.user.count({ where: { email: "weak@example.test" } })).toBe(0);
    expect((await describeInvitation(await invitationDb(token), token))?.status).toBe("pending");
    await acceptInvitation(database.prisma, { token, name: "Weak No More", password: "a-strong-passphrase" });
    expect((await describeInvitation(await invitationDb(token), token))?.status).toBe("accepted");
  });

  it("requires a new user's name", async () => {
    const { token } = await inviteMember(t.db, { email: "nameless@example.test", role: "va" }, t.acting(t.m("owner")));
    await expectRefusedWithoutEffect(t.id, () => acceptInvitation(database.prisma, { token, password: "a-strong-passphrase" }), "invalid");
    expect(await database.prisma.user.count({ where: { email: "nameless@example.test" } })).toBe(0);
  });

  it("refuses an expired invitation, exactly at and after its expiry", async () => {
    const invitedAt = new Date();
    const { invitation, token } = await inviteMember(t.db, { email: "late@example.test", role: "va" }, t.acting(t.m("owner")), invitedAt);
    const expiry = new Date(invitedAt.getTime() + INVITATION_TTL_DAYS * DAY);
    for (const now of [expiry, new Date(expiry.getTime() + DAY)]) {
      expect((await describeInvitation(await invitationDb(token), token, now))?.status).toBe("expired");
      await expectRefusedWithoutEffect(
        t.id,
        () => acceptInvitation(database.prisma, { token, name: "Late", password: "a-strong-passphrase" }, {}, now),
        "conflict",
      );
    }
    expect((await database.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
    // One millisecond before expiry it still works.
    const result = await acceptInvitation(database.prisma, { token, name: "Just In Time", password: "a-strong-passphrase" }, {}, new Date(expiry.getTime() - 1));
    expect(result.role).toBe("va");
  });

  it("refuses an unknown token as not found", async () => {
    await expect(
      acceptInvitation(database.prisma, { token: "y".repeat(43), name: "Nobody", password: "a-strong-passphrase" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("asks an existing user for their own password; a wrong one does not use up the invitation", async () => {
    const other = await setupTenant(["owner"]);
    const existing = other.m("owner");
    const usersBefore = await database.prisma.user.count();
    const { token } = await inviteMember(t.db, { email: existing.email, role: "admin" }, t.acting(t.m("owner")));
    expect((await describeInvitation(await invitationDb(token), token))?.hasAccount).toBe(true);

    await expectRefusedWithoutEffect(
      t.id,
      () => acceptInvitation(database.prisma, { token, password: "not-my-password" }),
      "unauthorized",
    );
    expect((await describeInvitation(await invitationDb(token), token))?.status).toBe("pending");

    const result = await acceptInvitation(database.prisma, { token, password: PASSWORD });
    expect(result).toEqual({ userId: existing.userId, email: existing.email, tenantId: t.id, role: "admin" });
    expect(await database.prisma.user.count()).toBe(usersBefore);
    const memberships = await database.prisma.membership.findMany({ where: { userId: existing.userId }, orderBy: { createdAt: "asc" } });
    expect(memberships.map((m) => [m.tenantId, m.role])).toEqual([
      [other.id, "owner"],
      [t.id, "admin"],
    ]);
    // Their password did not change.
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: existing.userId } });
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
  });
});
