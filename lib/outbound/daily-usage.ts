import type { TenantDb } from "@/lib/db/tenant";
import type { OutboundChannel } from "./gates";
import { COUNTED, startOfLocalDay } from "./service";

/** Messages handed to a provider today (the workspace's local day), per channel: what the daily cap counts. */
export async function countSentToday(db: TenantDb, timeZone: string, now: Date): Promise<Record<OutboundChannel, number>> {
  const since = startOfLocalDay(now, timeZone);
  const rows = await db.message.groupBy({
    by: ["channel"],
    where: { direction: "OUTBOUND", status: { in: COUNTED }, createdAt: { gte: since }, channel: { in: ["SMS", "EMAIL"] } },
    _count: { _all: true },
  });
  const counts: Record<OutboundChannel, number> = { SMS: 0, EMAIL: 0 };
  for (const row of rows) if (row.channel === "SMS" || row.channel === "EMAIL") counts[row.channel] = row._count._all;
  return counts;
}
