import { isTrustedProxy, parseTrustedProxies } from "./client-ip";
import { PEER_ADDRESS_HEADER } from "./peer-address";

/** Two years, with subdomains: the value browsers' preload lists ask for. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * Whether the browser reached the app over HTTPS: the public URL says so, or a proxy we
 * trust (TRUSTED_PROXIES) terminated TLS and said so in X-Forwarded-Proto. A client's own
 * X-Forwarded-Proto is ignored like its X-Forwarded-For.
 */
export function isServedOverHttps(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NEXTAUTH_URL?.startsWith("https://")) return true;
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer || !isTrustedProxy(peer, parseTrustedProxies(env.TRUSTED_PROXIES))) return false;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** The Strict-Transport-Security value for this request, or null over plain HTTP (browsers ignore it there). */
export function strictTransportSecurity(headers: Headers, env: NodeJS.ProcessEnv = process.env): string | null {
  return isServedOverHttps(headers, env) ? HSTS_VALUE : null;
}
