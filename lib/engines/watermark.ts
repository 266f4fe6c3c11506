import type { TenantDb } from "@/lib/db/tenant";
import type { EngineName } from "./types";

/** The engine's last run that completed (OK): where a pass that works through a window resumes. */
export async function lastCompletedRun(db: TenantDb, engine: EngineName): Promise<{ startedAt: Date; details: Record<string, unknown> | null } | null> {
  const run = await db.engineRun.findFirst({ where: { engine, outcome: "OK" }, orderBy: { startedAt: "desc" }, select: { startedAt: true, details: true } });
  if (!run) return null;
  const details = run.details && typeof run.details === "object" && !Array.isArray(run.details) ? (run.details as Record<string, unknown>) : null;
  return { startedAt: run.startedAt, details };
}
