import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI runs its bundled WebAssembly schema engine over an in-memory PGlite, so
// `prisma migrate diff` and `prisma generate` work without downloading native engines.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite());
  },
});
