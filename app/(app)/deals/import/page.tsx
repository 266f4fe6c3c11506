import type { Metadata } from "next";
import { ImportWizard } from "@/components/imports/import-wizard";
import { RecentImports } from "@/components/imports/recent-imports";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listImportJobs } from "@/lib/imports/query";
import { retryImportAction } from "./actions";

export const metadata: Metadata = { title: "Import leads" };

export default async function ImportLeadsPage() {
  const ctx = await requirePage("deals:import");
  const jobs = await listImportJobs(ctx.db, 10);

  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import leads</h1>
        <p className="text-sm text-muted-foreground">
          Bring a CSV lead list into {ctx.tenant.name}. Each row becomes a deal, skipped when its address is already known.
        </p>
      </div>

      <ImportWizard />

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
