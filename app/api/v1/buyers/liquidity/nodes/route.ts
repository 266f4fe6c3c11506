import { listLiquidityNodes } from "@/lib/buyers/liquidity";
import { LiquidityNodesQuery } from "@/lib/buyers/liquidity-schema";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/buyers/liquidity/nodes", scope: "buyers:read", query: LiquidityNodesQuery }, async ({ db, query }) => ({
  nodes: await listLiquidityNodes(db, query),
}));
