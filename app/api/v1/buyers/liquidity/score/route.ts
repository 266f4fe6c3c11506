import { getLiquidityScore } from "@/lib/buyers/liquidity";
import { LiquidityScoreQuery } from "@/lib/buyers/liquidity-schema";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/buyers/liquidity/score", scope: "buyers:read", query: LiquidityScoreQuery }, ({ db, query }) => getLiquidityScore(db, query));
