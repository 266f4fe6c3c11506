import { logger } from "@/lib/observability/logger";

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
