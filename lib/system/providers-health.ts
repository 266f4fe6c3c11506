/**
 * The installation-wide providers in the detailed health: which ones have credentials in the
 * environment, and whether their API host answers. A provider without credentials is not a
 * fault: its local implementation is in use. No credentials are sent by the probe.
 */
import { gmailConfigFromEnv } from "@/lib/providers/gmail";
import { sendgridConfigFromEnv } from "@/lib/providers/sendgrid";
import { twilioConfigFromEnv } from "@/lib/providers/twilio";
import type { HealthCheck } from "./health";

const PROVIDERS = [
  { name: "twilio", configured: (env: NodeJS.ProcessEnv) => Boolean(twilioConfigFromEnv(env)), host: "https://api.twilio.com", local: "SMS go to the local outbox" },
  { name: "sendgrid", configured: (env: NodeJS.ProcessEnv) => Boolean(sendgridConfigFromEnv(env)), host: "https://api.sendgrid.com", local: "emails go to the local outbox" },
  { name: "gmail", configured: (env: NodeJS.ProcessEnv) => Boolean(gmailConfigFromEnv(env)), host: "https://gmail.googleapis.com", local: "deal emails arrive by the inbound webhook only" },
] as const;

async function probe(host: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<{ reachable: boolean; detail: string }> {
  try {
    const response = await fetchImpl(host, { method: "HEAD", signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
    return { reachable: true, detail: `answered ${response.status}` };
  } catch (error) {
    return { reachable: false, detail: (error as Error).name === "TimeoutError" ? "timed out" : "no answer" };
  }
}

export async function checkProviders(env: NodeJS.ProcessEnv = process.env, fetchImpl: typeof fetch = fetch, timeoutMs = 1500): Promise<HealthCheck> {
  const started = performance.now();
  const providers = await Promise.all(
    PROVIDERS.map(async (p) => {
      if (!p.configured(env)) return { name: p.name, mode: "local", status: "ok" as const, detail: `No credentials: ${p.local}` };
      const answer = await probe(p.host, fetchImpl, timeoutMs);
      return { name: p.name, mode: "configured", status: answer.reachable ? ("ok" as const) : ("degraded" as const), detail: `${p.host} ${answer.detail}` };
    }),
  );
  const degraded = providers.filter((p) => p.status !== "ok");
  return {
    status: degraded.length ? "degraded" : "ok",
    latencyMs: Math.round(performance.now() - started),
    providers,
    detail: providers.map((p) => `${p.name}: ${p.mode === "local" ? "local" : p.status === "ok" ? "reachable" : "unreachable"}`).join(", "),
  };
}
