import { auth as googleAuth, gmail as gmailClient } from "@googleapis/gmail";
import type { TenantDb } from "@/lib/db/tenant";
import { getTenantSettings } from "@/lib/tenants/settings";
import { resolveProviderCredentials, type CredentialSource } from "../credentials";

/** A mailbox that holds deal emails: the Gmail provider, or a fake in tests. */
export interface DealMailbox {
  /** Raw RFC 822 messages carrying the label and not yet marked processed. */
  listUnprocessed(limit: number): Promise<{ id: string; raw: string }[]>;
  markProcessed(id: string): Promise<void>;
}

export interface GmailConfig {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Gmail is on only when all three OAuth credentials are set; otherwise it is off. */
export function gmailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GmailConfig | null {
  const { GMAIL_CLIENT_ID, GMAIL_CLIENT_SECRET, GMAIL_REFRESH_TOKEN } = env;
  if (!GMAIL_CLIENT_ID || !GMAIL_CLIENT_SECRET || !GMAIL_REFRESH_TOKEN) return null;
  return { clientId: GMAIL_CLIENT_ID, clientSecret: GMAIL_CLIENT_SECRET, refreshToken: GMAIL_REFRESH_TOKEN };
}

/**
 * This workspace's Gmail: its own OAuth credentials, else the environment's, and the label
 * to read (the one stored with the credentials, else the intake settings' label); null when off.
 */
export async function gmailMailboxConfigFor(
  db: TenantDb,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ config: GmailConfig; label: string; source: CredentialSource } | null> {
  const resolved = await resolveProviderCredentials(db, "GMAIL", env);
  if (!resolved.credentials) return null;
  const { clientId, clientSecret, refreshToken, label } = resolved.credentials;
  return { config: { clientId, clientSecret, refreshToken }, label: label || (await getTenantSettings(db)).gmailLabel, source: resolved.source };
}

export function processedLabelName(label: string): string {
  return `${label}/Processed`;
}

/**
 * Reads deal emails from a Gmail label (default JV_Deals). A message is marked done by
 * adding the `<label>/Processed` label, so the mailbox itself shows what was taken in.
 */
export function gmailMailbox(config: GmailConfig, label: string): DealMailbox {
  const oauth = new googleAuth.OAuth2(config.clientId, config.clientSecret);
  oauth.setCredentials({ refresh_token: config.refreshToken });
  const api = gmailClient({ version: "v1", auth: oauth });
  let processedLabelId: Promise<string> | undefined;

  async function ensureProcessedLabel(): Promise<string> {
    const name = processedLabelName(label);
    const { data } = await api.users.labels.list({ userId: "me" });
    const existing = data.labels?.find((l) => l.name === name)?.id;
    if (existing) return existing;
    const created = await api.users.labels.create({ userId: "me", requestBody: { name, labelListVisibility: "labelShow", messageListVisibility: "show" } });
    return created.data.id!;
  }

  return {
    async listUnprocessed(limit) {
      const quoted = (l: string) => `"${l.replaceAll('"', "")}"`;
      const { data } = await api.users.messages.list({
        userId: "me",
        q: `label:${quoted(label)} -label:${quoted(processedLabelName(label))}`,
        maxResults: limit,
      });
      const messages = [];
      for (const { id } of data.messages ?? []) {
        if (!id) continue;
        const full = await api.users.messages.get({ userId: "me", id, format: "raw" });
        if (full.data.raw) messages.push({ id, raw: Buffer.from(full.data.raw, "base64url").toString("utf8") });
      }
      return messages;
    },
    async markProcessed(id) {
      processedLabelId ??= ensureProcessedLabel();
      await api.users.messages.modify({ userId: "me", id, requestBody: { addLabelIds: [await processedLabelId] } });
    },
  };
}
