import { Badge } from "@/components/ui/badge";

const LOOK = {
  DRAFT: { label: "Not run yet", variant: "outline" },
  RAN: { label: "Ran", variant: "secondary" },
  PROMOTED: { label: "Promoted", variant: "success" },
  ARCHIVED: { label: "Archived", variant: "outline" },
} as const;

export function ExperimentStatusBadge({ status }: { status: keyof typeof LOOK }) {
  const look = LOOK[status];
  return <Badge variant={look.variant}>{look.label}</Badge>;
}
