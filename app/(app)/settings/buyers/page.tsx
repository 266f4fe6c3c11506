import type { Metadata } from "next";
import { BuyerSettingsForm } from "@/components/buyers/settings-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { getBuyerSettings } from "@/lib/buyers/settings";
import { saveBuyerSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Buyer settings" };
export const dynamic = "force-dynamic";

export default async function BuyerSettingsPage() {
  const ctx = await requirePage("buyers:settings");
  const settings = await getBuyerSettings(ctx.db);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Buyer settings</h1>
        <p className="text-sm text-muted-foreground">
          How buyers are tiered, what the buyer-matching engine may do on its own, and what buyers see on their deal pages. Changes are recorded in the audit log.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Tiers, blasts and buyer pages</CardTitle>
          <CardDescription>
            Tiers look at the last 180 days: response rate (deals answered / deals sent), close rate (deals bought / deals sent) and closing velocity (median days from an accepted offer to the close). A buyer reaching every tier-A bar is A, else every tier-B bar is B, else C.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <BuyerSettingsForm settings={settings} saveSettings={saveBuyerSettingsAction} />
        </CardContent>
      </Card>
    </div>
  );
}
