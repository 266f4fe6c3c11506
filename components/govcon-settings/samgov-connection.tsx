import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount, formatDateTime } from "@/components/prospects/format";
import type { SamGovUsage } from "@/lib/govcon/quota";

const SOURCE_TEXT: Record<SamGovUsage["source"], { badge: string; text: string }> = {
  workspace: { badge: "Workspace key", text: "Syncs call SAM.gov with this workspace's own API key." },
  environment: { badge: "Server key", text: "Syncs call SAM.gov with the key set on the server (SAM_GOV_API_KEY); a workspace key on Integrations takes its place." },
  fixture: {
    badge: "Shipped fixture feed",
    text: "No SAM.gov key is set, so syncs read the shipped fixture feed of sample notices through the same client, with the same quota accounting. Set a key on Integrations to monitor live notices.",
  },
};

/** Where SAM.gov notices come from, today's request budget, and SAM.gov's last refusal. */
export function SamGovConnection({ usage, timeZone, canManageIntegrations }: { usage: SamGovUsage; timeZone: string; canManageIntegrations: boolean }) {
  const source = SOURCE_TEXT[usage.source];
  const failed = usage.lastStatus !== null && usage.lastStatus >= 400;
  return (
    <Card role="region" aria-labelledby="samgov-connection-title">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          <h2 id="samgov-connection-title">SAM.gov connection</h2> <Badge variant={usage.source === "fixture" ? "secondary" : "success"}>{source.badge}</Badge>
        </CardTitle>
        <CardDescription>{source.text}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <div>
            <dt className="text-sm text-muted-foreground">Daily budget</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatCount(usage.budget)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">Used today</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatCount(usage.used)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">Left today</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatCount(usage.left)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">Day (UTC)</dt>
            <dd className="text-lg font-medium tabular-nums">{usage.day}</dd>
          </div>
        </dl>
        {usage.exhaustedUntil && (
          <p role="status" className="text-sm">
            SAM.gov throttled this key: no request until {formatDateTime(usage.exhaustedUntil, timeZone)} (00:00 UTC).
          </p>
        )}
        {failed && (
          <div role="alert" className="rounded-md border border-destructive/60 p-3 text-sm">
            <p className="font-medium">SAM.gov refused the last request (HTTP {usage.lastStatus})</p>
            {usage.lastMessage && <p className="mt-1 break-words">{usage.lastMessage}</p>}
          </div>
        )}
        <p className="text-sm text-muted-foreground">
          Every request counts against the budget: a sync of a normal day costs one or two, and each description fetched costs one. A plain non-federal key allows 10 a day; a key with an entity role 1,000.{" "}
          {canManageIntegrations ? (
            <Link href="/settings/integrations#SAM_GOV-title" className="underline underline-offset-4">Set the SAM.gov key and daily budget on Integrations</Link>
          ) : (
            "An owner sets the key and daily budget on Integrations."
          )}
        </p>
      </CardContent>
    </Card>
  );
}
