import { Badge } from "@/components/ui/badge";

const VARIANT: Record<string, "default" | "secondary" | "outline" | "destructive" | "success" | "warning"> = {
  QUEUED: "outline",
  SENT: "secondary",
  DELIVERED: "success",
  RECEIVED: "default",
  FAILED: "destructive",
  UNDELIVERED: "destructive",
  BLOCKED: "warning",
};

export function MessageStatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANT[status] ?? "outline"} data-testid="message-status">{status.toLowerCase()}</Badge>;
}
