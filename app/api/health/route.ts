import { NextResponse } from "next/server";
import { instrumented } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = instrumented("/api/health", async () =>
  NextResponse.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()), time: new Date().toISOString() }),
);
