/**
 * What the Integrations page shows of each provider: where its credentials come from and
 * their masked values. Nothing here decrypts, so the page works even when the key is gone.
 */
import { keyringFromEnv, type KeyringState } from "@/lib/credentials/keyring";
import { maskSecret } from "@/lib/credentials/mask";
import { CREDENTIAL_FIELDS, CREDENTIAL_PROVIDERS, type CredentialProvider } from "@/lib/credentials/schema";
import { listCredentialSummaries } from "@/lib/credentials/service";
import type { TenantDb } from "@/lib/db/tenant";
import { getTenantSettings } from "@/lib/tenants/settings";
import { ENVIRONMENT_VARIABLES, environmentCredentials, type CredentialSource } from "./credentials";

export interface ProviderOverview {
  provider: CredentialProvider;
  source: CredentialSource;
  /** Field name to what may be shown: non-secret values as they are, secrets masked. */
  shown: Record<string, string>;
  stored: boolean;
  updatedAt: Date | null;
  keyVersion: number | null;
  environmentVariables: string[];
  /** Set when the alert settings' Discord webhook is what the workspace uses. */
  note?: string;
}

function maskedFromEnvironment(provider: CredentialProvider, env: Record<string, string | undefined>): Record<string, string> {
  const credentials = environmentCredentials(provider, env) as Record<string, string | undefined> | null;
  if (!credentials) return {};
  const shown: Record<string, string> = {};
  for (const field of CREDENTIAL_FIELDS[provider]) {
    const value = credentials[field.name];
    if (value) shown[field.name] = field.secret ? maskSecret(value) : value;
  }
  return shown;
}

export async function describeProviders(
  db: TenantDb,
  env: Record<string, string | undefined> = process.env,
): Promise<{ keyring: KeyringState["status"]; keyringProblem: string | null; currentKeyVersion: number | null; providers: ProviderOverview[] }> {
  const keyring = keyringFromEnv(env);
  const [summaries, settings] = await Promise.all([listCredentialSummaries(db), getTenantSettings(db)]);
  const providers = CREDENTIAL_PROVIDERS.map((provider): ProviderOverview => {
    const environmentVariables = Object.values(ENVIRONMENT_VARIABLES[provider] as Record<string, string>);
    const summary = summaries.find((s) => s.provider === provider);
    if (summary) {
      return { provider, source: "workspace", shown: { ...summary.publicFields, ...summary.secretHints }, stored: true, updatedAt: summary.updatedAt, keyVersion: summary.keyVersion, environmentVariables };
    }
    const base = { provider, stored: false, updatedAt: null, keyVersion: null, environmentVariables };
    if (provider === "DISCORD" && settings.discordWebhookUrl) {
      return { ...base, source: "workspace", shown: { webhookUrl: maskSecret(settings.discordWebhookUrl) }, note: "The webhook URL of the alert settings below." };
    }
    const shown = maskedFromEnvironment(provider, env);
    return { ...base, source: Object.keys(shown).length ? "environment" : "local", shown };
  });
  return {
    keyring: keyring.status,
    keyringProblem: keyring.status === "invalid" ? keyring.reason : null,
    currentKeyVersion: keyring.status === "ready" ? keyring.keyring.current.version : null,
    providers,
  };
}
