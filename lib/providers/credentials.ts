/**
 * Where each provider's credentials come from, in order: the workspace's own (stored
 * encrypted on Integrations), else the installation's environment variables, else none,
 * and the provider then uses its local implementation (the outbox, the filesystem) or is off.
 */
import { keyringFromEnv } from "@/lib/credentials/keyring";
import { CREDENTIAL_SCHEMAS, type CredentialProvider, type CredentialsOf } from "@/lib/credentials/schema";
import { readStoredCredentials } from "@/lib/credentials/service";
import type { TenantDb } from "@/lib/db/tenant";

type Env = Record<string, string | undefined>;

export type CredentialSource = "workspace" | "environment" | "local";

export type ResolvedCredentials<P extends CredentialProvider> =
  | { source: "workspace" | "environment"; credentials: CredentialsOf<P> }
  | { source: "local"; credentials: null };

/** The environment variables of each provider, by credential field. */
export const ENVIRONMENT_VARIABLES: { [P in CredentialProvider]: Partial<Record<keyof CredentialsOf<P> & string, string>> } = {
  TWILIO: { accountSid: "TWILIO_ACCOUNT_SID", authToken: "TWILIO_AUTH_TOKEN", fromNumber: "TWILIO_FROM_NUMBER", messagingServiceSid: "TWILIO_MESSAGING_SERVICE_SID" },
  SENDGRID: { apiKey: "SENDGRID_API_KEY", fromEmail: "SENDGRID_FROM_EMAIL", webhookVerificationKey: "SENDGRID_WEBHOOK_PUBLIC_KEY" },
  GMAIL: { clientId: "GMAIL_CLIENT_ID", clientSecret: "GMAIL_CLIENT_SECRET", refreshToken: "GMAIL_REFRESH_TOKEN" },
  DISCORD: { webhookUrl: "DISCORD_WEBHOOK_URL" },
  SAM_GOV: { apiKey: "SAM_GOV_API_KEY", dailyBudget: "SAM_GOV_DAILY_BUDGET" },
  LLM: { kind: "LLM_PROVIDER", baseUrl: "LLM_BASE_URL", apiKey: "LLM_API_KEY", model: "LLM_MODEL" },
  COMPS: { apiKey: "COMPS_API_KEY", baseUrl: "COMPS_BASE_URL" },
  LOB: { apiKey: "LOB_API_KEY", webhookSecret: "LOB_WEBHOOK_SECRET", baseUrl: "LOB_BASE_URL" },
  SKIPTRACE: { apiKey: "SKIPTRACE_API_KEY", baseUrl: "SKIPTRACE_BASE_URL", costCents: "SKIPTRACE_COST_CENTS" },
  STORAGE: { endpoint: "S3_ENDPOINT", bucket: "S3_BUCKET", region: "S3_REGION", accessKeyId: "S3_ACCESS_KEY_ID", secretAccessKey: "S3_SECRET_ACCESS_KEY" },
};

/** The installation-wide credentials of `provider`, or null unless the environment gives a complete, valid set. */
export function environmentCredentials<P extends CredentialProvider>(provider: P, env: Env = process.env): CredentialsOf<P> | null {
  const names = ENVIRONMENT_VARIABLES[provider] as Record<string, string>;
  const values: Record<string, string> = {};
  for (const [field, variable] of Object.entries(names)) {
    const value = env[variable]?.trim();
    if (value) values[field] = value;
  }
  if (Object.keys(values).length === 0) return null;
  const parsed = CREDENTIAL_SCHEMAS[provider].safeParse(values);
  return parsed.success ? (parsed.data as CredentialsOf<P>) : null;
}

/**
 * The credentials `provider` uses for this workspace. Stored credentials that cannot be
 * decrypted (no key, wrong key, altered row) throw rather than fall back, so a workspace
 * that brought its own account never silently sends through the installation's.
 */
export async function resolveProviderCredentials<P extends CredentialProvider>(
  db: TenantDb,
  provider: P,
  env: Env = process.env,
): Promise<ResolvedCredentials<P>> {
  const keyring = keyringFromEnv(env);
  const stored = await readStoredCredentials(db, provider, keyring.status === "ready" ? keyring.keyring : null);
  if (stored) return { source: "workspace", credentials: stored };
  const fromEnvironment = environmentCredentials(provider, env);
  if (fromEnvironment) return { source: "environment", credentials: fromEnvironment };
  return { source: "local", credentials: null };
}
