import type { TenantDb } from "@/lib/db/tenant";
import { notifyRoles } from "@/lib/notifications/service";
import { discordWebhook, discordWebhookUrlFor, type AlertSink } from "@/lib/providers/discord";
import { getTenantSettings } from "@/lib/tenants/settings";
import { engineDefinition } from "./registry";
import { failureVerdict } from "./rules";
import { ensureEngineState } from "./service";
import type { EngineName } from "./types";

export interface FailureReport {
  consecutiveFailures: number;
  escalated: boolean;
  /** Members notified in the app. */
  notified: number;
  discord: "sent" | "failed" | "not configured";
}

/**
 * Counts a failed run (after its retries) against the engine: every failure alerts owners
 * and admins in the app and on Discord when the tenant set a webhook; the failure that
 * reaches the tenant's threshold escalates once, with a louder alert to the owners. A
 * successful run resets the streak (see runEngine).
 */
export async function recordEngineFailure(
  db: TenantDb,
  engine: EngineName,
  failure: { error: string; runId?: string | null },
  options: { alertSink?: (webhookUrl: string) => AlertSink; now?: Date } = {},
): Promise<FailureReport> {
  const now = options.now ?? new Date();
  const label = engineDefinition(engine).label;
  const settings = await getTenantSettings(db);
  await ensureEngineState(db, engine);

  const { verdict } = await db.$transaction(async (tx) => {
    const state = await tx.engineState.findUniqueOrThrow({ where: { tenantId_engine: { tenantId: db.tenantId, engine } } });
    const verdict = failureVerdict(state.consecutiveFailures, settings.engineEscalationThreshold, state.escalatedAt !== null);
    await tx.engineState.update({
      where: { id: state.id },
      data: { consecutiveFailures: verdict.consecutiveFailures, ...(verdict.escalate ? { escalatedAt: now } : {}) },
    });
    if (failure.runId) {
      // The run row may have been written as FAILED already; this keeps the final error on it.
      await tx.engineRun.updateMany({ where: { id: failure.runId }, data: { outcome: "FAILED", error: failure.error.slice(0, 2000), finishedAt: now } });
    }
    return { verdict };
  });

  const data = { engine, runId: failure.runId ?? null, consecutiveFailures: verdict.consecutiveFailures };
  const error = failure.error.slice(0, 500);
  let notified = await notifyRoles(db, ["owner", "admin"], {
    kind: "engine.failed",
    title: `${label} failed (${verdict.consecutiveFailures} in a row)`,
    body: error,
    data,
  });
  const alerts = [{ title: `${label} engine failed ${verdict.consecutiveFailures} time(s) in a row`, body: error }];
  if (verdict.escalate) {
    notified += await notifyRoles(db, ["owner"], {
      kind: "engine.escalated",
      title: `ESCALATED: ${label} keeps failing`,
      body: `${verdict.consecutiveFailures} consecutive failures (threshold ${settings.engineEscalationThreshold}). Last error: ${error}. Check the Engines page; the engine keeps retrying at a slower pace.`,
      data,
    });
    alerts.push({
      title: `🚨 ESCALATED: ${label} engine down after ${verdict.consecutiveFailures} consecutive failures`,
      body: `Threshold ${settings.engineEscalationThreshold} reached. Last error: ${error}`,
    });
  }

  let discord: FailureReport["discord"] = "not configured";
  const discordUrl = await discordWebhookUrlFor(db);
  if (discordUrl) {
    const sink = (options.alertSink ?? discordWebhook)(discordUrl);
    const results = [];
    for (const alert of alerts) results.push(await sink.send(alert));
    discord = results.every((r) => r.delivered) ? "sent" : "failed";
  }
  return { consecutiveFailures: verdict.consecutiveFailures, escalated: verdict.escalate, notified, discord };
}
