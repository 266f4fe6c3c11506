import { Badge } from "@/components/ui/badge";
import type { OpportunityStatusName } from "@/lib/govcon/codes";

/** A fit of 70 or more is worth a look; under 40 rarely is. */
export function fitTone(score: number | null): "success" | "warning" | "secondary" | "outline" {
  if (score === null) return "outline";
  if (score >= 70) return "success";
  return score >= 40 ? "warning" : "secondary";
}

export function FitBadge({ score }: { score: number | null }) {
  return (
    <Badge variant={fitTone(score)} title={score === null ? "Award notices are not scored" : `Bid fit ${score} of 100`}>
      {score === null ? "Not scored" : `Fit ${score}`}
    </Badge>
  );
}

export const STATUS_LABELS: Record<OpportunityStatusName, string> = { NEW: "New", TRACKING: "Tracking", PURSUING: "Pursuing", NO_BID: "No bid" };
const STATUS_TONES = { NEW: "outline", TRACKING: "secondary", PURSUING: "success", NO_BID: "destructive" } as const;

export function OpportunityStatusBadge({ status }: { status: OpportunityStatusName }) {
  return <Badge variant={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
