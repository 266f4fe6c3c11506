import { describe, expect, it } from "vitest";
import {
  ALL_PERMISSIONS,
  can,
  canAssignRole,
  canInviteAs,
  permissionsOf,
  ROLES,
  type Permission,
  type Role,
} from "@/lib/auth/permissions";

const READ_ONLY: Permission[] = ["dashboard:read", "notifications:read", "deals:read", "buyers:read", "market:read"];
const MANAGERS: Role[] = ["owner", "admin"];
/** Promoting an experiment changes production settings for everyone: the owner alone decides. */
const OWNER_ONLY: Permission[] = ["laboratory:promote", "scoring:promote"];

describe("permission matrix", () => {
  it("covers the expected permission set", () => {
    expect([...ALL_PERMISSIONS].sort()).toEqual(
      [
        "audit:digest", "audit:export", "audit:read", "dashboard:read", "members:invite", "members:read",
        "members:remove", "members:update", "notifications:read", "system:read", "tenant:read", "tenant:update",
        "deals:read", "deals:write", "deals:restore", "deals:import", "deals:underwrite", "analytics:read", "policies:read",
        "policies:write", "apikeys:manage", "integrations:manage",
        "tasks:read", "tasks:work", "tasks:assign", "ladder:manage",
        "messages:read", "messages:send", "compliance:manage", "privacy:manage",
        "engines:read", "engines:manage",
        "buyers:read", "buyers:write", "buyers:settings",
        "approvals:read", "approvals:decide", "signals:settings", "laboratory:read", "laboratory:run", "laboratory:promote",
        "market:read", "market:blacklist", "market:settings",
        "scoring:fit", "scoring:promote", "comps:write", "deals:export",
        "conversations:read", "campaigns:read", "campaigns:manage", "calls:make", "mail:send", "deliverability:read", "deliverability:manage",
        "govcon:read", "govcon:work", "govcon:manage",
      ].sort(),
    );
  });

  for (const role of ROLES) {
    for (const permission of ALL_PERMISSIONS) {
      it(`${role} / ${permission} agrees with the role's rules`, () => {
        const granted = can(role, permission);
        expect(permissionsOf(role).includes(permission)).toBe(granted);
        if (role === "owner") expect(granted).toBe(true);
        if (role === "viewer") expect(granted).toBe(READ_ONLY.includes(permission));
        // Everyone reads their dashboard and notifications.
        if (READ_ONLY.includes(permission)) expect(granted).toBe(true);
        // Writes to members, the tenant, exports and digests are for managers only.
        if (/^(members:(invite|update|remove)|tenant:update|audit:(export|digest)|system:read|policies:write|apikeys:manage|integrations:manage|buyers:settings|signals:settings|laboratory:(read|run)|market:(blacklist|settings)|scoring:fit|campaigns:manage|deliverability:manage|govcon:manage)$/.test(permission)) {
          expect(granted).toBe(MANAGERS.includes(role));
        }
        if (role === "va" && /^(members|audit|tenant):/.test(permission)) expect(granted).toBe(false);
        if (role === "admin") expect(granted).toBe(!OWNER_ONLY.includes(permission));
        if (OWNER_ONLY.includes(permission)) expect(granted).toBe(role === "owner");
      });
    }
  }

  it("viewer holds exactly the read-only permissions", () => {
    expect(permissionsOf("viewer").sort()).toEqual([...READ_ONLY].sort());
  });

  it("a VA works deals but neither imports, underwrites, reads analytics nor sees policies", () => {
    expect(permissionsOf("va").sort()).toEqual(
      ["dashboard:read", "notifications:read", "deals:read", "deals:write", "messages:read", "messages:send", "tasks:read", "tasks:work", "buyers:read", "buyers:write", "approvals:read", "approvals:decide", "market:read",
        "conversations:read", "campaigns:read", "calls:make", "mail:send"].sort(),
    );
  });

  it("owner holds every permission", () => {
    expect(permissionsOf("owner")).toEqual(ALL_PERMISSIONS);
  });

  it("investor reads members, tenant and audit but changes none of them", () => {
    expect(permissionsOf("investor").sort()).toEqual(
      [
        "dashboard:read", "notifications:read", "tenant:read", "members:read", "audit:read", "deals:read", "deals:write",
        "deals:import", "deals:underwrite", "analytics:read", "policies:read",
        "messages:read",
        "tasks:read",
        "buyers:read", "buyers:write",
        // Investors see the approval queue but do not send mail.
        "approvals:read",
        "market:read",
        // Investors price deals: they add comps and export prospects.
        "comps:write", "deals:export",
        // Investors read threads, campaigns and senders' health, but neither call, mail nor run campaigns.
        "conversations:read", "campaigns:read", "deliverability:read",
        // Investors work the GovCon desk (track, pursue, save searches); the profile and the key are managers'.
        "govcon:read", "govcon:work",
      ].sort(),
    );
  });
});

