import { NextResponse } from "next/server";
import { requireTenant } from "@/lib/auth/session";
import { instrumented } from "@/lib/http/route";
import { limitSignedInUser } from "@/lib/ratelimit/limits";
import { ViewportQuery } from "@/lib/map/schema";
import { rawQueryOf } from "@/lib/validation/url-query";
import { viewportClusters } from "@/lib/map/viewport";

export const dynamic = "force-dynamic";

/** The Market map's clusters and deals for the box on screen, with the Prospects filters (422 on a bad box, zoom or filter). */
export const GET = instrumented("/api/map/viewport", async (request) => {
  const ctx = await requireTenant("deals:read");
  await limitSignedInUser(ctx.db, ctx.user.id);
  const { bbox, zoom, ...filters } = ViewportQuery.parse(rawQueryOf(request.nextUrl.searchParams));
  const result = await viewportClusters(ctx.db, { ...filters, bbox: undefined }, { bbox, zoom, timeZone: ctx.tenant.timeZone });
  return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
});
