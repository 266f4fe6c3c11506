import { NextResponse } from "next/server";
import { tenantDbBySlug } from "@/lib/db/edge";
import { ExpectedError } from "@/lib/errors";
import { instrumented } from "@/lib/http/route";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { publicRequestUrl } from "@/lib/outbound/webhooks";
import { limitClientIp } from "@/lib/ratelimit/limits";
import { signalAdapterFor, SIGNAL_ADAPTERS } from "@/lib/signals/adapters";
import { authenticateSignalWebhook, ingestWebhookSignals } from "@/lib/signals/webhook";

export const dynamic = "force-dynamic";

/** CRM signals (generic, salesforce, hubspot), signed by the workspace secret; idempotent by dedupe key. */
export const POST = instrumented("/api/webhooks/signals/[tenantSlug]/[provider]", async (request, { params }) => {
  await limitClientIp("webhook", request.headers);
  const { tenantSlug, provider } = await params;
  const adapter = signalAdapterFor(provider);
  if (!adapter) throw new ExpectedError("not_found", `No signal provider "${provider}": use ${Object.keys(SIGNAL_ADAPTERS).join(", ")}`);
  const rawBody = await request.text();
  const url = publicRequestUrl(request.url, publicBaseUrl());
  const db = await authenticateSignalWebhook(await tenantDbBySlug(tenantSlug), adapter, { method: request.method, url, rawBody, headers: request.headers });
  const result = await ingestWebhookSignals(db, adapter, rawBody);
  return NextResponse.json(result, { status: result.stored > 0 ? 201 : 200 });
});
