import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";

const dealParams = z.object({ dealId: z.string() });

/** The v1 operations of deal documents and the investor memo, in the OpenAPI document. */
export const DOCUMENT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/deals/{dealId}/documents",
    summary:
      "The deal's documents (its investor memos), newest first: { documents: [{ id, version, fileName, size, sha256, createdAt, downloadUrl, expiresAt }] }. Each downloadUrl is signed for this API key and valid 10 minutes (GET it with the same key; another key, or after expiresAt, is 403)",
    scope: "documents:read",
    params: dealParams,
  },
  {
    method: "post",
    path: "/api/v1/deals/{dealId}/memo",
    summary: "Render and store a new version of the deal's investor memo (PDF; audited, on the deal's timeline); answers the document with its signed downloadUrl. 404 for a deal of another workspace",
    scope: "documents:write",
    params: dealParams,
    creates: true,
  },
];
