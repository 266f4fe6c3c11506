import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { isInngestDevMode } from "@/lib/runtime/executor";
import { inngestEndpointVerdict, withoutStacks } from "@/lib/runtime/endpoint-guard";

export const dynamic = "force-dynamic";

const handlers = serve({ client: inngest, functions });
type Handler = (request: NextRequest, context: unknown) => Promise<Response>;

/** Error bodies keep what failed and lose their stack traces. */
async function sanitized(response: Response): Promise<Response> {
  if (response.status < 400 || !response.headers.get("content-type")?.includes("json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = { error: "Request failed" };
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(withoutStacks(body)), { status: response.status, headers });
}

function guarded(handler: Handler): Handler {
  return async (request, context) => {
    const verdict = inngestEndpointVerdict({
      devMode: isInngestDevMode(process.env),
      method: request.method,
      peerAddress: request.headers.get(PEER_ADDRESS_HEADER),
      hasSigningKey: !!process.env.INNGEST_SIGNING_KEY?.trim(),
      signature: request.headers.get("x-inngest-signature"),
    });
    if (!verdict.allow) return Response.json({ error: verdict.error }, { status: verdict.status });
    return sanitized(await handler(request, context));
  };
}

export const GET = guarded(handlers.GET as Handler);
export const POST = guarded(handlers.POST as Handler);
export const PUT = guarded(handlers.PUT as Handler);
