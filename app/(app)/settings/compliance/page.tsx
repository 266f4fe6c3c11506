import type { Metadata } from "next";
import Link from "next/link";
import { ComplianceSettingsForm, ConsentForm, DoNotContactForm } from "@/components/outbound/compliance-forms";
import { ConsentSearch } from "@/components/outbound/consent-search";
import { ConsentTable } from "@/components/outbound/consent-table";
import { DoNotContactTable } from "@/components/outbound/do-not-contact-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listConsents, listDoNotContact } from "@/lib/outbound";
import { getComplianceSettings } from "@/lib/outbound/settings";
import { addDoNotContactAction, changeConsentAction, removeDoNotContactAction, saveComplianceSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Compliance" };

type CompliancePageParams = { q?: string; consent?: string; channel?: string; page?: string; address?: string };

export default async function CompliancePage({ searchParams }: { searchParams: Promise<CompliancePageParams> }) {
  const ctx = await requirePage("compliance:manage");
  const params = await searchParams;
  const [settings, dnc, consents] = await Promise.all([getComplianceSettings(ctx.db), listDoNotContact(ctx.db), listConsents(ctx.db, params)]);
  const { timeZone } = ctx.tenant;
  // A blocked send links here with the channel and address to record consent for.
  const prefill = { channel: params.channel?.toUpperCase() === "EMAIL" ? ("EMAIL" as const) : ("SMS" as const), address: params.address ?? "" };

  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compliance</h1>
        <p className="text-sm text-muted-foreground">Who may be messaged. Every send checks consent, this list, the market policy and the daily cap; every change here is audited.</p>
        <p className="text-sm"><Link href="/settings/compliance/registries" className="underline underline-offset-4">Do-not-call registries</Link> (US National DNC, Canada DNCL, litigator and internal lists)</p>
      </div>
      <Card id="outbound-settings" className="scroll-mt-4">
        <CardHeader>
          <CardTitle>Outbound settings</CardTitle>
          <CardDescription>The sender&apos;s postal address for email footers, and how many messages may leave per day (in the workspace&apos;s time zone).</CardDescription>
        </CardHeader>
        <CardContent>
          <ComplianceSettingsForm
            postalAddress={settings.postalAddress}
            capSms={settings.outboundDailyCapSms}
            capEmail={settings.outboundDailyCapEmail}
            saveSettings={saveComplianceSettingsAction}
          />
        </CardContent>
      </Card>
      <Card id="do-not-contact" className="scroll-mt-4">
        <CardHeader>
          <CardTitle>Do not contact</CardTitle>
          <CardDescription>{`Numbers and addresses never messaged, on any channel, whatever their consent. ${dnc.length} listed.`}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <DoNotContactForm addDoNotContact={addDoNotContactAction} />
          <DoNotContactTable rows={dnc} timeZone={timeZone} removeDoNotContact={removeDoNotContactAction} />
        </CardContent>
      </Card>
      <Card id="record-consent" className="scroll-mt-4">
        <CardHeader>
          <CardTitle>Consent records</CardTitle>
          <CardDescription>The latest word of each contact per channel: imports and forms opt in, STOP and unsubscribe links opt out. A manual change needs a reason.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ConsentForm changeConsent={changeConsentAction} defaults={prefill} />
          <ConsentSearch q={consents.query.q} status={consents.query.consent} />
          <ConsentTable page={consents} timeZone={timeZone} />
        </CardContent>
      </Card>
    </div>
  );
}
