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
  /** Whether a new lead starts the follow-up ladder on its own (Start ladder on a deal always works). */
  ladderAutoStart: z.boolean().default(true),
  /** The mailing address printed in every outbound email (CAN-SPAM, CASL); email is refused without it. */
  postalAddress: z.string().trim().min(10, "Enter the full postal address").max(300).optional(),
  /** Outbound SMS per local day of the workspace; sends beyond it are refused (daily_cap_reached). */
  outboundDailyCapSms: z.coerce.number().int().min(0).max(100_000).default(500),
  /** Outbound emails per local day of the workspace. */
  outboundDailyCapEmail: z.coerce.number().int().min(0).max(100_000).default(1_000),
  /** An engine failing this many times in a row escalates to the owners. */
  engineEscalationThreshold: z.coerce.number().int().min(1).max(50).default(3),
});
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

export async function getTenantSettings(db: TenantDb): Promise<TenantSettings> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { settings: true } });
  const parsed = TenantSettingsSchema.safeParse(tenant.settings ?? {});
  return parsed.success ? parsed.data : TenantSettingsSchema.parse({});
}
