/** The workspace's intent configuration: versioned, each save a new version, audited. */
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { isTenantTransaction, type TenantDb, type TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { configFromStored, DEFAULT_INTENT_CONFIG, IntentConfigInput, type IntentConfig, type IntentSettings } from "./settings-schema";

export { DEFAULT_INTENT_CONFIG, IntentConfigInput, type IntentConfig, type IntentSettings } from "./settings-schema";

/** The configuration in force: the highest version, or the seeded defaults (version 0). */
export async function getIntentSettings(db: TenantDb | TenantTransaction): Promise<IntentSettings> {
  const row = await db.intentSettingsVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { ...DEFAULT_INTENT_CONFIG, version: 0, source: "default", createdAt: null };
  return { ...configFromStored(row), version: row.version, source: row.source, createdAt: row.createdAt };
}

/** Every saved version, newest first (the settings page's history). */
export async function listIntentSettingsVersions(db: TenantDb, limit = 20) {
  return db.intentSettingsVersion.findMany({
    orderBy: { version: "desc" },
    take: limit,
    select: { id: true, version: true, source: true, experimentId: true, createdById: true, createdAt: true, highIntentThreshold: true },
  });
}

export interface SaveIntentSettingsOptions {
  /** settings (the page or the API) or laboratory (a promoted experiment). */
  source?: "settings" | "laboratory";
  experimentId?: string | null;
}

/**
 * Saves `input` as the next version, in `tx` when given (a promotion writes it with the
 * experiment's own change), with an audit line of what changed.
 */
export async function saveIntentSettings(
  db: TenantDb | TenantTransaction,
  input: IntentConfigInput,
  actor: AuditContext,
  options: SaveIntentSettingsOptions = {},
): Promise<IntentSettings> {
  const parsed = IntentConfigInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExpectedError("invalid", issue?.message ?? "Invalid settings", issue?.path.map(String).join(".") || undefined);
  }
  const config: IntentConfig = parsed.data;
  const write = async (tx: TenantTransaction) => {
    const before = await getIntentSettings(tx);
    const version = before.version + 1;
    const row = await tx.intentSettingsVersion.create({
      data: {
        version,
        weights: config.weights,
        halfLifeHours: config.halfLifeHours,
        highIntentThreshold: config.highIntentThreshold,
        emailDailyLimitPerPerson: config.emailDailyLimitPerPerson,
        enrichmentMonthlyCapCents: config.enrichmentMonthlyCapCents,
        drafting: config.drafting as unknown as Prisma.InputJsonObject,
        source: options.source ?? "settings",
        experimentId: options.experimentId ?? null,
        createdById: actor.actorId,
      },
    });
    await recordAudit(
      tx,
      {
        action: options.source === "laboratory" ? "intent-settings.promoted" : "intent-settings.updated",
        entity: "IntentSettingsVersion",
        entityId: row.id,
        before: { version: before.version, ...changedFields(before, config, "before") },
        after: { version, experimentId: options.experimentId ?? undefined, ...changedFields(before, config, "after") },
      },
      actor,
    );
    return { ...config, version, source: row.source, createdAt: row.createdAt };
  };
  return isTenantTransaction(db) ? write(db) : db.$transaction(write);
}

/** The fields that differ between two configurations, as one side saw them. */
function changedFields(before: IntentConfig, after: IntentConfig, side: "before" | "after"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof IntentConfig)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = side === "before" ? before[key] : after[key];
  }
  return out;
}
