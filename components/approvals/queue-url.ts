import type { ApprovalQueueParams } from "@/lib/approvals/schema";
import { searchParamsOf } from "@/lib/validation/url-query";

const DEFAULTS = { status: "PENDING", page: 1 } as const;

/** The Approvals page with these filters; defaults (pending, page 1) are left out of the link. */
export function approvalsHref(params: Partial<ApprovalQueueParams>): string {
  const search = searchParamsOf(params, DEFAULTS).toString();
  return search ? `/approvals?${search}` : "/approvals";
}
