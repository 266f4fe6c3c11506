import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { MemberPhoneForm } from "@/components/calls/member-phone-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { getMemberPhone } from "@/lib/calls/member-phone";
import { changePasswordAction, saveMemberPhoneAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const ctx = await requirePage("dashboard:read");
  const phone = await getMemberPhone(ctx.db, ctx.user.id);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="text-sm text-muted-foreground">Your sign-in details, the same in every workspace you belong to.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid max-w-xl gap-3 text-sm">
            {[
              ["Name", ctx.user.name],
              ["Email", ctx.user.email],
              [`Role in ${ctx.tenant.name}`, ROLE_LABELS[ctx.role]],
            ].map(([term, value]) => (
              <div key={term} className="grid gap-0.5 sm:grid-cols-[12rem_1fr] sm:gap-4">
                <dt className="text-muted-foreground">{term}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your phone for calls</CardTitle>
          <CardDescription>
            When the workspace calls through Twilio, the dialer rings this phone first and connects you to the lead once you answer. Without Twilio you dial from it yourself.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <MemberPhoneForm phone={phone} savePhone={saveMemberPhoneAction} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Change password</CardTitle>
          <CardDescription>
            Changing it signs you out everywhere, this browser included: sign in again with the new password.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm changePassword={changePasswordAction} />
        </CardContent>
      </Card>
    </div>
  );
}
