import { approverForKey } from "@/lib/approvals/approver";
import { ApproveDraftInput } from "@/lib/approvals/schema";
import { approveDraft } from "@/lib/approvals/service";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { route: "/api/v1/actions/[id]/approve", scope: "approvals:write", body: ApproveDraftInput.optional() },
  async ({ db, principal, params, body, requestId }) => approveDraft(db, params.id, await approverForKey(db, principal.userId, requestId), body ?? {}),
);
