import { OpportunityQuery } from "@/lib/govcon/filters";
import { listOpportunities } from "@/lib/govcon/opportunities";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** The opportunities table as the page shows it: the same filters, sorts and paging. */
export const GET = apiRoute({ route: "/api/v1/govcon/opportunities", scope: "govcon:read", query: OpportunityQuery }, ({ db, query }) =>
  listOpportunities(db, query, new Date()),
);
