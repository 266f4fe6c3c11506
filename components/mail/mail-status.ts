/** How a piece's state reads and looks, shared by the deal page's list and the /mail page. */
export const MAIL_STATUS_LABELS: Readonly<Record<string, string>> = {
  CREATED: "Created", RENDERED: "Proof rendered", MAILED: "Mailed", IN_TRANSIT: "In transit", DELIVERED: "Delivered",
  RETURNED: "Returned to sender", CANCELLED: "Cancelled", FAILED: "Failed", BLOCKED: "Blocked",
};

export function mailStatusVariant(status: string): "success" | "destructive" | "warning" | "secondary" {
  if (status === "DELIVERED") return "success";
  if (status === "BLOCKED" || status === "FAILED" || status === "RETURNED") return "destructive";
  if (status === "CANCELLED") return "secondary";
  return "warning";
}

export { formatCents } from "@/lib/mail/pricing";
