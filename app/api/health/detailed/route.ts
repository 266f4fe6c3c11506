import { NextResponse } from "next/server";
import { instrumented } from "@/lib/http/route";
import { getPrisma } from "@/lib/db/client";
import { outboxBacklog } from "@/lib/events/backlog";
import { operatorAccessFor } from "@/lib/observability/metrics-access";
import { detailedHealth } from "@/lib/system/health";

export const dynamic = "force-dynamic";

export const GET = instrumented("/api/health/detailed", async (request) => {
  const access = operatorAccessFor(request.headers);
  if (!access.allow) return NextResponse.json({ error: access.error }, { status: access.status, headers: { "www-authenticate": "Bearer" } });
  const health = await detailedHealth();
  // Events waiting for Inngest, across workspaces: a growing backlog means Inngest is not accepting them.
  const outbox = await getPrisma().then(outboxBacklog).catch((error: Error) => ({ error: error.message }));
  return NextResponse.json({ ...health, outbox }, { status: health.status === "down" ? 503 : 200 });
});
