import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEMO_SECOND_NUMBER } from "@/lib/deliverability/demo";
import { listSenders } from "@/lib/deliverability/overview";
import { variantReport } from "@/lib/deliverability/variant-report";
import { DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { getLadderTemplate } from "@/lib/ladder/templates";
import { createTestDatabase } from "../helpers/db";

const NOW = new Date("2026-12-09T16:00:00Z");
let database: Database;
let db: TenantDb;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma, NOW);
  db = await database.prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } }).then((t) => scopeToTenant(database.prisma, t.id));
}, 300_000);
afterAll(() => database.close());

describe("demo deliverability", () => {
  it("has two sending numbers, the second slowed with its recorded reason, and the owner alerted", async () => {
    const senders = await listSenders(db, NOW);
    expect(senders.map((s) => [s.address, s.status])).toEqual([["+15550100200", "ACTIVE"], [DEMO_SECOND_NUMBER, "SLOWED"]]);
    const second = senders[1];
    expect(second.rate).toBe(0.5);
    expect(second.last24h).toMatchObject({ sent: 24, delivered: 18, optOuts: 1, replies: 2 });
    const decision = await db.throttleDecision.findFirstOrThrow({ where: { identityId: second.id } });
    expect(decision).toMatchObject({ action: "slow", fromStatus: "ACTIVE", toStatus: "SLOWED" });
    expect(decision.reasons).toEqual(["Delivery over the last 24 h is 75 %, under 85 %.", "Opt-outs over the last 24 h are 4.2 %, over 2 %."]);
    expect(await db.notification.count({ where: { kind: "deliverability.slow" } })).toBeGreaterThan(0);
  });

  it("reports the rotated wordings of the ladder's first text, which the saved ladder holds", async () => {
    const rows = await variantReport(db, NOW);
    expect(rows.map((r) => [r.variantKey, r.sent, r.replies, r.optOuts])).toEqual([["ladder:1:0", 12, 2, 0], ["ladder:1:1", 12, 0, 1]]);
    const ladder = await getLadderTemplate(db);
    expect(ladder.isDefault).toBe(false);
    expect(ladder.steps[0].variants).toHaveLength(1);
  });
});
