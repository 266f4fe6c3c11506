import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { NOTICE_TYPE_NAMES, OPPORTUNITY_STATUSES, SET_ASIDES, SET_ASIDE_CODES, US_STATES } from "@/lib/govcon/codes";
import type { OpportunityQuery } from "@/lib/govcon/filters";
import { STATUS_LABELS } from "./opportunity-badges";

const DEADLINE_WINDOWS = [7, 14, 30, 60, 90] as const;

/** A select over a multi-value filter: a URL carrying several values keeps them as one choice. */
function MultiChoice({ id, label, values, options }: { id: string; label: string; values: readonly string[] | undefined; options: readonly (readonly [string, string])[] }) {
  const current = values?.join(",") ?? "";
  const known = current === "" || options.some(([value]) => value === current);
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={id} defaultValue={current}>
        <option value="">Any</option>
        {!known && <option value={current}>{values?.join(", ")}</option>}
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </NativeSelect>
    </div>
  );
}

/**
 * The filters as a plain GET form: applying them writes the URL, so a filtered list can be
 * bookmarked, shared and reloaded, and it works before any script has loaded.
 */
export function OpportunityFilters({ query }: { query: OpportunityQuery }) {
  return (
    <form method="get" action="/govcon" role="search" aria-label="Filter opportunities" className="grid gap-4 rounded-lg border p-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="grid gap-1.5">
          <Label htmlFor="q">Search</Label>
          <Input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Title, solicitation or notice id" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="naics">NAICS</Label>
          <Input id="naics" name="naics" defaultValue={query.naics?.join(", ") ?? ""} placeholder="2362, 561730" aria-describedby="naics-hint" inputMode="numeric" />
          <p id="naics-hint" className="text-xs text-muted-foreground">Codes or prefixes, separated by commas.</p>
        </div>
        <MultiChoice id="setAside" label="Set-aside" values={query.setAside} options={SET_ASIDE_CODES.map((code) => [code, `${code}: ${SET_ASIDES[code]}`] as const)} />
        <MultiChoice id="noticeType" label="Notice type" values={query.noticeType} options={NOTICE_TYPE_NAMES.map((name) => [name, name] as const)} />
        <div className="grid gap-1.5">
          <Label htmlFor="agency">Agency</Label>
          <Input id="agency" name="agency" defaultValue={query.agency ?? ""} placeholder="Army Corps of Engineers" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="state">Place of performance</Label>
          <NativeSelect id="state" name="state" defaultValue={query.state ?? ""}>
            <option value="">Any state</option>
            {US_STATES.map((state) => <option key={state} value={state}>{state}</option>)}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="deadlineWithinDays">Deadline within</Label>
          <NativeSelect id="deadlineWithinDays" name="deadlineWithinDays" defaultValue={query.deadlineWithinDays?.toString() ?? ""}>
            <option value="">Any time</option>
            {query.deadlineWithinDays && !DEADLINE_WINDOWS.includes(query.deadlineWithinDays as (typeof DEADLINE_WINDOWS)[number]) && (
              <option value={query.deadlineWithinDays}>{query.deadlineWithinDays} days</option>
            )}
            {DEADLINE_WINDOWS.map((days) => <option key={days} value={days}>{days} days</option>)}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="fitMin">Minimum fit</Label>
          <Input id="fitMin" name="fitMin" type="number" min={0} max={100} step={1} defaultValue={query.fitMin ?? ""} placeholder="0 to 100" />
        </div>
        <MultiChoice id="status" label="Status" values={query.status} options={OPPORTUNITY_STATUSES.map((status) => [status, STATUS_LABELS[status]] as const)} />
        <div className="flex items-center gap-2 self-end pb-2">
          <input id="excludeNoBid" name="excludeNoBid" type="checkbox" value="1" defaultChecked={query.excludeNoBid ?? false} className="size-4 accent-primary" />
          <Label htmlFor="excludeNoBid">Exclude no-bid</Label>
        </div>
      </div>
      {/* The order and page size stay as chosen; a new filter starts at page 1. */}
      {query.sort !== "fit" && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir !== "desc" && <input type="hidden" name="dir" value={query.dir} />}
      {query.pageSize !== 25 && <input type="hidden" name="pageSize" value={query.pageSize} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" asChild>
          <Link href="/govcon">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
