/** The request header carrying the page nonce from proxy.ts to the root layout. */
export const NONCE_HEADER = "x-nonce";

/**
 * The page Content-Security-Policy. Scripts run only with this response's nonce ('strict-dynamic'
 * lets Next's own chunks, loaded by the nonced bootstrap, run too), so an injected script
 * does not. Styles allow inline attributes: Radix and Recharts position elements with them,
 * and a style cannot run code. Fonts are self-hosted (@fontsource), so every source is 'self'.
 */
export function contentSecurityPolicy(options: { nonce: string; https: boolean; development: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

