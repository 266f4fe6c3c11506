import { NextResponse } from "next/server";
import { requireTenant } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
import { readStoredFile } from "@/lib/files";
import { storedFileResponse } from "@/lib/http/file-response";
import { instrumented } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const notFound = () => NextResponse.json({ error: "Not found" }, { status: 404, headers: { "cache-control": "no-store" } });

/**
 * A stored file (a deal photo), to signed-in members of its workspace only. Anyone else,
 * signed out or of another workspace, gets the same 404 as for an id that does not exist,
 * so the answer says nothing about other workspaces' files.
 */
export const GET = instrumented("/api/files/[id]", async (_request, context) => {
  let db;
  try {
    ({ db } = await requireTenant("deals:read"));
  } catch (error) {
    if (isExpectedError(error)) return notFound();
    throw error;
  }
  const { id } = await context.params;
  const stored = await readStoredFile(db, id ?? "");
  // Documents (investor memos) open only through their signed links (./download).
  if (!stored || stored.file.purpose !== "deal_photo") return notFound();
  const { file, bytes } = stored;
  return storedFileResponse(file, bytes, { cacheControl: "private, max-age=3600", etag: `"${file.sha256}"` });
});
