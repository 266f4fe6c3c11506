import { readFile } from "node:fs/promises";
import path from "node:path";
import { instrumented } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// MapLibre 6 finds its worker beside its own module at run time, a file the bundler never
// emits; the map loads it from here instead (`workerUrl`), from 'self' as the page policy wants.
const WORKER_FILE = path.join(process.cwd(), "node_modules", "maplibre-gl", "dist", "maplibre-gl-worker.mjs");
let worker: Promise<Buffer> | undefined;

/** MapLibre's web worker (open-source library code, no tenant data): cached a day by browsers. */
export const GET = instrumented("/api/map/worker", async () => {
  worker ??= readFile(WORKER_FILE);
  return new Response(new Uint8Array(await worker), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
});
