import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { ApiKeyDialog } from "@/components/integrations/api-key-dialog";
import { IntegrationsForm } from "@/components/integrations/integrations-form";
import { PollGmailButton, RevokeKeyButton, RotateSecretButton } from "@/components/integrations/row-buttons";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listApiKeys } from "@/lib/apikeys/service";
import { requirePage } from "@/lib/auth/session";
import { gmailMailboxConfigFor } from "@/lib/providers/gmail";
import { invitationUrl } from "@/lib/tenants/invitation-url";
import { listMembers } from "@/lib/tenants/members";
import { getTenantSettings } from "@/lib/tenants/settings";
import { createApiKeyAction, pollGmailNowAction, revokeApiKeyAction, rotateInboundSecretAction, saveIntegrationsAction } from "./actions";

export const metadata: Metadata = { title: "API & integrations" };

export default async function ApiSettingsPage() {
  const ctx = await requirePage("apikeys:manage");
  const [keys, settings, members] = await Promise.all([listApiKeys(ctx.db), getTenantSettings(ctx.db), listMembers(ctx.db)]);
  const memberName = new Map(members.map((m) => [m.userId, m.name || m.email]));
  const origin = new URL(await invitationUrl("x")).origin;
  const webhookUrl = `${origin}/api/webhooks/inbound-email/${ctx.tenant.slug}`;
  const gmail = await gmailMailboxConfigFor(ctx.db);
  const gmailOn = Boolean(gmail);
  const format = (d: Date | null) => (d ? d.toLocaleString("en-CA", { timeZone: ctx.tenant.timeZone, timeZoneName: "short" }) : "never");

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API &amp; integrations</h1>
          <p className="text-sm text-muted-foreground">
            REST API v1 with keys, described at <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>; deal emails by webhook or Gmail; alerts. Provider credentials are on <a className="underline" href="/settings/integrations">Integrations</a>.
          </p>
        </div>
        <ApiKeyDialog createApiKey={createApiKeyAction} />
      </div>

      <Card>
        <CardHeader><CardTitle>API keys</CardTitle><CardDescription>Send as <code>Authorization: Bearer dfk_...</code>. Writes honour an <code>Idempotency-Key</code> header.</CardDescription></CardHeader>
        <CardContent>
          {keys.length === 0 ? (
            <EmptyState icon={KeyRound} title="No API keys yet" description="Create one for each system that sends you deals or reads offers." />
          ) : (
            <Table>
              <TableHeader><TableRow><TableHead>Name</TableHead><TableHead>Key</TableHead><TableHead className="hidden md:table-cell">Scopes</TableHead><TableHead className="hidden sm:table-cell">Last used</TableHead><TableHead className="w-0"><span className="sr-only">Actions</span></TableHead></TableRow></TableHeader>
              <TableBody>
                {keys.map((key) => (
                  <TableRow key={key.id}>
                    <TableCell className="font-medium">{key.name} {key.userId && <Badge variant="secondary">Acts as {memberName.get(key.userId) ?? "a former member"}</Badge>} {key.revokedAt && <Badge variant="outline">Revoked</Badge>}</TableCell>
                    <TableCell className="font-mono text-xs">dfk_{key.prefix}_…</TableCell>
                    <TableCell className="hidden md:table-cell"><div className="flex flex-wrap gap-1">{key.scopes.map((s) => <Badge key={s} variant="secondary" className="font-mono">{s}</Badge>)}</div></TableCell>
                    <TableCell className="hidden text-xs sm:table-cell">{format(key.lastUsedAt)}</TableCell>
                    <TableCell>{!key.revokedAt && <RevokeKeyButton id={key.id} name={key.name} revokeApiKey={revokeApiKeyAction} />}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">Inbound email webhook {settings.inboundEmailSecret ? <Badge variant="success">On</Badge> : <Badge variant="outline">Off</Badge>}</CardTitle>
            <CardDescription>Point your mail service&apos;s inbound parse at this URL. Redeliveries of the same Message-ID change nothing.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <code className="break-all rounded bg-muted p-2 text-xs">POST {webhookUrl}</code>
            <p className="text-muted-foreground">JSON body <code>{"{ messageId, from, to, subject, text, html }"}</code>; sign it with <code>X-Dealflow-Signature: sha256=&lt;HMAC-SHA256 of the body&gt;</code>, or send the secret in <code>X-Dealflow-Secret</code>.</p>
            <RotateSecretButton hasSecret={Boolean(settings.inboundEmailSecret)} rotateSecret={rotateInboundSecretAction} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">Gmail {gmailOn ? <Badge variant="success">On</Badge> : <Badge variant="outline">Off</Badge>}</CardTitle>
            <CardDescription>
              {gmailOn
                ? `Reads messages labelled “${gmail?.label}” and marks them “${gmail?.label}/Processed”.`
                : "Off: no Gmail credentials. Add them under Integrations, or set GMAIL_CLIENT_ID, GMAIL_CLIENT_SECRET and GMAIL_REFRESH_TOKEN for the whole installation."}
            </CardDescription>
          </CardHeader>
          {gmailOn && <CardContent><PollGmailButton pollGmail={pollGmailNowAction} /></CardContent>}
        </Card>
      </div>

      <Card>
        <CardHeader><CardTitle>Alerts and intake settings</CardTitle><CardDescription>Changes are recorded in the audit log (secrets only as set or unset).</CardDescription></CardHeader>
        <CardContent><IntegrationsForm
            values={{ gmailLabel: settings.gmailLabel, discordWebhookUrl: settings.discordWebhookUrl, spreadAlertThreshold: settings.spreadAlertThreshold }}
            saveIntegrations={saveIntegrationsAction}
          /></CardContent>
      </Card>
    </div>
  );
}
