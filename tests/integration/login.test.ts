import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { createTestDatabase } from "../helpers/db";

const PASSWORD = "correct horse battery";
let database: Database;
let passwordHash: string;

const tag = () => randomBytes(4).toString("hex");
const ip = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

async function makeUser(email = `user-${tag()}@example.test`) {
  return database.prisma.user.create({ data: { email, name: "Login User", passwordHash } });
}

const signIn = (email: string, password: string, from: string) => authenticate(database.prisma, { email, password, ip: from });

beforeAll(async () => {
  database = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => database.close());

describe("authenticate", () => {
  it("returns the user and their first workspace for the right password", async () => {
    const user = await makeUser();
    const [first, second] = await Promise.all(
      ["first", "second"].map((n) => database.prisma.tenant.create({ data: { slug: `${n}-${tag()}`, name: n } })),
    );
    await database.prisma.membership.create({ data: { tenantId: first.id, userId: user.id, role: "va", createdAt: new Date(Date.now() - 60_000) } });
    await database.prisma.membership.create({ data: { tenantId: second.id, userId: user.id, role: "owner" } });
    expect(await signIn(user.email, PASSWORD, ip())).toEqual({
      id: user.id,
      email: user.email,
      name: "Login User",
      defaultTenantId: first.id,
    });
  });

  it("returns a null default workspace for a user without memberships", async () => {
    const user = await makeUser();
    expect((await signIn(user.email, PASSWORD, ip())).defaultTenantId).toBeNull();
  });

  it("treats the email case- and space-insensitively", async () => {
    const user = await makeUser(`mixed-${tag()}@example.test`);
    const result = await signIn(`  ${user.email.toUpperCase()} `, PASSWORD, ip());
    expect(result.id).toBe(user.id);
  });

  it("refuses a wrong password as unauthorized and records the failure", async () => {
    const user = await makeUser();
    await expect(signIn(user.email, "wrong password!", ip())).rejects.toMatchObject({ name: "ExpectedError", code: "unauthorized" });
    expect(await database.prisma.loginAttempt.count({ where: { email: user.email, success: false } })).toBe(1);
  });

  it("lets no more than the limit of simultaneous guesses reach the password check", async () => {
    const user = await makeUser();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => signIn(user.email, "wrong password!", ip())),
    );
    const codes = outcomes.map((o) => (o.status === "rejected" ? (o.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "unauthorized").length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === "rate_limited").length).toBeGreaterThanOrEqual(7);
  });

  it("refuses an unknown email with the same error as a wrong password", async () => {
    const unknown = signIn(`nobody-${tag()}@example.test`, PASSWORD, ip());
    const known = makeUser().then((u) => signIn(u.email, "wrong password!", ip()));
    const [a, b] = await Promise.allSettled([unknown, known]);
    expect(a.status).toBe("rejected");
    expect(b.status).toBe("rejected");
    const [ea, eb] = [(a as PromiseRejectedResult).reason, (b as PromiseRejectedResult).reason];
    expect(ea.code).toBe("unauthorized");
    expect(ea.message).toBe(eb.message);
  });

  it("locks an account after 5 failures: the 6th attempt is refused even with the right password", async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++) {
      await expect(signIn(user.email, `wrong-${i}`, ip())).rejects.toMatchObject({ code: "unauthorized" });
    }
    await expect(signIn(user.email, PASSWORD, ip())).rejects.toMatchObject({ code: "rate_limited" });
    // Also when the failures came in a different letter case.
    await expect(signIn(user.email.toUpperCase(), PASSWORD, ip())).rejects.toMatchObject({ code: "rate_limited" });
    // Other accounts are not affected.
    const other = await makeUser();
    expect((await signIn(other.email, PASSWORD, ip())).id).toBe(other.id);
  });

  it("allows the right password after 4 failures", async () => {
    const user = await makeUser();
    for (let i = 0; i < 4; i++) await expect(signIn(user.email, `wrong-${i}`, ip())).rejects.toMatchObject({ code: "unauthorized" });
    expect((await signIn(user.email, PASSWORD, ip())).id).toBe(user.id);
  });

  it("locks an address after failures for 20 different emails", async () => {
    const attacker = ip();
    const victim = await makeUser();
    for (let i = 0; i < 19; i++) {
      await expect(signIn(`spray-${i}-${tag()}@example.test`, "guess123456", attacker)).rejects.toMatchObject({ code: "unauthorized" });
    }
    // 19 failures: the address may still try.
    await expect(signIn(`spray-last-${tag()}@example.test`, "guess123456", attacker)).rejects.toMatchObject({ code: "unauthorized" });
    // 20 failures: locked, even for a real account with its right password.
    await expect(signIn(victim.email, PASSWORD, attacker)).rejects.toMatchObject({ code: "rate_limited" });
    // The same account from another address is fine.
    expect((await signIn(victim.email, PASSWORD, ip())).id).toBe(victim.id);
  });

  it("a success resets the account's failure count", async () => {
    const user = await makeUser();
    for (let i = 0; i < 4; i++) await expect(signIn(user.email, `wrong-${i}`, ip())).rejects.toMatchObject({ code: "unauthorized" });
    await signIn(user.email, PASSWORD, ip());
    for (let i = 0; i < 4; i++) await expect(signIn(user.email, `wrong-again-${i}`, ip())).rejects.toMatchObject({ code: "unauthorized" });
    // 8 failures in the window, but only 4 since the last success.
    expect((await signIn(user.email, PASSWORD, ip())).id).toBe(user.id);
    for (let i = 0; i < 5; i++) await expect(signIn(user.email, `wrong-third-${i}`, ip())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(signIn(user.email, PASSWORD, ip())).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("only counts failures inside the 15-minute window", async () => {
    const user = await makeUser();
    const longAgo = new Date(Date.now() - 16 * 60_000);
    await database.prisma.loginAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({ email: user.email, ip: ip(), success: false, createdAt: longAgo })),
    });
    expect((await signIn(user.email, PASSWORD, ip())).id).toBe(user.id);
  });
});
