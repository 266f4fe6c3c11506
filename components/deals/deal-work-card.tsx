import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { DEAL_STATUS_LABELS, type DealStatus } from "@/lib/deals/rules";
import { DealOwnerForm, type MemberOption } from "./deal-owner-form";
import { DealStatusForm } from "./deal-status-form";
import { DealTagsForm } from "./deal-tags-form";

export interface DealWorkActions {
  changeStatus: FormAction<{ changed: boolean }>;
  assignOwner: FormAction<{ changed: boolean }>;
  tagDeal: FormAction<{ changed: boolean }>;
  removeTag: DirectAction<{ dealIds: string[]; remove: string[] }, { changed: boolean }>;
}

interface DealWorkCardProps {
  deal: { id: string; status: DealStatus; ownerId: string | null; tags: string[]; statusReason: string | null };
  ownerName: string | null;
  members: MemberOption[];
  /** Absent for roles that only read deals: the card then just says where the deal stands. */
  actions?: DealWorkActions;
}

/** Where the deal stands and who works it: status, owner and tags. */
export function DealWorkCard({ deal, ownerName, members, actions }: DealWorkCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Pipeline</CardTitle>
        <CardDescription>
          {`${DEAL_STATUS_LABELS[deal.status]}${deal.statusReason ? ` (${deal.statusReason})` : ""} · owned by ${ownerName ?? "nobody"}`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {actions ? (
          <>
            <DealStatusForm dealId={deal.id} status={deal.status} changeStatus={actions.changeStatus} />
            <Separator />
            <DealOwnerForm dealId={deal.id} ownerId={deal.ownerId} members={members} assignOwner={actions.assignOwner} />
            <Separator />
            <DealTagsForm dealId={deal.id} tags={deal.tags} tagDeal={actions.tagDeal} removeTag={actions.removeTag} />
          </>
        ) : (
          <p className="text-sm text-muted-foreground">{deal.tags.length ? `Tags: ${deal.tags.join(", ")}` : "No tags."}</p>
        )}
      </CardContent>
    </Card>
  );
}
