import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/ui/cn";
import { humanize } from "./format";

type BadgeVariant = "default" | "secondary" | "outline" | "destructive" | "success" | "warning";

const STATUS_VARIANTS: Record<string, BadgeVariant> = {
  NEW: "outline",
  UNDERWRITTEN: "secondary",
  CONTACTED: "secondary",
  NEGOTIATING: "warning",
  UNDER_CONTRACT: "warning",
  CLOSED: "success",
  DEAD: "destructive",
};

export function StatusBadge({ status, className }: { status: string; className?: string }) {
  return <Badge variant={STATUS_VARIANTS[status] ?? "outline"} className={className}>{humanize(status)}</Badge>;
}

/** TRASH means underwriting found no way to make money: shown muted, not alarming. */
export function StrategyBadge({ strategy, className }: { strategy: string | null; className?: string }) {
  if (!strategy) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge variant="outline" className={cn(strategy === "TRASH" && "text-muted-foreground", className)}>
      {humanize(strategy)}
    </Badge>
  );
}
