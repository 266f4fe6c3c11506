import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createTestDatabase } from "../helpers/db";

vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => undefined }), headers: async () => new Headers() }));

const { authOptions } = await import("@/lib/auth/options");
const { changePassword } = await import("@/lib/auth/password-change");

const PASSWORD = "correct horse battery";
let database: Database;
let workspace: TenantDb;
let counter = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "session-revocation", name: "Session Homes" } });
  workspace = scopeToTenant(database.prisma, tenant.id);
});
afterAll(() => database.close());

async function makeUser() {
  counter += 1;
  return database.prisma.user.create({ data: { email: `session-${counter}@example.test`, name: "Session User", passwordHash: await hashPassword(PASSWORD) } });
}

/** What NextAuth does at sign-in: the jwt callback with the authorized user. */
async function signInToken(user: { id: string; email: string; name: string; sessionVersion: number }): Promise<JWT> {
  const jwt = authOptions.callbacks!.jwt!;
  const token = await jwt({ token: {} as JWT, user: { ...user, defaultTenantId: null }, account: null, trigger: "signIn" });
  return { ...token, exp: Math.floor(Date.now() / 1000) + 12 * 3600 } as JWT;
}

/** What NextAuth does on every later request carrying the cookie. */
const readSession = (token: JWT) => authOptions.callbacks!.jwt!({ token, user: undefined as never, account: null });
const signOut = (token: JWT) => authOptions.events!.signOut!({ token, session: null as never });

const change = (currentPassword: string) => ({ currentPassword, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" });
const audit = (user: { id: string; email: string }) => ({ actorId: user.id, actorEmail: user.email, requestId: undefined });

describe("session revocation", () => {
  it("gives each sign-in its own session id and the user's session version", async () => {
    const user = await makeUser();
    const [a, b] = [await signInToken(user), await signInToken(user)];
    expect(a.sid).toBeTruthy();
    expect(a.sid).not.toBe(b.sid);
    expect(a.sessionVersion).toBe(0);
    await expect(readSession(a)).resolves.toMatchObject({ userId: user.id });
  });

  it("refuses a session after it signed out, and only that session", async () => {
    const user = await makeUser();
    const [laptop, phone] = [await signInToken(user), await signInToken(user)];
    await signOut(laptop);
    await expect(readSession(laptop)).rejects.toThrow("session revoked");
    await expect(readSession(phone)).resolves.toMatchObject({ userId: user.id });
    expect(await database.prisma.revokedSession.count({ where: { id: laptop.sid } })).toBe(1);
  });

  it("refuses every older session after a password change", async () => {
    const user = await makeUser();
    const [laptop, phone] = [await signInToken(user), await signInToken(user)];
    await changePassword(database.prisma, workspace, user.id, change(PASSWORD), audit(user));
    await expect(readSession(laptop)).rejects.toThrow("session revoked");
    await expect(readSession(phone)).rejects.toThrow("session revoked");
    const fresh = await signInToken(await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } }));
    await expect(readSession(fresh)).resolves.toMatchObject({ sessionVersion: 1 });
  });

  it("refuses a token from before session ids existed", async () => {
    const user = await makeUser();
    await expect(readSession({ userId: user.id, email: user.email, name: user.name, tenantId: null, role: null } as JWT)).rejects.toThrow("session revoked");
  });

  it("keeps the password when the current one is wrong, and the sessions with it", async () => {
    const user = await makeUser();
    const token = await signInToken(user);
    await expect(changePassword(database.prisma, workspace, user.id, change("not the password"), audit(user))).rejects.toMatchObject({ code: "invalid", field: "currentPassword" });
    await expect(readSession(token)).resolves.toMatchObject({ userId: user.id });
  });

  it("prunes revocations whose sessions would have expired anyway", async () => {
    const user = await makeUser();
    await database.prisma.revokedSession.create({ data: { id: "expired-session", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    await signOut(await signInToken(user));
    expect(await database.prisma.revokedSession.count({ where: { id: "expired-session" } })).toBe(0);
  });
});
