import { apiRoute } from "@/lib/http/api-route";
import { BuyerPatch } from "@/lib/buyers/schema";
import { deleteBuyer, getBuyer, updateBuyer } from "@/lib/buyers/service";

export const dynamic = "force-dynamic";

const route = "/api/v1/buyers/[buyerId]";

export const GET = apiRoute({ route, scope: "buyers:read" }, ({ db, params }) => getBuyer(db, params.buyerId));

export const PATCH = apiRoute({ route, scope: "buyers:write", body: BuyerPatch }, async ({ db, params, body, auditContext }) =>
  (await updateBuyer(db, params.buyerId, body, auditContext)).buyer,
);

export const DELETE = apiRoute({ route, scope: "buyers:write" }, ({ db, params, auditContext }) => deleteBuyer(db, params.buyerId, auditContext));
