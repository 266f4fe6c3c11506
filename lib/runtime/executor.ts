/**
 * Which executor runs the background work (ladder steps, engine runs, crons, consumed
 * events): Inngest when it is configured, otherwise the embedded runner in this process.
 * Pure: the caller measures whether a Dev Server answers and hands the answer in.
 */
export type ExecutorKind = "inngest" | "embedded";

export interface ExecutorChoice {
  kind: ExecutorKind;
  /** In words, for the Engines and System pages and the startup log. */
  reason: string;
}

export interface ExecutorInputs {
  env: Record<string, string | undefined>;
  /** Whether an Inngest Dev Server answered at its URL; only asked when INNGEST_DEV=1. */
  devServerReachable: boolean;
  devServerUrl: string;
}

/** INNGEST_DEV=1 (or a Dev Server URL) and nothing that turns it off. */
export function isInngestDevMode(env: Record<string, string | undefined>): boolean {
  const value = env.INNGEST_DEV?.trim();
  return value === "1" || value === "true" || (!!value && /^https?:\/\//.test(value));
}

export function chooseExecutor({ env, devServerReachable, devServerUrl }: ExecutorInputs): ExecutorChoice {
  if (isInngestDevMode(env)) {
    return devServerReachable
      ? { kind: "inngest", reason: `INNGEST_DEV=1 and the Inngest Dev Server answers at ${devServerUrl}` }
      : { kind: "embedded", reason: `INNGEST_DEV=1 but no Inngest Dev Server answers at ${devServerUrl}, so this server runs the jobs itself` };
  }
  const hasSigningKey = !!env.INNGEST_SIGNING_KEY?.trim();
  const hasEventKey = !!env.INNGEST_EVENT_KEY?.trim();
  if (hasSigningKey && hasEventKey) {
    return { kind: "inngest", reason: env.INNGEST_BASE_URL ? `Inngest keys are set, with the server at ${env.INNGEST_BASE_URL}` : "Inngest Cloud keys are set (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY)" };
  }
  if (hasSigningKey || hasEventKey) {
    const missing = hasSigningKey ? "INNGEST_EVENT_KEY" : "INNGEST_SIGNING_KEY";
    return { kind: "embedded", reason: `${missing} is not set, so Inngest cannot be used; this server runs the jobs itself` };
  }
  return { kind: "embedded", reason: "No Inngest server is configured (no keys, INNGEST_DEV unset), so this server runs the jobs itself" };
}

/** Where the Inngest API answers: a self-hosted server or Dev Server URL, else Cloud with keys, else the local Dev Server. */
export function inngestBaseUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.INNGEST_BASE_URL) return env.INNGEST_BASE_URL.replace(/\/$/, "");
  if (env.INNGEST_DEV && env.INNGEST_DEV.startsWith("http")) return env.INNGEST_DEV.replace(/\/$/, "");
  return env.INNGEST_SIGNING_KEY ? "https://api.inngest.com" : "http://127.0.0.1:8288";
}
