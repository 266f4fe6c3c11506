import { listApprovalQueue } from "@/lib/approvals/queries";
import { ApprovalQueueParams } from "@/lib/approvals/schema";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const PendingQuery = ApprovalQueueParams.omit({ status: true });

export const GET = apiRoute({ route: "/api/v1/actions/pending", scope: "approvals:read", query: PendingQuery }, async ({ db, query, principal }) => {
  const page = await listApprovalQueue(db, { ...query, status: "PENDING", me: principal.userId });
  return { data: page.rows, total: page.total, page: page.page, pageSize: page.pageSize };
});
