import { NextResponse } from "next/server";
import { tenantDbBySlug } from "@/lib/db/edge";
import { ExpectedError } from "@/lib/errors";
import { receiveEmailReply } from "@/lib/conversations/inbound-email";
import { ingestDealEmail } from "@/lib/intake/email-intake";
import { authenticateInboundEmail, InboundEmailPayload } from "@/lib/intake/webhook";
import { describeError } from "@/lib/http/errors";
import { instrumented } from "@/lib/http/route";
import { limitClientIp } from "@/lib/ratelimit/limits";

export const dynamic = "force-dynamic";

/**
 * Emails posted by a mail service, idempotent by messageId: a reply to one of our messages is
 * threaded on its lead; any other mail is taken in as a deal email.
 */
export const POST = instrumented("/api/webhooks/inbound-email/[tenantSlug]", async (request, { params, requestId }) => {
  await limitClientIp("webhook", request.headers);
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const db = await authenticateInboundEmail(await tenantDbBySlug(tenantSlug), rawBody, request.headers);
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new ExpectedError("bad_request", "The request body is not valid JSON");
  }
  const payload = InboundEmailPayload.safeParse(json);
  if (!payload.success) return NextResponse.json(describeError(payload.error, requestId).body, { status: 422 });
  const reply = await receiveEmailReply(db, payload.data, "webhook");
  if (reply) return NextResponse.json({ reply }, { status: reply.duplicate ? 200 : 201 });
  const result = await ingestDealEmail(db, payload.data, "webhook");
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
