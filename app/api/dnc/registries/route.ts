import { NextResponse } from "next/server";
import { auditContext, requireTenant } from "@/lib/auth/session";
import { listRegistries, receiveRegistryUpload } from "@/lib/dnc";
import { ExpectedError } from "@/lib/errors";
import { refuseCrossSiteWrite } from "@/lib/http/origin";
import { instrumented, sessionRoute } from "@/lib/http/route";
import { iterateStream } from "@/lib/imports/multipart";

export const dynamic = "force-dynamic";

/**
 * Upload a copy of a do-not-call registry: multipart with `kind`, `name`, `downloadedAt`
 * and `fileSize`, then `file`. The numbers are parsed as the body streams in and the new
 * copy replaces the old one at once when the file is stored; the answer counts them.
 * Permission is checked before a byte of the body is read.
 */
export const POST = instrumented("/api/dnc/registries", async (request) => {
  const crossSite = refuseCrossSiteWrite(request, "multipart/form-data");
  if (crossSite) return crossSite;
  const ctx = await requireTenant("compliance:manage");
  if (!request.body) throw new ExpectedError("bad_request", "Choose a registry file to upload", "file");
  const result = await receiveRegistryUpload(ctx.db, iterateStream(request.body), request.headers.get("content-type"), auditContext(ctx));
  return NextResponse.json(result, { status: 201 });
});

/** The registries with their counts, ages and any upload in progress (the page polls it). */
export const GET = sessionRoute({ route: "/api/dnc/registries", permission: "compliance:manage" }, ({ db }) => listRegistries(db));
