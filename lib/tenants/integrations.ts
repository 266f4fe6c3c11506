import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { getTenantSettings, type TenantSettings } from "./settings";

const blank = (v: unknown) => (v === "" ? undefined : v);

/** What the integrations form edits (the webhook secret is rotated, never typed). */
export const IntegrationsInput = z.object({
  gmailLabel: z.string().trim().min(1, "Give the Gmail label to read").max(100),
  discordWebhookUrl: z.preprocess(
    blank,
    z.url("Enter the webhook URL from Discord").refine((u) => u.startsWith("https://"), "Use an https:// URL").optional(),
  ),
  spreadAlertThreshold: z.coerce.number({ error: "Enter an amount in dollars" }).int("Whole dollars").min(0, "Cannot be negative").max(10_000_000),
});
export type IntegrationsInput = z.infer<typeof IntegrationsInput>;

async function writeSettings(db: TenantDb, next: TenantSettings, action: string, ctx: AuditContext, redact: (s: TenantSettings) => unknown) {
  return db.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { settings: true } });
    await tx.tenant.update({ where: { id: db.tenantId }, data: { settings: next } });
    await recordAudit(tx, { action, entity: "Tenant", entityId: db.tenantId, before: redact(before.settings as TenantSettings), after: redact(next) }, ctx);
    return next;
  });
}

/** Secrets never reach the audit log: only whether they are set. */
function redactSecrets(settings: TenantSettings) {
  return { ...settings, inboundEmailSecret: settings?.inboundEmailSecret ? "set" : "unset", discordWebhookUrl: settings?.discordWebhookUrl ? "set" : "unset" };
}

export async function saveIntegrations(db: TenantDb, input: IntegrationsInput, ctx: AuditContext) {
  const current = await getTenantSettings(db);
  return writeSettings(db, { ...current, ...input }, "integrations.updated", ctx, redactSecrets);
}

/** A new inbound-email secret; the old one stops working at once. Returned once. */
export async function rotateInboundEmailSecret(db: TenantDb, ctx: AuditContext) {
  const secret = randomBytes(24).toString("base64url");
  const current = await getTenantSettings(db);
  await writeSettings(db, { ...current, inboundEmailSecret: secret }, "integrations.inbound_secret_rotated", ctx, redactSecrets);
  return secret;
}
