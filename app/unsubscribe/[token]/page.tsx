import type { Metadata } from "next";
import { headers } from "next/headers";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { tenantDbFor } from "@/lib/db/edge";
import { clientIpRefusal } from "@/lib/ratelimit/limits";
import { unsubscribeSecret, verifyUnsubscribeToken } from "@/lib/outbound/unsubscribe";
import { confirmUnsubscribe } from "./actions";

export const metadata: Metadata = { title: "Unsubscribe" };
export const dynamic = "force-dynamic";

/**
 * The page an email's unsubscribe link opens. Opening it changes nothing (mail scanners
 * follow links); the button opts the address out at once, with no sign-in.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const refusal = await clientIpRefusal("unsubscribe", await headers());
  if (refusal) {
    return (
      <main className="mx-auto grid min-h-svh max-w-md content-center p-6">
        <Card>
          <CardHeader>
            <CardTitle>Too many requests</CardTitle>
            <CardDescription>{refusal.message}</CardDescription>
          </CardHeader>
        </Card>
      </main>
    );
  }
  const claim = verifyUnsubscribeToken(decodeURIComponent(token), unsubscribeSecret());
  const db = claim ? await tenantDbFor(claim.tenantId) : null;
  const tenant = db ? await db.tenant.findUnique({ where: { id: db.tenantId }, select: { id: true, name: true } }) : null;
  const consent =
    claim && db && tenant
      ? await db.contactConsent.findUnique({
          where: { tenantId_channel_address: { tenantId: tenant.id, channel: "EMAIL", address: claim.address } },
          select: { status: true },
        })
      : null;
  const done = consent?.status === "OPTED_OUT";

  return (
    <main className="mx-auto grid min-h-svh max-w-md content-center p-6">
      <Card>
        {!claim || !tenant ? (
          <CardHeader>
            <CardTitle>This link is not valid</CardTitle>
            <CardDescription>It may have been cut short by your mail program. Reply to the email asking to be removed and the sender must honour it.</CardDescription>
          </CardHeader>
        ) : done ? (
          <CardHeader>
            <CardTitle>You are unsubscribed</CardTitle>
            <CardDescription>{`${claim.address} will receive no more email from ${tenant.name}.`}</CardDescription>
          </CardHeader>
        ) : (
          <>
            <CardHeader>
              <CardTitle>Unsubscribe</CardTitle>
              <CardDescription>{`Stop all email from ${tenant.name} to ${claim.address}.`}</CardDescription>
            </CardHeader>
            <CardContent>
              <form action={confirmUnsubscribe.bind(null, decodeURIComponent(token))}>
                <Button type="submit" className="w-full">Unsubscribe</Button>
              </form>
            </CardContent>
          </>
        )}
      </Card>
    </main>
  );
}
