import { Badge } from "@/components/ui/badge";

export const STATUS_LABELS: Record<string, string> = { ACTIVE: "Active", INACTIVE: "Inactive", DO_NOT_USE: "Do not use" };

export function TierBadge({ tier, isNew }: { tier: string; isNew: boolean }) {
  return (
    <span className="inline-flex items-center gap-1">
      <Badge variant={tier === "A" ? "success" : tier === "B" ? "secondary" : "outline"}>Tier {tier}</Badge>
      {isNew && <Badge variant="outline" title="Too little history to judge yet">new</Badge>}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <Badge variant={status === "ACTIVE" ? "success" : status === "DO_NOT_USE" ? "destructive" : "secondary"}>{STATUS_LABELS[status] ?? status}</Badge>;
}
