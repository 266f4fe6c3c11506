import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { getTenantSettings, updateTenantSettings } from "@/lib/tenants/settings";
import { ComplianceSettingsInput } from "./schema";

/** The outbound part of the tenant settings: the email footer's postal address and the daily caps. */
export async function getComplianceSettings(db: TenantDb) {
  const { postalAddress, outboundDailyCapSms, outboundDailyCapEmail } = await getTenantSettings(db);
  return { postalAddress: postalAddress ?? null, outboundDailyCapSms, outboundDailyCapEmail };
}

/** Saves them into the tenant's settings (other keys untouched), audited. */
export async function updateComplianceSettings(db: TenantDb, input: unknown, ctx: AuditContext) {
  const parsed = ComplianceSettingsInput.parse(input);
  return db.$transaction(async (tx) => {
    const { before: current } = await updateTenantSettings(tx, parsed);
    const before = { postalAddress: current.postalAddress ?? null, outboundDailyCapSms: current.outboundDailyCapSms ?? null, outboundDailyCapEmail: current.outboundDailyCapEmail ?? null };
    await recordAudit(tx, { action: "compliance.settings_updated", entity: "Tenant", entityId: db.tenantId, before, after: parsed }, ctx);
    return parsed;
  });
}
