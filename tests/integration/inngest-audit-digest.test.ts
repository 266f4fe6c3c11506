import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditDigestCron, auditDigestForTenant } from "@/inngest/functions/audit-digest";
import { EVENTS } from "@/lib/events/catalog";
import { useDatabase, type Database } from "@/lib/db/client";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let tenantId: string;
let otherTenantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const member = (email: string, role: "owner" | "admin" | "va") => ({ email, name: email, password: "a-long-password-1", role });
  tenantId = (
    await provisionTenant(database.prisma, { slug: "digest", name: "Digest Co", timeZone: "America/Toronto", country: "CA" }, [
      member("own@digest.test", "owner"),
      member("adm@digest.test", "admin"),
      member("va@digest.test", "va"),
    ])
  ).id;
  otherTenantId = (
    await provisionTenant(database.prisma, { slug: "other", name: "Other", timeZone: "UTC", country: "US" }, [member("own@other.test", "owner")])
  ).id;
});
afterAll(() => database.close());

describe("audit digest on Inngest", () => {
  it("the nightly cron fans out one digest request per tenant", async () => {
    const engine = new InngestTestEngine({
      function: auditDigestCron,
      steps: [{ id: "fan-out", handler: () => ({ ids: ["a", "b"] }) }],
    });
    const { result, ctx } = await engine.execute();
    expect(result).toEqual({ tenants: 2 });
    const sendEvent = ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } };
    const [, events] = sendEvent.mock.calls[0] as [string, { name: string; data: { tenantId: string } }[]];
    expect(events.map((e) => e.name)).toEqual([EVENTS.auditDigestRequested, EVENTS.auditDigestRequested]);
    expect(events.map((e) => e.data.tenantId).sort()).toEqual([tenantId, otherTenantId].sort());
  });

  it("the per-tenant run notifies that tenant's owners and admins only, once per day", async () => {
    const digestRun = () =>
      new InngestTestEngine({
        function: auditDigestForTenant,
        events: [{ name: EVENTS.auditDigestRequested, data: { tenantId } }],
      }).execute();
    const { result } = await digestRun();
    expect(result).toMatchObject({ notified: 2, total: 1, skipped: false });

    const notes = await database.prisma.notification.findMany({ include: { tenant: true } });
    expect(notes).toHaveLength(2);
    expect(new Set(notes.map((n) => n.tenantId))).toEqual(new Set([tenantId]));
    expect(notes[0].body).toContain("tenant.created");

    const again = await digestRun();
    expect(again.result).toMatchObject({ notified: 0, skipped: true });
    expect(await database.prisma.notification.count()).toBe(2);
  });
});
