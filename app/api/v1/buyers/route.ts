import { apiRoute, withStatus } from "@/lib/http/api-route";
import { listBuyers } from "@/lib/buyers/query";
import { BuyerQuery } from "@/lib/buyers/query-params";
import { BuyerInput } from "@/lib/buyers/schema";
import { createBuyer } from "@/lib/buyers/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/buyers", scope: "buyers:read", query: BuyerQuery }, ({ db, query }) => listBuyers(db, query));

export const POST = apiRoute({ route: "/api/v1/buyers", scope: "buyers:write", body: BuyerInput }, async ({ db, body, auditContext }) =>
  withStatus(201, await createBuyer(db, body, auditContext, { source: "api" })),
);
