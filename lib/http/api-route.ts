import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { authenticateApiKey, type ApiPrincipal, type ApiScope } from "@/lib/apikeys/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { limitApiKey } from "@/lib/ratelimit/limits";
import { parseStorable } from "@/lib/validation/text";
import { describeError } from "./errors";
import { withIdempotency } from "./idempotency";
import { instrumented } from "./route";
import { hasSessionCookie, refuseCrossSiteWrite } from "./origin";

export interface ApiContext<B, Q> {
  db: TenantDb;
  principal: ApiPrincipal;
  body: B;
  query: Q;
  params: Record<string, string>;
  requestId: string;
  /** The actor is the bound user of a user-bound key, else none (the key is named in actorEmail). */
  auditContext: { actorId: string | null; actorEmail: string; requestId: string };
}

const STATUS = Symbol("status");

/** A handler's answer with a status other than the route's default. */
export function withStatus<T>(status: number, body: T): { [STATUS]: number; body: T } {
  return { [STATUS]: status, body };
}

function isWithStatus(value: unknown): value is { [STATUS]: number; body: unknown } {
  return typeof value === "object" && value !== null && STATUS in value;
}

/** The API key a request presents (Bearer or X-API-Key), or null. */
export function presentedKey(request: Request): string | null {
  const auth = request.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return request.headers.get("x-api-key");
}

/** The request's API key with `scope`, within its rate limit; 401, 403 or 429 otherwise. */
export async function requireApiKey(request: Request, scope: ApiScope): Promise<ApiPrincipal> {
  const principal = await authenticateApiKey(presentedKey(request));
  if (!principal) throw new ExpectedError("unauthorized", "A valid API key is required (Authorization: Bearer <key>)");
  if (!principal.scopes.includes(scope)) throw new ExpectedError("forbidden", `This API key lacks the ${scope} scope`);
  await limitApiKey(principal.db, principal.keyId);
  return principal;
}

async function readJsonBody(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ExpectedError("bad_request", "The request body is not valid JSON");
  }
}

/**
 * A public API v1 route: API key (Bearer or X-API-Key) with its scope, the input parsed
 * with the same zod schema as the UI, an Idempotency-Key honoured on writes, and a
 * tenant-scoped db for the handler. Answers JSON; errors as { error, issues }.
 */
export function apiRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, T = unknown>(
  options: { route: string; scope: ApiScope; body?: B; query?: Q; status?: number },
  handler: (ctx: ApiContext<z.infer<B>, z.infer<Q>>) => Promise<T>,
) {
  return instrumented(options.route, async (request, context) => {
    // A request without a key that carries the session cookie is the browser's: guard it as such.
    if (!presentedKey(request) && hasSessionCookie(request.headers)) {
      const crossSite = refuseCrossSiteWrite(request, options.body ? "application/json" : undefined);
      if (crossSite) return crossSite;
    }
    const principal = await requireApiKey(request, options.scope);
    const { db } = principal;

    const rawBody = options.body ? await readJsonBody(request) : undefined;
    const parsedBody = options.body ? parseStorable(options.body, rawBody) : null;
    if (parsedBody && !parsedBody.success) {
      const { body } = describeError(parsedBody.error, context.requestId);
      return NextResponse.json(body, { status: rawBody === undefined || typeof rawBody !== "object" ? 400 : 422 });
    }
    const parsedQuery = options.query ? parseStorable(options.query, Object.fromEntries(request.nextUrl.searchParams)) : null;
    if (parsedQuery && !parsedQuery.success) {
      const { body } = describeError(parsedQuery.error, context.requestId);
      return NextResponse.json(body, { status: 400 });
    }

    const run = async () => {
      const data = await handler({
        db,
        principal,
        body: parsedBody?.data as z.infer<B>,
        query: parsedQuery?.data as z.infer<Q>,
        params: await context.params,
        requestId: context.requestId,
        auditContext: { actorId: principal.userId, actorEmail: `api-key:${principal.keyId}`, requestId: context.requestId },
      });
      return isWithStatus(data) ? { status: data[STATUS], body: data.body } : { status: options.status ?? 200, body: data as unknown };
    };
    const idempotencyKey = request.headers.get("idempotency-key");
    if (idempotencyKey && request.method !== "GET") {
      const result = await withIdempotency(db, options.route, idempotencyKey, rawBody, run);
      return NextResponse.json(result.body, { status: result.status, headers: result.replayed ? { "idempotent-replayed": "true" } : {} });
    }
    const result = await run();
    // A handler that streams (a CSV export) answers with its own Response.
    if (result.body instanceof Response) return result.body;
    return NextResponse.json(result.body, { status: result.status });
  });
}
