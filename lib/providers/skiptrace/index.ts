/**
 * Which skip tracer a workspace uses: BatchData when its credentials are set (on
 * Integrations, or SKIPTRACE_API_KEY), else the workspace's own records.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials } from "../credentials";
import { batchDataSkipTracer } from "./batchdata";
import { localSkipTracer } from "./local";
import type { SkipTracer } from "./types";

export type { FoundContact, SkipTraceAddress, SkipTraceQuery, SkipTraceResult, SkipTracer } from "./types";
export { SkipTraceError } from "./types";
export { refusingSkipTracer } from "./refusing";
export { localSkipTracer } from "./local";
export { batchDataSkipTracer } from "./batchdata";

export async function skipTracerFor(db: TenantDb, env: Record<string, string | undefined> = process.env): Promise<SkipTracer> {
  const resolved = await resolveProviderCredentials(db, "SKIPTRACE", env);
  if (resolved.source === "local") return localSkipTracer(db);
  const { apiKey, baseUrl, costCents } = resolved.credentials;
  return batchDataSkipTracer({ apiKey, baseUrl, costCents });
}
