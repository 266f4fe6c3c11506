import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { ApprovalQueueParams } from "@/lib/approvals/schema";
import { approvalsHref } from "./queue-url";

/** A plain GET form: the filters land in the URL, so a filtered queue can be shared and reloaded. */
export function QueueFilters({ params, owners }: { params: ApprovalQueueParams; owners: { userId: string; name: string }[] }) {
  return (
    <form method="get" action="/approvals" role="search" aria-label="Filter drafts" className="flex flex-wrap items-end gap-3 rounded-lg border p-3">
      {params.status !== "PENDING" && <input type="hidden" name="status" value={params.status} />}
      <div className="grid min-w-40 flex-1 gap-1.5 sm:flex-none">
        <Label htmlFor="filter-owner">Owner</Label>
        <NativeSelect id="filter-owner" name="owner" defaultValue={params.owner ?? ""}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {owners.map((o) => <option key={o.userId} value={o.userId}>{o.name}</option>)}
        </NativeSelect>
      </div>
      <div className="grid min-w-40 flex-1 gap-1.5 sm:flex-none">
        <Label htmlFor="filter-kind">Type</Label>
        <NativeSelect id="filter-kind" name="kind" defaultValue={params.kind ?? ""}>
          <option value="">Any type</option>
          <option value="lead">Leads (sellers)</option>
          <option value="buyer">Buyers</option>
        </NativeSelect>
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" asChild><Link href={approvalsHref({ status: params.status })}>Clear</Link></Button>
      </div>
    </form>
  );
}
