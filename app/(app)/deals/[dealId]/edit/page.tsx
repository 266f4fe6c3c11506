import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DealEditForm } from "@/components/deals/deal-edit-form";
import type { DealFormValues } from "@/components/deals/deal-form-fields";
import { Card, CardContent } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { DEAL_EDIT_FIELDS } from "@/lib/deals/schema";
import { findDeal } from "@/lib/deals/service";
import { editDealAction } from "../work-actions";

export const metadata: Metadata = { title: "Edit deal" };

export default async function EditDealPage({ params }: { params: Promise<{ dealId: string }> }) {
  const ctx = await requirePage("deals:write");
  const { dealId } = await params;
  const select = { ...(Object.fromEntries(DEAL_EDIT_FIELDS.map((f) => [f, true])) as Record<(typeof DEAL_EDIT_FIELDS)[number], true>), sourceScore: true as const };
  const deal = await findDeal(ctx.db, dealId, select);
  if (!deal) notFound();
  // The form's score is the source's own; the computed lead score is not edited by hand.
  const shown = { ...deal, score: deal.sourceScore };
  const values: DealFormValues = Object.fromEntries(DEAL_EDIT_FIELDS.map((f) => [f, shown[f] == null ? "" : String(shown[f])]));
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{`Edit ${deal.street ?? "deal"}`}</h1>
        <p className="text-sm text-muted-foreground">Empty a field to clear it. A new asking price, ARV or repairs re-underwrites the deal.</p>
      </div>
      <Card>
        <CardContent>
          <DealEditForm dealId={dealId} values={values} editDeal={editDealAction} />
        </CardContent>
      </Card>
    </div>
  );
}
