/** A workspace's buyer settings: read with defaults, written audited. */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { DEFAULT_BUYER_SETTINGS, type BuyerSettingsInput, type BuyerSettingsValues } from "./settings-schema";

export { BuyerSettingsInput, DEFAULT_BUYER_SETTINGS, type BuyerSettingsValues } from "./settings-schema";

const FIELDS = Object.keys(DEFAULT_BUYER_SETTINGS) as (keyof BuyerSettingsValues)[];

function valuesOf(row: BuyerSettingsValues): BuyerSettingsValues {
  return Object.fromEntries(FIELDS.map((field) => [field, row[field]])) as unknown as BuyerSettingsValues;
}

/** The workspace's buyer settings; the documented defaults until someone saves them. */
export async function getBuyerSettings(db: TenantDb | TenantTransaction): Promise<BuyerSettingsValues> {
  const row = await db.buyerSettings.findFirst();
  return row ? valuesOf(row) : { ...DEFAULT_BUYER_SETTINGS };
}

/** Saves the settings (every field, as the form sends them) with an audit line of what changed. */
export async function updateBuyerSettings(db: TenantDb, input: BuyerSettingsInput, actor: AuditContext): Promise<BuyerSettingsValues> {
  return db.$transaction(async (tx) => {
    const before = await getBuyerSettings(tx);
    const row = await tx.buyerSettings.upsert({ where: { tenantId: tx.tenantId }, create: { ...input }, update: { ...input } });
    const after = valuesOf(row);
    const changed = FIELDS.filter((field) => before[field] !== after[field]);
    await recordAudit(
      tx,
      {
        action: "buyer-settings.updated",
        entity: "BuyerSettings",
        entityId: row.id,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      },
      actor,
    );
    return after;
  });
}
