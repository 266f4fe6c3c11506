import { instrumented } from "@/lib/http/route";
import { metrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

export const GET = instrumented("/api/metrics", async () => {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
});
