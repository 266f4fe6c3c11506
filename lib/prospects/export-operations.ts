import type { ApiOperation } from "@/lib/api/openapi";
import { ProspectExportQuery } from "./export-params";

/** The v1 operations of the prospects export, in the OpenAPI document. */
export const EXPORT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/deals/export",
    summary: "Every deal the filter matches as CSV (text/csv, streamed, in the sort asked for; X-Export-Count holds the number of deals); cells starting with = + - @ are prefixed with an apostrophe against formula injection; audited",
    scope: "deals:read",
    query: ProspectExportQuery,
  },
];
