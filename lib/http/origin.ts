/**
 * Cross-site request forgery guard for routes authenticated by the session cookie. A browser
 * attaches the cookie to a form or fetch another site makes, but it always says where such a
 * request comes from (Sec-Fetch-Site, Origin) and cannot send a JSON content type across
 * origins without a CORS preflight, which this app never grants. API-key requests carry no
 * cookie and need neither check.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { ok: true } | { ok: false; status: 403 | 415; error: string };

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origins the app answers on: its public URL, and the host the request was sent to. */
export function ownOrigins(headers: Headers, requestUrl: string, env: NodeJS.ProcessEnv = process.env): Set<string> {
  const origins = new Set<string>();
  const configured = originOf(env.NEXTAUTH_URL);
  if (configured) origins.add(configured);
  const requested = originOf(requestUrl);
  if (requested) origins.add(requested);
  const host = headers.get("host");
  // The browser writes Host itself; another site cannot choose it.
  if (host) for (const scheme of ["http", "https"]) origins.add(`${scheme}://${host}`);
  return origins;
}

/** Pure: may a cookie-authenticated request with these headers change anything? */
export function checkSameOrigin(method: string, headers: Headers, own: Set<string>): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const refused = { ok: false, status: 403, error: "Cross-site request refused: this action must come from the app's own pages" } as const;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return refused;
  const origin = headers.get("origin");
  // Non-browser clients send neither header; a browser always sends one on a cross-site write.
  if (origin !== null && !own.has(origin)) return refused;
  return { ok: true };
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/** Pure: the body is of the expected media type (application/json, multipart/form-data). */
export function checkContentType(headers: Headers, expected: "application/json" | "multipart/form-data"): OriginVerdict {
  if (mediaType(headers.get("content-type")) === expected) return { ok: true };
  return { ok: false, status: 415, error: `Send the body as ${expected} (Content-Type: ${expected})` };
}

/** Whether the request carries the session cookie (either name NextAuth uses). */
export function hasSessionCookie(headers: Headers): boolean {
  return /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/.test(headers.get("cookie") ?? "");
}

/**
 * The guard for a cookie-authenticated write: a 403 answer when another site sent it, a 415
 * when its body is not of the expected type, otherwise null.
 */
export function refuseCrossSiteWrite(request: Request, body?: "application/json" | "multipart/form-data"): Response | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const verdicts = [checkSameOrigin(request.method, request.headers, ownOrigins(request.headers, request.url))];
  if (body) verdicts.push(checkContentType(request.headers, body));
  const refused = verdicts.find((verdict) => !verdict.ok);
  return refused && !refused.ok ? Response.json({ error: refused.error }, { status: refused.status }) : null;
}
