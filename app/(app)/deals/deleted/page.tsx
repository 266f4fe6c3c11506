import { Trash2 } from "lucide-react";
import type { Metadata } from "next";
import { DeletedDealsList } from "@/components/deals/deleted-deals-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/session";
import { DEAL_STATUS_LABELS, isDealStatus } from "@/lib/deals/rules";
import { listRecentlyDeletedDeals, RESTORE_WINDOW_DAYS } from "@/lib/deals/trash";
import { listMembers } from "@/lib/tenants/members";
import { restoreDealAction } from "./actions";

export const metadata: Metadata = { title: "Recently deleted deals" };

export default async function DeletedDealsPage() {
  const ctx = await requirePage("deals:restore");
  const [deals, members] = await Promise.all([listRecentlyDeletedDeals(ctx.db), listMembers(ctx.db)]);
  const names = new Map(members.map((m) => [m.userId, m.name || m.email]));
  const rows = deals.map((d) => ({
    id: d.id,
    address: [[d.street, d.unit].filter(Boolean).join(" "), d.city, [d.region, d.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "Address unknown",
    status: isDealStatus(d.status) ? DEAL_STATUS_LABELS[d.status] : d.status,
    deletedAt: d.deletedAt!,
    deletedBy: d.deletedById ? (names.get(d.deletedById) ?? "A former member") : "Unknown",
  }));
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Recently deleted</h1>
        <p className="text-sm text-muted-foreground">{`Deals deleted in the last ${RESTORE_WINDOW_DAYS} days. Restoring one puts it back in Prospects; its ladder does not restart by itself.`}</p>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={Trash2} title="Nothing deleted lately" description={`Deals deleted from their page wait here for ${RESTORE_WINDOW_DAYS} days.`} />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>{`${rows.length} deleted deal${rows.length === 1 ? "" : "s"}`}</CardTitle>
            <CardDescription>Newest deletion first.</CardDescription>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <DeletedDealsList deals={rows} timeZone={ctx.tenant.timeZone} restoreDeal={restoreDealAction} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
