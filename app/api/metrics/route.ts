import { NextResponse } from "next/server";
import { instrumented } from "@/lib/http/route";
import { metrics } from "@/lib/observability/metrics";
import { operatorAccessFor } from "@/lib/observability/metrics-access";
import { refreshHeartbeatAge } from "@/lib/system/heartbeat";

export const dynamic = "force-dynamic";

export const GET = instrumented("/api/metrics", async (request) => {
  const access = operatorAccessFor(request.headers);
  if (!access.allow) return NextResponse.json({ error: access.error }, { status: access.status, headers: { "www-authenticate": "Bearer" } });
  await refreshHeartbeatAge();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
});
