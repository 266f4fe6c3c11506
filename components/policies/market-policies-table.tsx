import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { WEEKDAY_NAMES, type PolicyRecord } from "@/lib/policy";
import { scopeLabel } from "./offer-policies-table";

/** "Mon-Fri 09:00-20:00 · Sat 10:00-18:00" from the policy's windows. */
export function describeWindows(record: PolicyRecord): string {
  if (record.rules.contactWindows.length === 0) return "No contact windows";
  return record.rules.contactWindows
    .map((w) => {
      const days = [...w.days].sort((a, b) => a - b);
      const contiguous = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
      const short = (d: number) => WEEKDAY_NAMES[d].slice(0, 3);
      const label = days.length > 2 && contiguous ? `${short(days[0])}-${short(days[days.length - 1])}` : days.map(short).join(", ");
      return `${label} ${w.start}-${w.end}`;
    })
    .join(" · ");
}

export function MarketPoliciesTable({ policies, actions }: { policies: PolicyRecord[]; actions?: (policy: PolicyRecord) => React.ReactNode }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Scope</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Contact windows (lead&apos;s local time)</TableHead>
          <TableHead className="hidden md:table-cell">Channels</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Min score</TableHead>
          <TableHead className="hidden lg:table-cell">Version</TableHead>
          {actions && <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {policies.map((p) => (
          <TableRow key={p.id ?? `${p.region}-${p.market}`} id={`market-policy-${p.region}-${p.market}`} data-testid={`market-policy-${p.region}-${p.market}`} className="scroll-mt-4 target:bg-accent">
            <TableCell className="font-medium">
              {scopeLabel(p.region, p.market)}
              {p.rules.citation && <div className="max-w-xs truncate text-xs text-muted-foreground" title={p.rules.citation}>{p.rules.citation}</div>}
            </TableCell>
            <TableCell>{p.enabled ? <Badge variant="success">Enabled</Badge> : <Badge variant="destructive">Disabled: no contact</Badge>}</TableCell>
            <TableCell className="text-sm">{describeWindows(p)}</TableCell>
            <TableCell className="hidden md:table-cell">
              <div className="flex gap-1">{p.rules.channelsAllowed.map((c) => <Badge key={c} variant="outline">{c}</Badge>)}</div>
            </TableCell>
            <TableCell className="hidden text-right tabular-nums sm:table-cell">{p.rules.minLeadScore}</TableCell>
            <TableCell className="hidden text-xs text-muted-foreground lg:table-cell">v{p.version}{p.reason ? ` · ${p.reason}` : ""}</TableCell>
            {actions && <TableCell>{actions(p)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
