import { Download, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { AuditQuery } from "@/lib/audit/query";

/** A plain GET form: filters live in the URL, so a filtered view can be shared or bookmarked. */
export function AuditFilters({ query, entities, exportHref }: { query: AuditQuery; entities: string[]; exportHref: string | null }) {
  return (
    <form method="get" className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <div className="grid gap-1.5 lg:col-span-2">
        <Label htmlFor="action">Action</Label>
        <Input id="action" name="action" placeholder="e.g. member.invited" defaultValue={query.action ?? ""} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="entity">Entity</Label>
        <NativeSelect id="entity" name="entity" defaultValue={query.entity ?? ""}>
          <option value="">All</option>
          {entities.map((entity) => (
            <option key={entity} value={entity}>{entity}</option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="actor">Actor email</Label>
        <Input id="actor" name="actor" defaultValue={query.actor ?? ""} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="from">From</Label>
        <Input id="from" name="from" type="date" defaultValue={query.from ?? ""} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="to">To</Label>
        <Input id="to" name="to" type="date" defaultValue={query.to ?? ""} />
      </div>
      <div className="flex flex-wrap gap-2 lg:col-span-6">
        <Button type="submit"><Search className="size-4" aria-hidden /> Apply filters</Button>
        <Button type="reset" variant="ghost" asChild><a href="?">Clear</a></Button>
        {exportHref && (
          <Button variant="outline" asChild className="ml-auto">
            <a href={exportHref} download><Download className="size-4" aria-hidden /> Export CSV</a>
          </Button>
        )}
      </div>
    </form>
  );
}
