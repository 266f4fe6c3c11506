import { NextResponse } from "next/server";
import { auditContext, requireTenant } from "@/lib/auth/session";
import { CaptureInput, MAX_CAPTURE_PHOTOS } from "@/lib/capture/schema";
import { saveCapture, type CapturePhoto } from "@/lib/capture/service";
import { ExpectedError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "@/lib/files";
import { describeError } from "@/lib/http/errors";
import { refuseCrossSiteWrite } from "@/lib/http/origin";
import { instrumented } from "@/lib/http/route";
import { limitSignedInUser } from "@/lib/ratelimit/limits";
import { parseStorable } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

const FIELDS = ["clientKey", "latitude", "longitude", "accuracy", "street", "unit", "city", "region", "postalCode", "note"] as const;
// Every photo at its limit plus the text fields: anything larger is refused before it is read.
const MAX_BODY_BYTES = MAX_CAPTURE_PHOTOS * MAX_FILE_BYTES + 1024 * 1024;

/**
 * Saves a capture from the road (multipart/form-data: the fields, `tags` repeated, `photos`
 * repeated). 201 for a new deal, 200 when the address was a deal already or the capture was
 * sent before (same clientKey). Outside proxy.ts's matcher, so the body is not buffered there.
 */
export const POST = instrumented("/api/capture", async (request, context) => {
  const crossSite = refuseCrossSiteWrite(request, "multipart/form-data");
  if (crossSite) return crossSite;
  const ctx = await requireTenant("deals:write");
  await limitSignedInUser(ctx.db, ctx.user.id);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ExpectedError("too_large", `A capture can carry at most ${MAX_CAPTURE_PHOTOS} photos of ${MAX_FILE_BYTES / 1024 / 1024} MB`, "photos");

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ExpectedError("bad_request", "Send the capture as multipart/form-data");
  }
  const tenantId = form.get("tenantId");
  if (typeof tenantId === "string" && tenantId && tenantId !== ctx.tenant.id) {
    throw new ExpectedError("invalid", "This capture was taken in another workspace: switch to it to send it", "workspace");
  }
  const raw: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const value = form.get(name);
    if (typeof value === "string") raw[name] = value;
  }
  raw.tags = form.getAll("tags").filter((v): v is string => typeof v === "string");
  const parsed = parseStorable(CaptureInput, raw);
  if (!parsed.success) return NextResponse.json(describeError(parsed.error, context.requestId).body, { status: 422 });

  const files = [...form.getAll("photos"), ...form.getAll("photos[]")].filter((v): v is File => typeof v !== "string");
  const photos: CapturePhoto[] = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) throw new ExpectedError("too_large", `${file.name || "A photo"} is over ${MAX_FILE_BYTES / 1024 / 1024} MB`, "photos");
    photos.push({ fileName: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  const saved = await saveCapture(ctx.db, auditContext(ctx), parsed.data, photos);
  return NextResponse.json({ ...saved.result, replayed: saved.replayed }, { status: saved.status });
});
