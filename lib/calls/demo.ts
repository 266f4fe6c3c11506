/**
 * Demo data: a few calls a VA placed and logged over the last days, so the demo leads'
 * timelines show how calls read (outcome, length, notes). History, so written as it stands.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { LOCAL_DIALER } from "./dialer";
import { outcomeEffects, type CallOutcome } from "./rules";

const DEMO_CALLS: { daysAgo: number; outcome: CallOutcome; durationSeconds: number; notes: string | null }[] = [
  { daysAgo: 1, outcome: "connected_interested", durationSeconds: 252, notes: "Inherited the house, wants it sold before winter. Send an offer by Friday." },
  { daysAgo: 2, outcome: "left_voicemail", durationSeconds: 38, notes: "Left our number and the property address." },
  { daysAgo: 3, outcome: "no_answer", durationSeconds: 0, notes: null },
  { daysAgo: 4, outcome: "connected_not_interested", durationSeconds: 95, notes: "Listing with an agent for now; check back in three months." },
];

export async function seedDemoCalls(db: TenantDb, context: { now: Date; ownerId: string | null; vaId: string | null }): Promise<{ calls: number }> {
  const deals = await db.deal.findMany({
    where: { contactPhone: { not: null }, deletedAt: null },
    orderBy: [{ score: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: DEMO_CALLS.length,
    select: { id: true, contactPhone: true },
  });
  const rows = deals.map((deal, i): Prisma.CallCreateManyInput => {
    const call = DEMO_CALLS[i];
    // Mid-morning UTC of the day, a working hour for every demo market.
    const startedAt = new Date(context.now.getTime() - call.daysAgo * 86_400_000 - 3 * 3_600_000);
    return {
      dealId: deal.id, userId: context.vaId ?? context.ownerId, direction: "OUTBOUND", toNumber: deal.contactPhone!, provider: LOCAL_DIALER,
      status: outcomeEffects(call.outcome).status, startedAt, answeredAt: call.durationSeconds > 0 ? startedAt : null,
      endedAt: new Date(startedAt.getTime() + call.durationSeconds * 1000), durationSeconds: call.durationSeconds, outcome: call.outcome, notes: call.notes,
    } as Prisma.CallCreateManyInput;
  });
  if (rows.length > 0) await db.call.createMany({ data: rows });
  return { calls: rows.length };
}
