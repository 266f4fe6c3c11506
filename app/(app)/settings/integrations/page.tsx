import type { Metadata } from "next";
import { ProviderCredentialsList } from "@/components/integrations/provider-credentials";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { CREDENTIAL_FIELDS, PROVIDER_LABELS } from "@/lib/credentials/schema";
import { describeProviders } from "@/lib/providers/overview";
import { removeCredentialAction, saveCredentialAction, testConnectionAction } from "./actions";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const ctx = await requirePage("integrations:manage");
  const overview = await describeProviders(ctx.db);
  const format = (d: Date | null) => (d ? d.toLocaleString("en-CA", { timeZone: ctx.tenant.timeZone, timeZoneName: "short" }) : null);
  const canSave = overview.keyring === "ready";

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Integrations</h1>
        <p className="text-sm text-muted-foreground">
          This workspace&apos;s own accounts with outside services. A provider uses the workspace&apos;s credentials, else the installation&apos;s
          environment variables, else its local stand-in (the Outbox for SMS and email; alerts in the app only). Secrets are encrypted and never shown again.
        </p>
      </div>

      {!canSave && (
        <Card role="status" className="border-amber-500/60">
          <CardHeader>
            <CardTitle>Secrets cannot be saved on this server</CardTitle>
            <CardDescription>
              {overview.keyring === "missing"
                ? "The server has no CREDENTIALS_KEY, and secrets are never stored in clear. Set CREDENTIALS_KEY to 32 random bytes in base64 (openssl rand -base64 32) and restart."
                : `CREDENTIALS_KEY is not usable: ${overview.keyringProblem}.`}
            </CardDescription>
          </CardHeader>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>Providers</CardTitle>
          <CardDescription>Saves and removals are recorded in the audit log, without the secrets.{overview.currentKeyVersion ? ` Encrypted with key version ${overview.currentKeyVersion}.` : ""}</CardDescription>
        </CardHeader>
        <CardContent>
          <ProviderCredentialsList
            providers={overview.providers.map((p) => ({ ...p, updatedAt: format(p.updatedAt), label: PROVIDER_LABELS[p.provider], fields: CREDENTIAL_FIELDS[p.provider] }))}
            canSave={canSave}
            saveCredential={saveCredentialAction}
            removeCredential={removeCredentialAction}
            testConnection={testConnectionAction}
          />
        </CardContent>
      </Card>
    </div>
  );
}
