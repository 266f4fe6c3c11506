/** Reading calls: a thread's, a deal's timeline's. The dialer (lib/calls/service.ts) writes them. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";

/** Whose calls: a lead's (by deal, not a buyer's call about it) or a buyer's. */
export type CallParty = { dealId: string } | { buyerId: string };

export const CALL_VIEW = {
  id: true, dealId: true, buyerId: true, taskId: true, userId: true, direction: true, fromNumber: true, toNumber: true,
  status: true, provider: true, startedAt: true, answeredAt: true, endedAt: true, durationSeconds: true, outcome: true,
  notes: true, recordingUrl: true, gate: true, blockedReason: true,
} as const;

/** The party's calls, newest first. */
export async function listCallsOf(db: TenantDb | TenantTransaction, party: CallParty, limit = 200) {
  const where = "buyerId" in party ? { buyerId: party.buyerId } : { dealId: party.dealId, buyerId: null };
  return db.call.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: limit, select: CALL_VIEW });
}
export type CallView = Awaited<ReturnType<typeof listCallsOf>>[number];
