import { apiRoute } from "@/lib/http/api-route";
import { readProfileResponse, replaceProfile } from "@/lib/govcon/profile-api";
import { GovConProfileDocument } from "@/lib/govcon/profile-document";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/govcon/profile", scope: "govcon:read" }, ({ db }) => readProfileResponse(db));

export const PUT = apiRoute({ route: "/api/v1/govcon/profile", scope: "govcon:write", body: GovConProfileDocument }, ({ db, body, auditContext }) =>
  replaceProfile(db, body, auditContext),
);
