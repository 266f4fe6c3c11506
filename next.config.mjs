import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/http/server-action-body-limit.mjs";

// Headers every response carries, pages and API alike. The page CSP (with its per-request
// nonce) and HSTS (only over HTTPS) are set per request by proxy.ts and lib/http/route.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Geolocation for this origin only: the capture page places a property where the phone stands.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its package folder at run time, and pdfkit
  // its fonts (the investor memo's Helvetica) from its own.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pino", "prom-client", "pg", "pdfkit"],
  poweredByHeader: false,
  // Separate builds side by side (parallel browser-test runs on one checkout).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // The server-action body limit is shared with proxy.ts, which answers a larger body 413.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
