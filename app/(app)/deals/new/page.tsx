import type { Metadata } from "next";
import { DealCreateForm } from "@/components/deals/deal-create-form";
import { Card, CardContent } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { listMembers } from "@/lib/tenants/members";
import { createDealAction } from "./actions";

export const metadata: Metadata = { title: "New deal" };

export default async function NewDealPage() {
  const ctx = await requirePage("deals:write");
  const members = await listMembers(ctx.db);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New deal</h1>
        <p className="text-sm text-muted-foreground">
          A lead taken by phone or letter. It is placed on the map, underwritten and followed up like an imported one.
        </p>
      </div>
      <Card>
        <CardContent>
          <DealCreateForm members={members.map((m) => ({ userId: m.userId, name: m.name || m.email, role: m.role }))} createDeal={createDealAction} />
        </CardContent>
      </Card>
    </div>
  );
}