describe("canAssignRole", () => {
  const cases: { actorRole: Role; currentRole: Role; nextRole: Role; isSelf: boolean }[] = [];
  for (const actorRole of ROLES)
    for (const currentRole of ROLES)
      for (const nextRole of ROLES)
        for (const isSelf of [false, true]) cases.push({ actorRole, currentRole, nextRole, isSelf });

  it("enumerates all 250 combinations", () => expect(cases).toHaveLength(250));

  it.each(cases)("actor=$actorRole current=$currentRole next=$nextRole self=$isSelf", (input) => {
    const verdict = canAssignRole(input);
    const expected =
      can(input.actorRole, "members:update") &&
      !input.isSelf &&
      (input.actorRole === "owner" || (input.currentRole !== "owner" && input.nextRole !== "owner"));
    expect(verdict.ok).toBe(expected);
    if (!verdict.ok) expect(verdict.reason).toMatch(/\S/);
  });

  it("nobody changes their own role, not even an owner", () => {
    for (const actorRole of ROLES)
      for (const currentRole of ROLES)
        for (const nextRole of ROLES)
          expect(canAssignRole({ actorRole, isSelf: true, currentRole, nextRole }).ok).toBe(false);
  });

  it("only an owner grants or removes the owner role", () => {
    for (const actorRole of ROLES)
      for (const other of ROLES) {
        const grant = canAssignRole({ actorRole, isSelf: false, currentRole: other, nextRole: "owner" });
        const remove = canAssignRole({ actorRole, isSelf: false, currentRole: "owner", nextRole: other });
        if (actorRole !== "owner") {
          expect(grant.ok).toBe(false);
          expect(remove.ok).toBe(false);
        } else {
          expect(grant.ok).toBe(true);
          expect(remove.ok).toBe(true);
        }
      }
  });

  it("roles without members:update are refused whatever the target", () => {
    for (const actorRole of ["investor", "va", "viewer"] as Role[])
      for (const currentRole of ROLES)
        for (const nextRole of ROLES) {
          const verdict = canAssignRole({ actorRole, isSelf: false, currentRole, nextRole });
          expect(verdict).toEqual({ ok: false, reason: "Your role cannot change roles" });
        }
  });

  it("an admin manages every role below owner", () => {
    const belowOwner = ROLES.filter((r) => r !== "owner");
    for (const currentRole of belowOwner)
      for (const nextRole of belowOwner)
        expect(canAssignRole({ actorRole: "admin", isSelf: false, currentRole, nextRole }).ok).toBe(true);
  });
});

describe("canInviteAs", () => {
  const cases = ROLES.flatMap((actorRole) => ROLES.map((role) => ({ actorRole, role })));

  it.each(cases)("actor=$actorRole invites as $role", ({ actorRole, role }) => {
    const verdict = canInviteAs(actorRole, role);
    const expected = can(actorRole, "members:invite") && (role !== "owner" || actorRole === "owner");
    expect(verdict.ok).toBe(expected);
  });

  it("admins invite every role but owner; owners invite every role; others none", () => {
    for (const role of ROLES) {
      expect(canInviteAs("owner", role).ok).toBe(true);
      expect(canInviteAs("admin", role).ok).toBe(role !== "owner");
      for (const actor of ["investor", "va", "viewer"] as Role[]) expect(canInviteAs(actor, role).ok).toBe(false);
    }
  });
});
