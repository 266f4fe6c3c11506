import type { Metadata } from "next";
import { IntentSettingsForm } from "@/components/signals/intent-settings-form";
import { SettingsVersionHistory } from "@/components/signals/settings-version-history";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { summarizeEnrichmentMonth } from "@/lib/enrichment/summary";
import { drafterFor } from "@/lib/providers/drafting";
import { listIntentSettingsVersions, getIntentSettings } from "@/lib/signals/settings";
import { listMembers } from "@/lib/tenants/members";
import { saveIntentSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Signals & drafting" };
export const dynamic = "force-dynamic";

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export default async function SignalSettingsPage() {
  const ctx = await requirePage("signals:settings");
  const settings = await getIntentSettings(ctx.db);
  const [versions, members, drafter, spend] = await Promise.all([
    listIntentSettingsVersions(ctx.db),
    listMembers(ctx.db),
    drafterFor(ctx.db),
    summarizeEnrichmentMonth(ctx.db, settings.enrichmentMonthlyCapCents),
  ]);
  const who = new Map(members.map((m) => [m.userId, m.name || m.email]));
  const format = (d: Date) => d.toLocaleString("en-CA", { timeZone: ctx.tenant.timeZone, timeZoneName: "short" });
  const model = drafter.name.startsWith("openai:") ? drafter.name.slice("openai:".length) : null;

  return (
    <div className="grid min-w-0 gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Signals &amp; drafting</h1>
        <p className="text-sm text-muted-foreground">
          How intent is scored, when a draft is proposed for approval, what drafts say, and what enrichment may spend. Each save is a new version, recorded in the audit log; the laboratory tries alternatives in shadow.
        </p>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Drafter in use</CardTitle>
            <CardDescription>Set on Integrations (language model) or by LLM_BASE_URL and LLM_API_KEY.</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            {model ? (
              <p>A language model writes drafts: <span className="font-medium">{model}</span> (OpenAI-compatible), with the prompt below.</p>
            ) : (
              <p>The <span className="font-medium">template drafter</span> writes drafts from the templates below. Configure a language model on Integrations to draft with it instead.</p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Enrichment this month ({spend.month}, UTC)</CardTitle>
            <CardDescription>Skip-trace lookups for people missing a phone or an email, capped at {dollars(settings.enrichmentMonthlyCapCents)} per person.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-3 gap-4 text-sm">
              <div><dt className="text-muted-foreground">Lookups</dt><dd className="text-lg font-semibold">{spend.calls}</dd></div>
              <div><dt className="text-muted-foreground">Spent</dt><dd className="text-lg font-semibold">{dollars(spend.spentCents)}</dd></div>
              <div><dt className="text-muted-foreground">People at the cap</dt><dd className="text-lg font-semibold">{spend.peopleAtCap}</dd></div>
            </dl>
            {spend.refused > 0 && <p className="mt-2 text-sm text-muted-foreground">{spend.refused} lookup{spend.refused === 1 ? " was" : "s were"} not made: they would have passed the cap.</p>}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Settings (version {settings.version}{settings.version === 0 ? ", the seeded defaults" : ""})</CardTitle>
          <CardDescription>Saving creates version {settings.version + 1}; drafts already proposed keep the version they were written with.</CardDescription>
        </CardHeader>
        <CardContent>
          <IntentSettingsForm settings={settings} saveSettings={saveIntentSettingsAction} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Version history</CardTitle>
          <CardDescription>Newest first. Versions promoted from the laboratory name their experiment.</CardDescription>
        </CardHeader>
        <CardContent>
          <SettingsVersionHistory
            versions={versions.map((v) => ({
              id: v.id,
              version: v.version,
              source: v.source,
              experimentId: v.experimentId,
              threshold: v.highIntentThreshold,
              who: v.createdById ? (who.get(v.createdById) ?? "a former member") : "the system",
              when: format(v.createdAt),
            }))}
          />
        </CardContent>
      </Card>
    </div>
  );
}
