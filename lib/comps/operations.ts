import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { AddCompsInput } from "./schema";

/** The v1 operations of sold comps, in the OpenAPI document. */
export const COMPS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/deals/{dealId}/comps",
    summary:
      "The deal's comparable sales and the ARV they support: up to 6 sales within 5 km, sold within 12 months (24 when fewer than 3), same property type, sqft within 20 %, beds within 1; ARV = median price per sqft x the deal's sqft, with low, high, confidence and why other sales were left out. 404 for a deal not in the workspace",
    scope: "comps:read",
    params: z.object({ dealId: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/comps",
    summary: "Add up to 1000 sold comparables; a sale already on record (same normalized address and sale date) is counted in duplicates, not stored twice. Answers { created, duplicates }",
    scope: "comps:write",
    body: AddCompsInput,
    idempotent: true,
    creates: true,
  },
];
