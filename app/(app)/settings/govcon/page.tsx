import type { Metadata } from "next";
import Link from "next/link";
import { FitWeightsForm } from "@/components/govcon-settings/fit-weights-form";
import { ProfileForm } from "@/components/govcon-settings/profile-form";
import { SamGovConnection } from "@/components/govcon-settings/samgov-connection";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { resolveFitWeights } from "@/lib/govcon/fit-weights";
import { loadGovConProfile } from "@/lib/govcon/profile";
import { profileViewOf } from "@/lib/govcon/profile-document";
import { GovConProfileInput } from "@/lib/govcon/profile-schema";
import { readSamGovUsage } from "@/lib/govcon/quota";
import { resetFitWeightsAction, saveFitWeightsAction, saveGovConProfileAction } from "./actions";

export const metadata: Metadata = { title: "GovCon settings" };
export const dynamic = "force-dynamic";

export default async function GovConSettingsPage() {
  const ctx = await requirePage("govcon:manage");
  const [stored, usage] = await Promise.all([loadGovConProfile(ctx.db), readSamGovUsage(ctx.db)]);
  const profile = stored ?? profileViewOf(GovConProfileInput.parse({}));
  const weights = resolveFitWeights(profile.fitWeights);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">GovCon settings</h1>
        <p className="text-sm text-muted-foreground">
          What the business bids on, and how each SAM.gov notice&apos;s bid fit is scored from it. Saving scores the stored{" "}
          <Link href="/govcon" className="underline underline-offset-4">opportunities</Link> again; changes are recorded in the audit log.
        </p>
      </div>
      <SamGovConnection usage={usage} timeZone={ctx.tenant.timeZone} canManageIntegrations={can(ctx.role, "integrations:manage")} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Profile</h2>
          </CardTitle>
          <CardDescription>
            {stored ? "Notices are scored against this profile." : "No profile yet: synced notices are stored unscored until one is saved."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm profile={profile} saveProfile={saveGovConProfileAction} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Fit weights</h2>
          </CardTitle>
          <CardDescription>
            The points each rule gives a notice. The score is their sum, kept between 0 and 100; a set-aside the business does not hold or a past deadline scores 0 whatever the weights. Award notices are not scored.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FitWeightsForm weights={weights} saveWeights={saveFitWeightsAction} resetWeights={resetFitWeightsAction} />
        </CardContent>
      </Card>
    </div>
  );
}
