import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { hasBuyerFilters, type BuyerQuery } from "@/lib/buyers/query-params";
import { cn } from "@/lib/ui/cn";
import { BUYER_FORM_OPTIONS } from "./buyer-form-options";

/** A plain GET form: the filters land in the URL, so a filtered list can be shared and saved as a segment. */
export function BuyerFilters({ query, owners }: { query: BuyerQuery; owners: { userId: string; name: string }[] }) {
  const one = (values: readonly string[] | undefined) => values?.[0] ?? "";
  // The filters past the search stay folded until one is in use, so a phone shows buyers first.
  const moreInUse = hasBuyerFilters({ ...query, q: undefined });
  return (
    <form method="get" action="/buyers" role="search" aria-label="Filter buyers" className="grid gap-3 rounded-lg border p-3">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="flex flex-wrap items-end gap-2">
        <Filter label="Search" id="filter-q" className="min-w-48 flex-1">
          <Input id="filter-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Name, company, phone or email" />
        </Filter>
        <div className="flex gap-2">
          <Button type="submit">Apply filters</Button>
          <Button variant="ghost" asChild><Link href="/buyers">Clear</Link></Button>
        </div>
      </div>
      <details open={moreInUse}>
        <summary className="cursor-pointer rounded-sm text-sm font-medium text-muted-foreground hover:text-foreground">
          More filters <span className="font-normal">(market, ZIP, tag, status, tier, type, strategy, owner)</span>
        </summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Filter label="Market" id="filter-market">
            <Input id="filter-market" name="market" defaultValue={query.market ?? ""} placeholder="TX:Houston" />
          </Filter>
          <Filter label="ZIP or FSA" id="filter-postalCode">
            <Input id="filter-postalCode" name="postalCode" defaultValue={query.postalCode ?? ""} />
          </Filter>
          <Filter label="Tag" id="filter-tag">
            <Input id="filter-tag" name="tag" defaultValue={query.tag ?? ""} />
          </Filter>
          <Filter label="Status" id="filter-status">
            <NativeSelect id="filter-status" name="status" defaultValue={one(query.status)}>
              <option value="">Any status</option>
              {BUYER_FORM_OPTIONS.statuses.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
            </NativeSelect>
          </Filter>
          <Filter label="Tier" id="filter-tier">
            <NativeSelect id="filter-tier" name="tier" defaultValue={one(query.tier)}>
              <option value="">Any tier</option>
              {["A", "B", "C"].map((t) => <option key={t} value={t}>Tier {t}</option>)}
            </NativeSelect>
          </Filter>
          <Filter label="Property type" id="filter-propertyType">
            <NativeSelect id="filter-propertyType" name="propertyType" defaultValue={one(query.propertyType)}>
              <option value="">Any type</option>
              {BUYER_FORM_OPTIONS.propertyTypes.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </NativeSelect>
          </Filter>
          <Filter label="Strategy" id="filter-strategy">
            <NativeSelect id="filter-strategy" name="strategy" defaultValue={one(query.strategy)}>
              <option value="">Any strategy</option>
              {BUYER_FORM_OPTIONS.strategies.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </NativeSelect>
          </Filter>
          <Filter label="Owner" id="filter-owner">
            <NativeSelect id="filter-owner" name="owner" defaultValue={query.owner ?? ""}>
              <option value="">Anyone</option>
              <option value="none">Nobody</option>
              {owners.map((o) => <option key={o.userId} value={o.userId}>{o.name}</option>)}
            </NativeSelect>
          </Filter>
        </div>
      </details>
    </form>
  );
}

function Filter({ label, id, className, children }: { label: string; id: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={cn("grid gap-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}
