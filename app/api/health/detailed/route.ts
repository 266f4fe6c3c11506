import { NextResponse } from "next/server";
import { instrumented } from "@/lib/http/route";
import { detailedHealth } from "@/lib/system/health";

export const dynamic = "force-dynamic";

export const GET = instrumented("/api/health/detailed", async () => {
  const health = await detailedHealth();
  return NextResponse.json(health, { status: health.status === "down" ? 503 : 200 });
});
