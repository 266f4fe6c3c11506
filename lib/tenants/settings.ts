import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";

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
  /** Outbound calls per local day of the workspace (click-to-call); calls beyond it are refused. */
  outboundDailyCapCall: z.coerce.number().int().min(0).max(100_000).default(300),
  /** What postcards and letters may cost per calendar month, in cents; a piece past it is refused. */
  mailMonthlyBudgetCents: z.coerce.number().int().min(0).max(100_000_000).default(50_000),
  /** An engine failing this many times in a row escalates to the owners. */
  engineEscalationThreshold: z.coerce.number().int().min(1).max(50).default(3),
  /** A KPI breach throttles outbound (lib/outbound/throttle.ts) until the KPIs clear or an admin lifts it. */
  kpiAutoThrottle: z.boolean().default(false),
});
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

export async function getTenantSettings(db: TenantDb): Promise<TenantSettings> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { settings: true } });
  const parsed = TenantSettingsSchema.safeParse(tenant.settings ?? {});
  return parsed.success ? parsed.data : TenantSettingsSchema.parse({});
}

/** The settings JSON as stored, unvalidated: a patch must keep the keys it does not name. */
export type StoredTenantSettings = Record<string, unknown>;

function storedSettings(settings: unknown): StoredTenantSettings {
  return (settings && typeof settings === "object" && !Array.isArray(settings) ? settings : {}) as StoredTenantSettings;
}

/**
 * Merges `patch` into the tenant's stored settings, other keys untouched. The only writer
 * of the settings outside this area; returns the stored settings as they were before.
 */
export async function updateTenantSettings(
  db: TenantDb | TenantTransaction,
  patch: Partial<TenantSettings>,
): Promise<{ before: StoredTenantSettings }> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { settings: true } });
  const before = storedSettings(tenant.settings);
  await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { ...before, ...patch } as Prisma.InputJsonObject } });
  return { before };
}

/**
 * The tenant's name, slug, zone and settings; `settings` is null when the stored JSON does
 * not validate, so a caller can fail closed instead of falling back to the defaults.
 */
export async function getTenantWithSettings(db: TenantDb | TenantTransaction) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true, slug: true, timeZone: true, plan: true, settings: true } });
  const parsed = TenantSettingsSchema.safeParse(tenant.settings ?? {});
  return { name: tenant.name, slug: tenant.slug, timeZone: tenant.timeZone, plan: tenant.plan, settings: parsed.success ? parsed.data : null };
}

/**
 * Takes the tenant row's lock until the caller's transaction ends (it only touches updatedAt). Work
 * that must see what concurrent work of the same tenant committed takes it first and so
 * queues behind it: outbound counts every other send against the daily cap this way.
 */
export async function lockTenantRow(tx: TenantTransaction): Promise<void> {
  await tx.tenant.update({ where: { id: tx.tenantId }, data: { updatedAt: new Date() } });
}
