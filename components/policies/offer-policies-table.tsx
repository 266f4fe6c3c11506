import type { FormAction } from "@/components/forms/action-types";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getRegion } from "@/lib/geo/regions";
import { OfferPolicyDialog } from "./offer-policy-dialog";

interface OfferPolicyRow {
  id: string;
  region: string;
  market: string;
  enabled: boolean;
  maxArvMultiplier: number;
  assignmentFee: number;
  feesBuffer: number;
  negotiationMargin: number;
  version: number;
  reason: string | null;
  updatedAt: Date;
}

const money = (n: number) => `$${n.toLocaleString("en-US")}`;

export function scopeLabel(region: string, market: string) {
  const name = region === "ALL" ? "All regions" : `${getRegion(region)?.name ?? region} (${region})`;
  return market === "ALL" ? name : `${name} · ${market}`;
}

interface OfferPoliciesTableProps {
  policies: OfferPolicyRow[];
  canEdit: boolean;
  saveOfferPolicy: FormAction<unknown>;
}

export function OfferPoliciesTable({ policies, canEdit, saveOfferPolicy }: OfferPoliciesTableProps) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Scope</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Multiplier</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Assignment fee</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Fees buffer</TableHead>
          <TableHead className="hidden text-right lg:table-cell">Negotiation margin</TableHead>
          <TableHead className="hidden md:table-cell">Version</TableHead>
          {canEdit && <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {policies.map((p) => {
          const label = scopeLabel(p.region, p.market);
          return (
            <TableRow key={p.id} data-testid={`offer-policy-${p.region}-${p.market}`}>
              <TableCell className="font-medium">{label}</TableCell>
              <TableCell>{p.enabled ? <Badge variant="success">Enabled</Badge> : <Badge variant="outline">Disabled</Badge>}</TableCell>
              <TableCell className="text-right tabular-nums">{p.maxArvMultiplier.toFixed(2)}</TableCell>
              <TableCell className="hidden text-right tabular-nums sm:table-cell">{money(p.assignmentFee)}</TableCell>
              <TableCell className="hidden text-right tabular-nums sm:table-cell">{money(p.feesBuffer)}</TableCell>
              <TableCell className="hidden text-right tabular-nums lg:table-cell">{money(p.negotiationMargin)}</TableCell>
              <TableCell className="hidden text-xs text-muted-foreground md:table-cell" title={p.reason ?? undefined}>v{p.version}{p.reason ? ` · ${p.reason}` : ""}</TableCell>
              {canEdit && <TableCell><OfferPolicyDialog policy={p} label={label} saveOfferPolicy={saveOfferPolicy} /></TableCell>}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
