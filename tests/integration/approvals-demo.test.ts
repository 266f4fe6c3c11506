import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApprovalQueue } from "@/lib/approvals/queries";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEMO_NORTH_SLUG, DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { explainIntent } from "@/lib/signals/service";
import { createTestDatabase } from "../helpers/db";

const NOW = new Date("2026-12-09T16:00:00Z");
let database: Database;
const workspaces: TenantDb[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma, NOW);
  for (const slug of [DEMO_TENANT_SLUG, DEMO_NORTH_SLUG]) {
    const tenant = await database.prisma.tenant.findUniqueOrThrow({ where: { slug } });
    workspaces.push(scopeToTenant(database.prisma, tenant.id));
  }
}, 300_000);
afterAll(() => database.close());

describe("the demo approval queue", () => {
  it("holds drafts with reasoning for the people the demo signals made hot, one already rejected", async () => {
    for (const db of workspaces) {
      const queue = await listApprovalQueue(db, { status: "all", page: 1 });
      expect(queue.counts.PENDING).toBeGreaterThanOrEqual(4);
      expect(queue.counts.REJECTED).toBe(1);
      const drafts = await db.emailDraft.findMany();
      for (const draft of drafts) {
        expect(draft.intentScore).toBeGreaterThanOrEqual(70);
        expect((draft.reasoning as { signals: unknown[] }).signals.length).toBeGreaterThan(0);
        expect(draft.body).toContain("{{unsubscribe_link}}");
      }
      expect(drafts.some((d) => d.buyerId !== null)).toBe(true);
      const rejected = drafts.find((d) => d.status === "REJECTED");
      expect(rejected?.rejectReason).toMatch(/phone/);
    }
  });

  it("scores leads and buyers from 30 days of signals: hot, warm and cooled off", async () => {
    const db = workspaces[0];
    const signals = await db.signal.findMany({ select: { occurredAt: true, dealId: true, buyerId: true } });
    expect(signals.length).toBeGreaterThan(40);
    for (const s of signals) expect(NOW.getTime() - s.occurredAt.getTime()).toBeLessThanOrEqual(30 * 86_400_000);
    const scored = await db.deal.findMany({ where: { intentScore: { gt: 0 } }, select: { id: true, intentScore: true } });
    expect(scored.filter((d) => d.intentScore >= 70).length).toBe(4);
    expect(scored.filter((d) => d.intentScore < 70).length).toBeGreaterThanOrEqual(5);
    // The stored score is the formula's at the seed's instant.
    for (const deal of scored) expect((await explainIntent(db, { kind: "lead", dealId: deal.id }, NOW)).score).toBe(deal.intentScore);
  });
});
