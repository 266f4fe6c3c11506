import type { Metadata } from "next";
import { ComplianceSettingsForm, ConsentForm, DoNotContactForm, RemoveDoNotContactButton } from "@/components/outbound/compliance-forms";
import { formatDateTime } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePage } from "@/lib/auth/session";
import { listConsents, listDoNotContact } from "@/lib/outbound";
import { getComplianceSettings } from "@/lib/outbound/settings";

export const metadata: Metadata = { title: "Compliance" };

export default async function CompliancePage({ searchParams }: { searchParams: Promise<{ q?: string; consent?: string }> }) {
  const ctx = await requirePage("compliance:manage");
  const { q, consent } = await searchParams;
  const status = consent === "OPTED_OUT" || consent === "OPTED_IN" ? consent : undefined;
  const [settings, dnc, consents] = await Promise.all([getComplianceSettings(ctx.db), listDoNotContact(ctx.db), listConsents(ctx.db, { status, q })]);
  const { timeZone } = ctx.tenant;

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compliance</h1>
        <p className="text-sm text-muted-foreground">Who may be messaged. Every send checks consent, this list, the market policy and the daily cap; every change here is audited.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Outbound settings</CardTitle>
          <CardDescription>The sender&apos;s postal address for email footers, and how many messages may leave per day (in the workspace&apos;s time zone).</CardDescription>
        </CardHeader>
        <CardContent>
          <ComplianceSettingsForm postalAddress={settings.postalAddress} capSms={settings.outboundDailyCapSms} capEmail={settings.outboundDailyCapEmail} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Do not contact</CardTitle>
          <CardDescription>{`Numbers and addresses never messaged, on any channel, whatever their consent. ${dnc.length} listed.`}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <DoNotContactForm />
          {dnc.length > 0 && (
            <Table>
              <TableHeader>
                <TableRow><TableHead>Phone or email</TableHead><TableHead>Reason</TableHead><TableHead>Added</TableHead><TableHead /></TableRow>
              </TableHeader>
              <TableBody>
                {dnc.map((row) => (
                  <TableRow key={row.id} data-testid="dnc-row">
                    <TableCell className="font-mono text-xs">{row.value}</TableCell>
                    <TableCell className="text-sm">{row.reason}</TableCell>
                    <TableCell className="text-xs text-muted-foreground">{formatDateTime(row.createdAt, timeZone)}</TableCell>
                    <TableCell className="text-right"><RemoveDoNotContactButton id={row.id} value={row.value} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Consent records</CardTitle>
          <CardDescription>The latest word of each contact per channel: imports and forms opt in, STOP and unsubscribe links opt out. A manual change needs a reason.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ConsentForm />
          <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Search consent records">
            <label className="grid gap-1 text-sm">
              Search
              <Input name="q" defaultValue={q ?? ""} placeholder="+1416 or @example.com" className="w-64" />
            </label>
            <label className="grid gap-1 text-sm">
              Consent
              <NativeSelect name="consent" defaultValue={status ?? ""} containerClassName="w-36">
                <option value="">Any</option>
                <option value="OPTED_IN">Opted in</option>
                <option value="OPTED_OUT">Opted out</option>
              </NativeSelect>
            </label>
            <Button type="submit" variant="outline">Search</Button>
          </form>
          <Table>
            <TableHeader>
              <TableRow><TableHead>Channel</TableHead><TableHead>Address</TableHead><TableHead>Consent</TableHead><TableHead>Source</TableHead><TableHead>Note</TableHead><TableHead>Updated</TableHead></TableRow>
            </TableHeader>
            <TableBody>
              {consents.map((row) => (
                <TableRow key={row.id} data-testid="consent-row" data-status={row.status}>
                  <TableCell className="text-xs">{row.channel}</TableCell>
                  <TableCell className="font-mono text-xs">{row.address}</TableCell>
                  <TableCell><Badge variant={row.status === "OPTED_IN" ? "success" : "warning"}>{row.status === "OPTED_IN" ? "opted in" : "opted out"}</Badge></TableCell>
                  <TableCell className="text-xs">{row.source}</TableCell>
                  <TableCell className="text-xs text-muted-foreground">{row.note}</TableCell>
                  <TableCell className="text-xs text-muted-foreground">{formatDateTime(row.updatedAt, timeZone)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {consents.length === 200 && <p className="text-xs text-muted-foreground">The 200 most recent are shown; search to narrow.</p>}
        </CardContent>
      </Card>
    </div>
  );
}
