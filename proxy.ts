import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, NONCE_HEADER } from "@/lib/http/content-security-policy";
import { strictTransportSecurity } from "@/lib/http/transport-security";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/observability/request-id";
import { exceedsServerActionLimit, isServerActionRequest, serverActionTooLargeResponse } from "@/lib/http/server-action-size";

/**
 * Gives every page request an X-Request-ID (the client's when well-formed, otherwise a new
 * one), passes it to the handlers and echoes it on the response; and sets the page's
 * Content-Security-Policy with a fresh nonce (on the request too: Next reads the nonce from
 * it for its own scripts) and HSTS over HTTPS.
 */
export async function proxy(request: NextRequest) {
  // A server action over the body limit is a 413 here: past this point Next answers it 500.
  if (isServerActionRequest(request.method, request.nextUrl.pathname, request.headers) && (await exceedsServerActionLimit(request.headers, request.body))) {
    return serverActionTooLargeResponse();
  }
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    https: strictTransportSecurity(request.headers) !== null,
    development: process.env.NODE_ENV === "development",
    mapStyleUrl: process.env.MAP_STYLE_URL,
  });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurity(request.headers);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  // API routes are left out: a matched request's body is copied in memory up to Next's
  // 10 MB proxy limit and cut there, which broke CSV uploads and large JSON bodies. Their
  // handlers (lib/http/route.ts) stamp the request id and HSTS themselves and stream the
  // body. NextAuth's and Inngest's routes have small bodies and keep the request id here.
  matcher: ["/((?!api/(?!auth/|inngest)|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2)$).*)"],
};
