import { approverForKey } from "@/lib/approvals/approver";
import { RejectDraftInput } from "@/lib/approvals/schema";
import { rejectDraft } from "@/lib/approvals/service";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** A rejection is a person's decision too: it needs a key that acts as a member allowed to decide. */
export const POST = apiRoute({ route: "/api/v1/actions/[id]/reject", scope: "approvals:write", body: RejectDraftInput }, async ({ db, principal, params, body, requestId }) =>
  rejectDraft(db, params.id, body.reason, await approverForKey(db, principal.userId, requestId)),
);
