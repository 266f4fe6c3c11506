import { AlertTriangle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { RegistriesList } from "@/components/dnc/registries-list";
import { RegistryUploadForm } from "@/components/dnc/registry-upload-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/session";
import { DNCL_MAX_AGE_DAYS, listRegistries, type RegistryView } from "@/lib/dnc";
import { removeRegistryAction } from "./actions";

export const metadata: Metadata = { title: "Do-not-call registries" };
export const dynamic = "force-dynamic";

/** What the admin must know about the Canadian copy before anything else on the page. */
function dnclWarning(rows: RegistryView[]): string | null {
  const copies = rows.filter((r) => r.kind === "CA_NATIONAL" && r.downloadedAt);
  if (copies.length === 0) return "No copy of Canada's National DNCL is loaded: texts and calls to Canadian numbers are refused unless the person gave prior express written consent.";
  const oldest = copies.reduce((a, b) => ((a.ageDays ?? 0) >= (b.ageDays ?? 0) ? a : b));
  if (oldest.freshness === "stale") return `The DNCL copy "${oldest.name}" is ${oldest.ageDays} days old: texts and calls to Canadian numbers are refused until a copy no older than ${DNCL_MAX_AGE_DAYS} days is uploaded.`;
  if (oldest.freshness === "ageing") return `The DNCL copy "${oldest.name}" is ${oldest.ageDays} days old: at ${DNCL_MAX_AGE_DAYS + 1} days, texts and calls to Canadian numbers stop. Download and upload a new copy.`;
  return null;
}

export default async function RegistriesPage() {
  const ctx = await requirePage("compliance:manage");
  const rows = await listRegistries(ctx.db);
  const warning = dnclWarning(rows);
  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <p className="text-sm"><Link href="/settings/compliance" className="underline underline-offset-4">Compliance</Link></p>
        <h1 className="text-2xl font-semibold tracking-tight">Do-not-call registries</h1>
        <p className="text-sm text-muted-foreground">
          Every text and call to a number on a registry is refused, unless its consent exempts it from a national registry (prior express written consent; an established relationship for 90 days in the US, 180 days in Canada). Litigator and internal lists refuse always.
        </p>
      </div>
      {warning && (
        <div role="alert" className="flex items-start gap-2 rounded-md border border-destructive/60 bg-destructive/5 p-3 text-sm font-medium" data-testid="dncl-warning">
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
          <span>{warning}</span>
        </div>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Upload a copy</CardTitle>
          <CardDescription>A new copy replaces the previous one of the same registry and name at once, when the whole file is stored; until then the previous copy stays in force.</CardDescription>
        </CardHeader>
        <CardContent>
          <RegistryUploadForm today={new Date().toISOString().slice(0, 10)} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Registries</CardTitle>
          <CardDescription>{`National copies must be renewed within ${DNCL_MAX_AGE_DAYS} days of their download.`}</CardDescription>
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <EmptyState title="No registry loaded yet" description="Upload the US National DNC Registry for your area codes, Canada's National DNCL, a litigator list or your own list above." />
          ) : (
            <RegistriesList rows={rows} timeZone={ctx.tenant.timeZone} removeRegistry={removeRegistryAction} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
