import type { Metadata } from "next";
import Link from "next/link";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Card, CardContent } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listSegments } from "@/lib/buyers/segments";
import { timeZoneLabel } from "@/lib/campaigns/schedule";
import { listSavedViews } from "@/lib/prospects/views";
import { createCampaignAction } from "../actions";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const ctx = await requirePage("campaigns:manage");
  const [views, segments] = await Promise.all([listSavedViews(ctx.db, ctx.user.id), listSegments(ctx.db)]);
  return (
    <div className="grid max-w-3xl gap-6">
      <div className="grid gap-1">
        <p className="text-sm"><Link href="/campaigns" className="underline underline-offset-4">Campaigns</Link></p>
        <h1 className="text-2xl font-semibold tracking-tight">New campaign</h1>
        <p className="text-sm text-muted-foreground">Saved as a draft; start it from its page. Every email passes the outbound gates and carries your postal address and an unsubscribe link.</p>
      </div>
      <Card>
        <CardContent>
          <CampaignForm
            views={views.map((v) => ({ id: v.id, name: v.name }))}
            segments={segments.map((s) => ({ id: s.id, name: s.name }))}
            timeZone={ctx.tenant.timeZone}
            timeZoneLabel={timeZoneLabel(ctx.tenant.timeZone)}
            createCampaign={createCampaignAction}
          />
        </CardContent>
      </Card>
    </div>
  );
}
