/** The request header carrying the page nonce from proxy.ts to the root layout. */
export const NONCE_HEADER = "x-nonce";

/**
 * The page Content-Security-Policy. Scripts run only with this response's nonce ('strict-dynamic'
 * lets Next's own chunks, loaded by the nonced bootstrap, run too), so an injected script
 * does not. Styles allow inline attributes: Radix and Recharts position elements with them,
 * and a style cannot run code. Fonts are self-hosted (@fontsource), so every source is 'self'.
 */
export function contentSecurityPolicy(options: { nonce: string; https: boolean; development: boolean; mapStyleUrl?: string }): string {
  // A map style set by MAP_STYLE_URL (and its tiles, usually on the same host) is fetched by the map's worker.
  const mapOrigin = originOf(options.mapStyleUrl);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${mapOrigin ? ` ${mapOrigin}` : ""}`,
    // The Market map (MapLibre) draws in a worker it starts from a blob.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}


/** "https://tiles.example.com" of a URL; undefined when absent or not http(s). */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
