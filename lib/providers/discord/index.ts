import type { TenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import { getTenantSettings } from "@/lib/tenants/settings";
import { resolveProviderCredentials } from "../credentials";

export interface AlertSink {
  send(message: { title: string; body: string; url?: string }): Promise<{ delivered: boolean; detail?: string }>;
}

/** Posts to a Discord webhook; failures are reported, never thrown, so alerts can't break a flow. */
export function discordWebhook(webhookUrl: string, fetchImpl: typeof fetch = fetch): AlertSink {
  return {
    async send({ title, body, url }) {
      try {
        const response = await fetchImpl(webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ embeds: [{ title: title.slice(0, 256), description: body.slice(0, 4000), url }] }),
          signal: AbortSignal.timeout(5000),
        });
        if (!response.ok) return { delivered: false, detail: `Discord answered ${response.status}` };
        return { delivered: true };
      } catch (error) {
        logger.warn({ err: error }, "Discord alert failed");
        return { delivered: false, detail: (error as Error).message };
      }
    },
  };
}

/**
 * The Discord webhook this workspace's alerts go to: the one stored on Integrations, else
 * the webhook URL of the alert settings, else DISCORD_WEBHOOK_URL; null when none is set
 * (alerts are then in-app only).
 */
export async function discordWebhookUrlFor(db: TenantDb, env: Record<string, string | undefined> = process.env): Promise<string | null> {
  const resolved = await resolveProviderCredentials(db, "DISCORD", env);
  if (resolved.source === "workspace") return resolved.credentials.webhookUrl;
  const settings = await getTenantSettings(db);
  return settings.discordWebhookUrl ?? resolved.credentials?.webhookUrl ?? null;
}

/** The alert sink of this workspace's Discord channel, or null when it has none. */
export async function discordNotifierFor(db: TenantDb, fetchImpl: typeof fetch = fetch): Promise<AlertSink | null> {
  const url = await discordWebhookUrlFor(db);
  return url ? discordWebhook(url, fetchImpl) : null;
}
