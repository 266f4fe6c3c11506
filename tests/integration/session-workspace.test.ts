import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; tenantId: string | null } }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect:${to}`);
  },
  forbidden: () => {
    throw new Error("forbidden()");
  },
}));

const { requirePage, requireTenant } = await import("@/lib/auth/session");

let database: Database;
let userId: string;
let first: string;
let second: string;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const member = { email: "two-workspaces@example.test", name: "Two Workspaces", password: "correct horse battery", role: "owner" as const };
  first = (await provisionTenant(database.prisma, { slug: "first-ws", name: "First", timeZone: "America/New_York", country: "US" }, [member])).id;
  const user = await database.prisma.user.findUniqueOrThrow({ where: { email: member.email } });
  userId = user.id;
  second = (await database.prisma.tenant.create({ data: { slug: "second-ws", name: "Second" } })).id;
  await database.prisma.membership.create({ data: { tenantId: second, userId, role: "owner" } });
});
afterAll(async () => {
  await database.close();
});
beforeEach(() => {
  session.current = null;
});

const signedIn = (tenantId: string | null) => {
  session.current = { user: { id: userId, email: "two-workspaces@example.test", name: "Two Workspaces" }, tenantId };
};

describe("the session's workspace", () => {
  it("is the one the session names", async () => {
    signedIn(second);
    const ctx = await requireTenant("deals:write");
    expect(ctx.tenant.id).toBe(second);
    expect(ctx.db.tenantId).toBe(second);
  });

  it("starts in the first membership when none is chosen yet", async () => {
    signedIn(null);
    expect((await requireTenant("deals:read")).tenant.id).toBe(first);
  });

  it("answers 403 once the membership is gone, never another workspace", async () => {
    await database.prisma.membership.delete({ where: { tenantId_userId: { tenantId: second, userId } } });
    signedIn(second);
    await expect(requireTenant("deals:write")).rejects.toMatchObject({ code: "forbidden" });
    // Pages send the user to choose instead of rendering the other workspace.
    await expect(requirePage("deals:read")).rejects.toThrow("redirect:/choose-workspace");
    // The other membership still works once chosen.
    signedIn(first);
    expect((await requireTenant("deals:write")).tenant.id).toBe(first);
  });
});
