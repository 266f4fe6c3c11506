import type { Metadata } from "next";
import { LadderEditor } from "@/components/ladder/ladder-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { getLadderTemplate } from "@/lib/ladder/templates";
import { saveLadderTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Follow-up ladder" };
export const dynamic = "force-dynamic";

export default async function LadderSettingsPage() {
  const ctx = await requirePage("ladder:manage");
  const template = await getLadderTemplate(ctx.db);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Follow-up ladder</h1>
        <p className="text-sm text-muted-foreground">
          The cadence every new lead gets: texts go out through the compliance gates, calls become tasks in the VA inbox. A reply, an opt-out, a status change or a manual stop ends it.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Steps</CardTitle>
          <CardDescription>
            {template.isDefault ? "The default ladder (no changes saved yet)." : `Version ${template.version}.`} Delays count from the start; each step comes no earlier than the one before.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <LadderEditor steps={template.steps} canEdit={can(ctx.role, "ladder:manage")} saveLadder={saveLadderTemplateAction} />
        </CardContent>
      </Card>
    </div>
  );
}
