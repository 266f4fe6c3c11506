import type { Metadata } from "next";
import { PlanForm } from "@/components/settings/plan-form";
import { PlanUsage } from "@/components/settings/plan-usage";
import { ProfileForm } from "@/components/settings/profile-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { getTenantProfile } from "@/lib/tenants/profile";
import { timeZoneOptions } from "@/lib/tenants/time-zones";
import { getWorkspaceUsage } from "@/lib/plans/service";
import { changePlanAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requirePage("tenant:read");
  const [profile, usage] = await Promise.all([getTenantProfile(ctx.db), getWorkspaceUsage(ctx.db)]);
  const timeZones = timeZoneOptions();
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">The workspace profile every member sees.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Workspace profile</CardTitle>
          <CardDescription>Changes are recorded in the audit log.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm
            profile={{ name: profile.name, timeZone: profile.timeZone, country: profile.country }}
            timeZones={timeZones}
            canEdit={can(ctx.role, "tenant:update")}
            updateProfile={updateProfileAction}
          />
        </CardContent>
      </Card>
      <Card role="region" aria-labelledby="plan-usage-title">
        <CardHeader>
          <CardTitle id="plan-usage-title">Plan and usage</CardTitle>
          <CardDescription>What the workspace may use and what it used so far.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <PlanUsage usage={usage} />
          {ctx.role === "owner" ? (
            <PlanForm plan={usage.plan} changePlan={changePlanAction} />
          ) : (
            <p className="text-sm text-muted-foreground">Only an owner can change the plan.</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
