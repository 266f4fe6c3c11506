import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";

/** Per-tenant integration settings, stored as JSON on the tenant. */
export const TenantSettingsSchema = z.object({
  /** Shared secret of the inbound-email webhook (header X-Dealflow-Secret or HMAC signature). */
  inboundEmailSecret: z.string().min(16).optional(),
  gmailLabel: z.string().trim().min(1).max(100).default("JV_Deals"),
  discordWebhookUrl: z.url().refine((u) => u.startsWith("https://"), "Use an https:// webhook URL").optional(),
  /** Deals whose spread reaches this many dollars raise an alert. */
  spreadAlertThreshold: z.coerce.number().int().min(0).default(30_000),
});
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

export async function getTenantSettings(db: TenantDb): Promise<TenantSettings> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { settings: true } });
  const parsed = TenantSettingsSchema.safeParse(tenant.settings ?? {});
  return parsed.success ? parsed.data : TenantSettingsSchema.parse({});
}
