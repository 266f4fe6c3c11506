import { apiRoute } from "@/lib/http/api-route";
import { dealDocumentsFor } from "@/lib/memo/documents";

export const dynamic = "force-dynamic";

/** The deal's documents, newest first, each with a download link signed for this API key (10 minutes). */
export const GET = apiRoute({ route: "/api/v1/deals/[dealId]/documents", scope: "documents:read" }, async ({ db, params, principal }) => ({
  documents: await dealDocumentsFor(db, params.dealId, `key:${principal.keyId}`),
}));
