import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";

/** The v1 operations of the lead score, in the OpenAPI document. */
export const SCORING_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/deals/{dealId}/score",
    summary: "A deal's computed lead score (0-100) with each feature's contribution in points (they sum to the score), the model (points table or a learned model with its outcomes and AUC), the confidence, and the score its source supplied",
    scope: "deals:read",
    params: z.object({ dealId: z.string() }),
  },
];
