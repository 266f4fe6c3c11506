import { describe, expect, it, vi } from "vitest";

// A Next.js server bundles lib/db more than once (instrumentation, pages): a client opened
// through one copy of these modules must be found through another.
describe("the database session registries", () => {
  it("find a PGlite session attached by another copy of the module", async () => {
    const first = await import("@/lib/db/pglite-session");
    const prisma = {};
    const session = Object.create(first.PgliteSession.prototype) as InstanceType<typeof first.PgliteSession>;
    first.attachPgliteSession(prisma, session);
    vi.resetModules();
    const second = await import("@/lib/db/pglite-session");
    expect(second).not.toBe(first);
    expect(second.pgliteSessionOf(prisma)).toBe(session);
  });

  it("find a PostgreSQL session attached by another copy of the module", async () => {
    const first = await import("@/lib/db/postgres-session");
    const prisma = {};
    const session = Object.create(first.PostgresSession.prototype) as InstanceType<typeof first.PostgresSession>;
    first.attachPostgresSession(prisma, session);
    vi.resetModules();
    const second = await import("@/lib/db/postgres-session");
    expect(second).not.toBe(first);
    expect(second.postgresSessionOf(prisma)).toBe(session);
  });
});
