import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "default" | "secondary" | "outline" | "destructive" | "success" | "warning"> = {
  DRAFT: "outline",
  SCHEDULED: "secondary",
  SENDING: "default",
  PAUSED: "warning",
  FINISHED: "success",
  CANCELLED: "outline",
  PENDING: "outline",
  SENT: "secondary",
  DELIVERED: "secondary",
  OPENED: "success",
  CLICKED: "success",
  BOUNCED: "destructive",
  SPAM: "destructive",
  UNSUBSCRIBED: "warning",
  ERROR: "destructive",
  BLOCKED: "warning",
};

/** A campaign's or a recipient's state, in words with its tone. */
export function CampaignStatusBadge({ status }: { status: string }) {
  return <Badge variant={TONES[status] ?? "outline"}>{status.toLowerCase()}</Badge>;
}
