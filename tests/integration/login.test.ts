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
      sessionVersion: 0,
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

  it("lets no more than the free failures of simultaneous guesses from one address reach the password check", async () => {
    const user = await makeUser();
    const from = ip();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => signIn(user.email, "wrong password!", from)),
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

  const failTimes = async (email: string, from: string, times: number, deviceId?: string) => {
    for (let i = 0; i < times; i++) {
      await expect(authenticate(database.prisma, { email, password: `wrong-${i}`, ip: from, deviceId })).rejects.toMatchObject({ code: "unauthorized" });
    }
  };
  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

  it("slows down the (account, IP) pair after 5 failures, never the account for everyone", async () => {
    const user = await makeUser();
    const attacker = ip();
    await failTimes(user.email, attacker, 5);
    // The attacker's address must now wait, even with the right password...
    await expect(signIn(user.email, PASSWORD, attacker)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(signIn(user.email.toUpperCase(), PASSWORD, attacker)).rejects.toMatchObject({ code: "rate_limited" });
    // ...while the owner, from anywhere else, signs in at once.
    expect((await signIn(user.email, PASSWORD, ip())).id).toBe(user.id);
  });

  it("lets the right password through once the announced delay has passed, and grows the delay", async () => {
    const user = await makeUser();
    const from = ip();
    await failTimes(user.email, from, 5);
    await expect(signIn(user.email, PASSWORD, from)).rejects.toThrow("Try again in 30 seconds");
    // Refused attempts never reached the password check: hammering does not lengthen the wait.
    for (let i = 0; i < 5; i++) await expect(signIn(user.email, "guess-again!", from)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(authenticate(database.prisma, { email: user.email, password: "sixth-wrong!", ip: from }, inSeconds(31))).rejects.toMatchObject({ code: "unauthorized" });
    // Six failures: the next attempt waits a minute.
    await expect(authenticate(database.prisma, { email: user.email, password: PASSWORD, ip: from }, inSeconds(45))).rejects.toMatchObject({ code: "rate_limited" });
    expect((await authenticate(database.prisma, { email: user.email, password: PASSWORD, ip: from }, inSeconds(61))).id).toBe(user.id);
  });

  it("a known device keeps its own count, apart from its IP", async () => {
    const user = await makeUser();
    const shared = ip();
    await failTimes(user.email, shared, 5);
    await expect(signIn(user.email, PASSWORD, shared)).rejects.toMatchObject({ code: "rate_limited" });
    expect((await authenticate(database.prisma, { email: user.email, password: PASSWORD, ip: shared, deviceId: "owner-laptop" })).id).toBe(user.id);
    // The device is throttled like any pair when it is the one guessing.
    await failTimes(user.email, shared, 5, "owner-laptop");
    await expect(authenticate(database.prisma, { email: user.email, password: PASSWORD, ip: ip(), deviceId: "owner-laptop" })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("caps one address at 20 failures across accounts, except for known devices", async () => {
    const attacker = ip();
    const victim = await makeUser();
    for (let i = 0; i < 20; i++) {
      await expect(signIn(`spray-${i}-${tag()}@example.test`, "guess123456", attacker)).rejects.toMatchObject({ code: "unauthorized" });
    }
    await expect(signIn(victim.email, PASSWORD, attacker)).rejects.toThrow("from your network");
    expect((await authenticate(database.prisma, { email: victim.email, password: PASSWORD, ip: attacker, deviceId: "victim-phone" })).id).toBe(victim.id);
    expect((await signIn(victim.email, PASSWORD, ip())).id).toBe(victim.id);
  });

  it("a success resets its pair's failure count", async () => {
    const user = await makeUser();
    const from = ip();
    await failTimes(user.email, from, 4);
    await signIn(user.email, PASSWORD, from);
    await failTimes(user.email, from, 4);
    // 8 failures, but only 4 since the last success.
    expect((await signIn(user.email, PASSWORD, from)).id).toBe(user.id);
    await failTimes(user.email, from, 5);
    await expect(signIn(user.email, PASSWORD, from)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("forgets a pair's failures after 24 hours", async () => {
    const user = await makeUser();
    const from = ip();
    const longAgo = new Date(Date.now() - 25 * 3_600_000);
    await database.prisma.loginAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({ email: user.email, ip: from, success: false, createdAt: longAgo })),
    });
    expect((await signIn(user.email, PASSWORD, from)).id).toBe(user.id);
  });
});
