/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pino", "prom-client", "pg"],
  poweredByHeader: false,
  // Separate builds side by side (parallel browser-test runs on one checkout).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
