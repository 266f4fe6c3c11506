import type { Metadata } from "next";
import { importKindOf } from "@/components/imports/import-targets";
import { ImportWizard } from "@/components/imports/import-wizard";
import { RecentImports } from "@/components/imports/recent-imports";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listImportJobs } from "@/lib/imports/query";
import { retryImportAction } from "./actions";

export const metadata: Metadata = { title: "Import leads or buyers" };

/** `?kind=buyers` opens the wizard on a buyer list (the Buyers page links here so). */
export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePage("deals:import");
  const kind = importKindOf((await searchParams).kind);
  const jobs = await listImportJobs(ctx.db, 10);

  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{kind === "BUYERS" ? "Import buyers" : kind === "COMPS" ? "Import sold comps" : "Import leads"}</h1>
        <p className="text-sm text-muted-foreground">
          Bring a CSV list into {ctx.tenant.name}. A lead becomes a deal, skipped when its address is already known; a cash buyer becomes a buyer, skipped when
          their phone or email is already known; a sold comp becomes a comparable sale that prices nearby deals, skipped when its address and sale date are on record.
        </p>
      </div>

      <ImportWizard initialKind={kind} />

      <Card>
        <CardHeader>
          <CardTitle>Recent imports</CardTitle>
          <CardDescription>The last 10 files imported into this workspace.</CardDescription>
        </CardHeader>
        <CardContent>
          <RecentImports jobs={jobs} timeZone={ctx.tenant.timeZone} retryImport={retryImportAction} />
        </CardContent>
      </Card>
    </div>
  );
}
