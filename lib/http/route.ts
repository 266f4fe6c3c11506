import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireTenant, type TenantContext } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { ExpectedError } from "@/lib/errors";
import { limitSignedInUser } from "@/lib/ratelimit/limits";
import { requestLogger } from "@/lib/observability/logger";
import { observeRequest } from "@/lib/observability/metrics";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/observability/request-id";
import { withRequestId } from "@/lib/observability/request-context";
import { describeError, errorHeaders } from "./errors";
import { refuseCrossSiteWrite } from "./origin";
import { strictTransportSecurity } from "./transport-security";
import { parseStorable } from "@/lib/validation/text";

type RouteParams = { params: Promise<Record<string, string>> };

/**
 * Wraps a route handler: request id, timing metric, one log line, and errors turned into
 * JSON ({ error, issues }) with the right status. `route` is the metric label.
 */
export function instrumented(
  route: string,
  handler: (request: NextRequest, context: RouteParams & { requestId: string }) => Promise<Response>,
) {
  return async (request: NextRequest, context: RouteParams) => {
    const started = performance.now();
    const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
    let response: Response;
    try {
      response = await withRequestId(requestId, () => handler(request, { ...context, requestId }));
    } catch (error) {
      const { status, body } = describeError(error, requestId);
      response = NextResponse.json(body, { status, headers: errorHeaders(error) });
    }
    response.headers.set(REQUEST_ID_HEADER, requestId);
    const hsts = strictTransportSecurity(request.headers);
    if (hsts) response.headers.set("strict-transport-security", hsts);
    const seconds = (performance.now() - started) / 1000;
    observeRequest(route, request.method, response.status, seconds);
    requestLogger(requestId).info(
      { route, method: request.method, status: response.status, ms: Math.round(seconds * 1000) },
      "request",
    );
    return response;
  };
}

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ExpectedError("bad_request", "The request body is not valid JSON");
  }
}

/**
 * A signed-in route: checks the permission before reading the body, then validates it
 * with the same zod schema the form and the server action use.
 */
export function sessionRoute<S extends z.ZodType, T>(
  options: { route: string; permission: Permission; body?: S },
  handler: (args: TenantContext & { body: z.infer<S>; params: Record<string, string> }) => Promise<T>,
) {
  return instrumented(options.route, async (request, context) => {
    // The session cookie rides along on other sites' requests: refuse those before anything.
    const crossSite = refuseCrossSiteWrite(request, options.body ? "application/json" : undefined);
    if (crossSite) return crossSite;
    const tenant = await requireTenant(options.permission);
    await limitSignedInUser(tenant.db, tenant.user.id);
    let body: z.infer<S> = undefined as z.infer<S>;
    if (options.body) {
      const raw = await readJson(request);
      const parsed = parseStorable(options.body, raw);
      if (!parsed.success) {
        const status = raw === null || typeof raw !== "object" ? 400 : 422;
        const { body: errorBody } = describeError(parsed.error, context.requestId);
        return NextResponse.json(errorBody, { status });
      }
      body = parsed.data;
    }
    const result = await handler({ ...tenant, body, params: await context.params });
    return NextResponse.json(result ?? { ok: true });
  });
}
