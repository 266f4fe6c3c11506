import { getOpportunityDetail } from "@/lib/govcon/opportunities";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/govcon/opportunities/[noticeId]", scope: "govcon:read" }, ({ db, params }) =>
  getOpportunityDetail(db, params.noticeId),
);
