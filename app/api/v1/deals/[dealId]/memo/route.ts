import { apiRoute } from "@/lib/http/api-route";
import { generateMemoFor } from "@/lib/memo/documents";

export const dynamic = "force-dynamic";

/** Renders and stores a new version of the deal's investor memo (201), with a download link signed for this API key. */
export const POST = apiRoute({ route: "/api/v1/deals/[dealId]/memo", scope: "documents:write", status: 201 }, ({ db, params, principal, auditContext }) =>
  generateMemoFor(db, params.dealId, auditContext, `key:${principal.keyId}`),
);
