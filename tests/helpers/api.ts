import { NextRequest } from "next/server";

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ApiCallOptions {
  key?: string;
  method?: string;
  /** An object is sent as JSON; a string as is (to test malformed bodies). */
  body?: unknown;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Calls a route handler as Next.js would, with an API key as a Bearer token. */
export function callRoute(handler: RouteHandler, path: string, options: ApiCallOptions = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const request = new NextRequest(`http://localhost${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}
