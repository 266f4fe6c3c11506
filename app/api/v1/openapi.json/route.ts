import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { instrumented } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = instrumented("/api/v1/openapi.json", async (request) =>
  NextResponse.json(buildOpenApiDocument(request.nextUrl.origin)),
);
