import { formatPercent } from "@/components/prospects/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DecisionRow } from "@/lib/deliverability/overview";

const ACTION_WORD: Record<string, string> = { slow: "Slowed", pause: "Paused", restore: "Restored", keep: "Kept" };

/** Every slow, pause and restore, newest first, with who or what decided and why. */
export function DecisionLog({ decisions, when }: { decisions: DecisionRow[]; when: (d: Date) => string }) {
  return (
    <Table aria-label="Decision history">
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Sender</TableHead>
          <TableHead>Decision</TableHead>
          <TableHead>Rate</TableHead>
          <TableHead>Why</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {decisions.map((decision) => (
          <TableRow key={decision.id} data-testid="decision">
            <TableCell>{when(decision.createdAt)}</TableCell>
            <TableCell className="tabular-nums">{decision.address}</TableCell>
            <TableCell>{`${ACTION_WORD[decision.action] ?? decision.action}${decision.manual ? " by hand" : ""}`}</TableCell>
            <TableCell className="tabular-nums">{`${formatPercent(decision.fromRate)} → ${formatPercent(decision.toRate)}`}</TableCell>
            <TableCell className="min-w-64 whitespace-normal">{decision.reasons.join(" ")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
