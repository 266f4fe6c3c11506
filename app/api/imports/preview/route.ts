import { sessionRoute } from "@/lib/http/route";
import { ImportPreviewRequest, previewImportRequest } from "@/lib/imports/preview";

export const dynamic = "force-dynamic";

/** Checks the wizard's first rows with the import's own validation, duplicates within the file included. */
export const POST = sessionRoute({ route: "/api/imports/preview", permission: "deals:import", body: ImportPreviewRequest }, async ({ body }) => ({
  rows: previewImportRequest(body),
}));
