import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openAuditEvents } from "@/lib/audit/sealing";
import { hashPassword } from "@/lib/auth/password";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => undefined }), headers: async () => new Headers() }));

const { authenticate } = await import("@/lib/auth/credentials");
const { ChangePasswordSchema, changeOwnPassword } = await import("@/lib/auth/password-change");

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a fresh passphrase 42";
const tag = randomBytes(4).toString("hex");
let database: Database;
let db: TenantDb;
let otherDb: TenantDb;
let seq = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const first = await provisionTenant(database.prisma, { slug: `pw-a-${tag}`, name: "Password Homes", timeZone: "America/New_York", country: "US" }, [{ email: `owner-a-${tag}@example.test`, name: "Owner", password: PASSWORD, role: "owner" }]);
  const second = await provisionTenant(database.prisma, { slug: `pw-b-${tag}`, name: "Other Homes", timeZone: "America/Toronto", country: "CA" }, [{ email: `owner-b-${tag}@example.test`, name: "Owner", password: PASSWORD, role: "owner" }]);
  db = scopeToTenant(database.prisma, first.id);
  otherDb = scopeToTenant(database.prisma, second.id);
});
afterAll(() => database.close());

/** A viewer in both workspaces, acting in the first. */
async function makeMember() {
  seq += 1;
  const email = `viewer-${seq}-${tag}@example.test`;
  const user = await database.prisma.user.create({ data: { email, name: "Vera", passwordHash: await hashPassword(PASSWORD) } });
  await db.membership.create({ data: { userId: user.id, role: "viewer" } });
  await otherDb.membership.create({ data: { userId: user.id, role: "viewer" } });
  return user;
}

const input = (currentPassword: string, newPassword = NEW_PASSWORD, confirmPassword = newPassword) => ({ currentPassword, newPassword, confirmPassword });
const ctx = (user: { id: string; email: string }) => ({ actorId: user.id, actorEmail: user.email, requestId: `req-${seq}` });
const signIn = (email: string, password: string) => authenticate(database.prisma, { email, password, ip: `203.0.113.${seq}` });

async function passwordEvents(tenantDb: TenantDb, userId: string) {
  return tenantDb.auditEvent.findMany({ where: { action: "user.password_changed", actorId: userId } });
}

describe("changing one's own password", () => {
  it("sets the new password, ends every session and writes one audit line in the workspace in use, with no secret", async () => {
    const user = await makeMember();
    await changeOwnPassword(db, user.id, input(PASSWORD), ctx(user));

    const after = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    await expect(signIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({ id: user.id });
    await expect(signIn(user.email, PASSWORD)).rejects.toMatchObject({ code: "unauthorized" });

    const stored = await passwordEvents(db, user.id);
    expect(stored).toHaveLength(1);
    expect(await passwordEvents(otherDb, user.id)).toHaveLength(0);
    const [event] = await openAuditEvents(db, stored);
    expect(event).toMatchObject({ entity: "User", entityId: user.id, actorId: user.id, actorEmail: user.email, requestId: `req-${seq}` });
    const text = JSON.stringify(stored[0]) + JSON.stringify(event);
    for (const secret of [PASSWORD, NEW_PASSWORD, user.passwordHash, after.passwordHash]) expect(text).not.toContain(secret);
  });

  it("refuses a wrong current password by its field, and changes nothing", async () => {
    const user = await makeMember();
    await expect(changeOwnPassword(db, user.id, input("not my password"), ctx(user))).rejects.toMatchObject({ code: "invalid", field: "currentPassword" });
    const after = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ passwordHash: user.passwordHash, sessionVersion: user.sessionVersion });
    expect(await passwordEvents(db, user.id)).toHaveLength(0);
  });

  it("puts the password back when the audit line cannot be written", async () => {
    const user = await makeMember();
    const missingWorkspace = scopeToTenant(database.prisma, "no-such-workspace");
    await expect(changeOwnPassword(missingWorkspace, user.id, input(PASSWORD), ctx(user))).rejects.toThrow();
    const after = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    await expect(signIn(user.email, PASSWORD)).resolves.toMatchObject({ id: user.id });
  });

  it("names the field of each mistake in the form", () => {
    const issues = (value: unknown) => {
      const parsed = ChangePasswordSchema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(issues(input(PASSWORD))).toEqual([]);
    expect(issues(input(""))).toEqual(["currentPassword: Enter your current password"]);
    expect(issues(input(PASSWORD, "short", "short"))).toEqual(["newPassword: Use at least 10 characters"]);
    expect(issues(input(PASSWORD, PASSWORD))).toEqual(["newPassword: Choose a password you have not been using"]);
    expect(issues(input(PASSWORD, NEW_PASSWORD, "something else entirely"))).toEqual(["confirmPassword: The two new passwords do not match"]);
  });
});
