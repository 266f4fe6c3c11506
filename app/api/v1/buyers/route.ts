import { apiRoute, withStatus } from "@/lib/http/api-route";
import { listBuyers } from "@/lib/buyers/query";
import { BuyerQuery } from "@/lib/buyers/query-params";
import { NewBuyerBody } from "@/lib/buyers/consent";
import { createBuyer } from "@/lib/buyers/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/buyers", scope: "buyers:read", query: BuyerQuery }, ({ db, query }) => listBuyers(db, query));

export const POST = apiRoute({ route: "/api/v1/buyers", scope: "buyers:write", body: NewBuyerBody }, async ({ db, body: { consent, ...buyer }, auditContext }) =>
  withStatus(201, await createBuyer(db, buyer, auditContext, { source: "api", consent })),
);
