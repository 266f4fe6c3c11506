import { requireTenant } from "@/lib/auth/session";
import { openSignedFile } from "@/lib/files";
import { presentedKey, requireApiKey } from "@/lib/http/api-route";
import { storedFileResponse } from "@/lib/http/file-response";
import { instrumented } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * A stored document through its signed link: the holder must be the one it was signed for
 * (the signed-in member, or the API key that asked for it) and the link still valid. Another
 * workspace's file is 404; an expired, altered or someone else's link is 403.
 */
export const GET = instrumented("/api/files/[id]/download", async (request, context) => {
  let db;
  let holder: string;
  if (presentedKey(request)) {
    const principal = await requireApiKey(request, "documents:read");
    db = principal.db;
    holder = `key:${principal.keyId}`;
  } else {
    const ctx = await requireTenant("deals:read");
    db = ctx.db;
    holder = `user:${ctx.user.id}`;
  }
  const { id } = await context.params;
  const token = new URL(request.url).searchParams.get("token");
  const { file, bytes } = await openSignedFile(db, id ?? "", token, holder);
  return storedFileResponse(file, bytes, { cacheControl: "private, no-store" });
});
