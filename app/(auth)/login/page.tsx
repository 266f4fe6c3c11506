import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { authOptions } from "@/lib/auth/options";
import { signInNoticeText } from "@/lib/auth/sign-in-notices";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; notice?: string }> }) {
  if (await getServerSession(authOptions)) redirect("/dashboard");
  const { callbackUrl, notice } = await searchParams;
  const noticeText = signInNoticeText(notice);
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/dashboard";
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign in</CardTitle>
        <CardDescription>Use the email and password of your Dealflow account.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {noticeText && (
          <p role="status" className="rounded-md border bg-muted px-3 py-2 text-sm">
            {noticeText}
          </p>
        )}
        <LoginForm next={next} />
      </CardContent>
    </Card>
  );
}
