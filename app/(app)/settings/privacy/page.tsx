import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { PrivacyRequestForm } from "@/components/privacy/privacy-request-form";
import { PrivacyRequestsTable, type PrivacyRequestRow } from "@/components/privacy/privacy-requests-table";
import { RunPrivacyButton } from "@/components/privacy/run-privacy-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/session";
import { listPrivacyRequests } from "@/lib/privacy/service";
import { filePrivacyRequestAction, runPrivacyRequestsNowAction } from "./actions";

export const metadata: Metadata = { title: "Privacy requests" };

export default async function PrivacyRequestsPage() {
  const ctx = await requirePage("privacy:manage");
  const requests = await listPrivacyRequests(ctx.db);
  const rows: PrivacyRequestRow[] = requests.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    person: r.given ? [r.given.name, r.given.phone, r.given.email, r.given.address].filter(Boolean).join(" · ") : null,
    requestedAt: r.requestedAt,
    deadline: r.deadline,
    completedAt: r.completedAt,
    proof: (r.proof as Record<string, number> | null) ?? null,
    lastError: r.lastError,
  }));

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Privacy requests</h1>
          <p className="text-sm text-muted-foreground">
            A person may ask what is held about them (access) or to be erased. Each request is carried out within 24 hours; an erased person is never taken in or messaged again.
          </p>
        </div>
        <RunPrivacyButton runNow={runPrivacyRequestsNowAction} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>File a request</CardTitle>
          <CardDescription>Name the person by phone, email, or name and street address, as they gave it.</CardDescription>
        </CardHeader>
        <CardContent>
          <PrivacyRequestForm fileRequest={filePrivacyRequestAction} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Requests</CardTitle>
          <CardDescription>Deadlines, status and, once done, the rows touched per table.</CardDescription>
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <EmptyState icon={ShieldCheck} title="No privacy requests yet" description="When someone asks to see or erase their data, file it above." />
          ) : (
            <PrivacyRequestsTable rows={rows} timeZone={ctx.tenant.timeZone} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
