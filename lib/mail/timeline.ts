/**
 * The local provider's simulated timeline, advanced by the direct-mail engine: each piece
 * whose next step is due moves to it (and on through every step due since), with the dates
 * the timeline and the deal page show. Real state changes on real rows; nothing is sent.
 */
import type { TenantDb } from "@/lib/db/tenant";
import type { Country } from "@/lib/geo";
import { LOCAL_MAIL_PROVIDER } from "./provider";
import { advanceMailStatus, nextLocalTransition, type MailStatus } from "./states";

const BATCH = 500;

export interface TimelineReport {
  advanced: number;
  delivered: number;
}

export async function advanceLocalMailPieces(db: TenantDb, now = new Date()): Promise<TimelineReport> {
  const pieces = await db.mailPiece.findMany({
    where: { provider: LOCAL_MAIL_PROVIDER, status: { in: ["RENDERED", "MAILED", "IN_TRANSIT"] }, nextTransitionAt: { lte: now } },
    orderBy: { nextTransitionAt: "asc" },
    take: BATCH,
    select: { id: true, status: true, country: true, nextTransitionAt: true },
  });
  const report: TimelineReport = { advanced: 0, delivered: 0 };
  for (const piece of pieces) {
    const country = piece.country as Country;
    let status = piece.status as MailStatus;
    // `due` is when the piece reaches the state after `status`.
    let due: Date | null = piece.nextTransitionAt;
    const dates: { mailedAt?: Date; deliveredAt?: Date } = {};
    while (due && due <= now) {
      const following = nextLocalTransition(status, due, country);
      const next = following ? advanceMailStatus(status, following.status) : null;
      if (!next) {
        due = null;
        break;
      }
      status = next;
      if (next === "MAILED") dates.mailedAt = due;
      if (next === "DELIVERED") dates.deliveredAt = due;
      due = nextLocalTransition(status, due, country)?.at ?? null;
    }
    // Conditional on the state read, so a concurrent pass cannot move the piece twice.
    const moved = await db.mailPiece.updateMany({
      where: { id: piece.id, status: piece.status },
      data: { status, nextTransitionAt: due, ...dates },
    });
    if (moved.count === 0) continue;
    report.advanced += 1;
    if (status === "DELIVERED") report.delivered += 1;
  }
  return report;
}
