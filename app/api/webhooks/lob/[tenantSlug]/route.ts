import { NextResponse } from "next/server";
import { tenantDbBySlug } from "@/lib/db/edge";
import { instrumented } from "@/lib/http/route";
import { handleLobEvent, lobWebhookSecretFor } from "@/lib/mail/webhooks";
import { limitClientIp } from "@/lib/ratelimit/limits";

export const dynamic = "force-dynamic";

/** Lob's piece events, signed with HMAC-SHA256 (Lob-Signature); each applies once by its event id. */
export const POST = instrumented("/api/webhooks/lob/[tenantSlug]", async (request, { params }) => {
  await limitClientIp("webhook", request.headers);
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const db = await tenantDbBySlug(tenantSlug);
  const result = await handleLobEvent(db, { headers: request.headers, rawBody }, db ? await lobWebhookSecretFor(db) : null);
  return NextResponse.json(result);
});
