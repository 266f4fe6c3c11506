/**
 * "Test connection": one cheap, read-only call to the provider with the credentials the
 * workspace resolves to, reporting what the provider answered. Nothing is faked: without
 * network the answer is the network error.
 */
import type { CredentialProvider, CredentialsOf } from "@/lib/credentials/schema";
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials, type CredentialSource } from "./credentials";
import { signS3Request } from "./s3-signature";

export interface ConnectionReport {
  ok: boolean;
  /** The provider's HTTP status; null when no answer came back. */
  status: number | null;
  message: string;
}

const TIMEOUT_MS = 8000;

type Call = { url: string; init?: RequestInit; describe: (status: number, body: unknown) => { ok: boolean; message: string } };

function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** The provider's own error text, whatever shape its JSON takes. */
function providerMessage(body: unknown, fallback: string): string {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    const errors = Array.isArray(b.errors) ? (b.errors[0] as Record<string, unknown> | undefined) : undefined;
    const nested = b.error && typeof b.error === "object" ? (b.error as Record<string, unknown>).message : undefined;
    for (const candidate of [b.message, errors?.message, nested, b.error_description, b.error, b.errorMessage, b.detail]) {
      if (typeof candidate === "string" && candidate.trim()) return candidate.trim().slice(0, 300);
    }
  }
  return fallback;
}

const failure = (status: number, body: unknown) => ({ ok: false, message: providerMessage(body, `HTTP ${status}`) });

function usDate(date: Date): string {
  return `${String(date.getUTCMonth() + 1).padStart(2, "0")}/${String(date.getUTCDate()).padStart(2, "0")}/${date.getUTCFullYear()}`;
}

const callsByProvider: { [P in CredentialProvider]: (c: CredentialsOf<P>, now: Date) => Call } = {
  TWILIO: (c) => ({
    url: `https://api.twilio.com/2010-04-01/Accounts/${encodeURIComponent(c.accountSid)}.json`,
    init: { headers: { authorization: basicAuth(c.accountSid, c.authToken) } },
    describe: (status, body) => {
      if (status !== 200) return failure(status, body);
      const account = body as { friendly_name?: string; status?: string };
      return { ok: account.status === "active", message: `Account “${account.friendly_name ?? c.accountSid}” is ${account.status ?? "of unknown status"}` };
    },
  }),
  SENDGRID: (c) => ({
    url: "https://api.sendgrid.com/v3/scopes",
    init: { headers: { authorization: `Bearer ${c.apiKey}` } },
    describe: (status, body) => {
      if (status !== 200) return failure(status, body);
      const scopes = (body as { scopes?: string[] }).scopes ?? [];
      const canSend = scopes.includes("mail.send");
      return { ok: canSend, message: `The key has ${scopes.length} scopes; mail.send is ${canSend ? "granted" : "missing"}` };
    },
  }),
  GMAIL: (c) => ({
    url: "https://oauth2.googleapis.com/token",
    init: {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", client_id: c.clientId, client_secret: c.clientSecret, refresh_token: c.refreshToken }).toString(),
    },
    describe: (status, body) => {
      if (status !== 200) return failure(status, body);
      const scope = (body as { scope?: string }).scope ?? "";
      const canModify = scope.includes("gmail.modify");
      return { ok: canModify, message: `Token refreshed; gmail.modify is ${canModify ? "granted" : "missing"}` };
    },
  }),
  DISCORD: (c) => ({
    url: c.webhookUrl,
    describe: (status, body) => {
      if (status !== 200) return failure(status, body);
      const hook = body as { name?: string; channel_id?: string };
      return { ok: true, message: `Webhook “${hook.name ?? "unnamed"}” posts to channel ${hook.channel_id ?? "unknown"}` };
    },
  }),
  SAM_GOV: (c, now) => {
    const from = new Date(now.getTime() - 7 * 86_400_000);
    const query = new URLSearchParams({ api_key: c.apiKey, limit: "1", postedFrom: usDate(from), postedTo: usDate(now) });
    return {
      url: `https://api.sam.gov/opportunities/v2/search?${query}`,
      describe: (status, body) => {
        if (status !== 200) return failure(status, body);
        return { ok: true, message: `Search answered: ${(body as { totalRecords?: number }).totalRecords ?? 0} opportunities posted in the last 7 days` };
      },
    };
  },
  LLM: (c) => {
    const anthropic = c.kind === "anthropic";
    const base = (c.baseUrl ?? (anthropic ? "https://api.anthropic.com/v1" : "https://api.openai.com/v1")).replace(/\/+$/, "");
    const headers: Record<string, string> = anthropic ? { "x-api-key": c.apiKey, "anthropic-version": "2023-06-01" } : { authorization: `Bearer ${c.apiKey}` };
    return {
      url: `${base}/models`,
      init: { headers },
      describe: (status, body) => {
        if (status !== 200) return failure(status, body);
        const models = ((body as { data?: { id?: string }[] }).data ?? []).map((m) => m.id);
        const listed = models.includes(c.model);
        return { ok: listed, message: `${models.length} models available; “${c.model}” is ${listed ? "one of them" : "not listed"}` };
      },
    };
  },
  SKIPTRACE: (c) => ({
    // An empty lookup costs nothing: a good key gets a validation answer, a bad one 401/403.
    url: `${(c.baseUrl ?? "https://api.batchdata.com").replace(/\/+$/, "")}/api/v1/property/skip-trace`,
    init: { method: "POST", headers: { authorization: `Bearer ${c.apiKey}`, "content-type": "application/json" }, body: JSON.stringify({ requests: [] }) },
    describe: (status, body) => {
      if (status === 401 || status === 403) return failure(status, body);
      if (status >= 500) return failure(status, body);
      return { ok: true, message: `The key was accepted (HTTP ${status})` };
    },
  }),
  COMPS: (c) => ({
    // One property record: a good key reads it (or finds none), a bad one gets 401/403.
    url: `${(c.baseUrl ?? "https://api.rentcast.io/v1").replace(/\/+$/, "")}/properties?limit=1`,
    init: { headers: { "x-api-key": c.apiKey, accept: "application/json" } },
    describe: (status, body) => {
      if (status === 401 || status === 403 || status >= 500) return failure(status, body);
      return { ok: true, message: `The key was accepted (HTTP ${status})` };
    },
  }),
  LOB: (c) => ({
    // Listing one address reads nothing costly: a good key answers 200, a bad one 401.
    url: `${(c.baseUrl ?? "https://api.lob.com/v1").replace(/\/+$/, "")}/addresses?limit=1`,
    init: { headers: { authorization: `Basic ${Buffer.from(`${c.apiKey}:`).toString("base64")}` } },
    describe: (status, body) => {
      if (status === 401 || status === 403 || status >= 500) return failure(status, body);
      return { ok: true, message: `The key was accepted (HTTP ${status})${c.apiKey.startsWith("test_") ? "; it is a test key, so nothing is mailed" : ""}` };
    },
  }),
  STORAGE: (c) => {
    const url = new URL(`${c.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(c.bucket)}`);
    return {
      url: url.toString(),
      init: { method: "HEAD", headers: signS3Request({ method: "HEAD", url, region: c.region, accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey }) },
      describe: (status) => {
        if (status === 200) return { ok: true, message: `Bucket “${c.bucket}” is reachable with these keys` };
        const reasons: Record<number, string> = { 301: "the bucket is in another region", 403: "access denied to these keys", 404: "no such bucket" };
        return { ok: false, message: `HEAD bucket answered ${status}${reasons[status] ? `: ${reasons[status]}` : ""}` };
      },
    };
  },
};

/** Why a request got no answer, without the URL (it can carry a key). */
function networkError(error: unknown, host: string): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return `No answer from ${host} within ${TIMEOUT_MS / 1000} s`;
  const cause = err.cause?.code ?? err.cause?.message ?? err.message;
  return `Could not reach ${host}: ${cause}`;
}

export async function testProviderConnection<P extends CredentialProvider>(
  provider: P,
  credentials: CredentialsOf<P>,
  options: { fetchImpl?: typeof fetch; now?: Date; timeoutMs?: number } = {},
): Promise<ConnectionReport> {
  const call = (callsByProvider[provider] as (c: CredentialsOf<P>, now: Date) => Call)(credentials, options.now ?? new Date());
  const host = new URL(call.url).host;
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(call.url, { ...call.init, redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS) });
  } catch (error) {
    return { ok: false, status: null, message: networkError(error, host) };
  }
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, ...call.describe(response.status, body) };
}

/** Tests the credentials this workspace resolves to (its own, else the environment's). */
export async function testWorkspaceConnection(
  db: TenantDb,
  provider: CredentialProvider,
  options: { fetchImpl?: typeof fetch; env?: Record<string, string | undefined> } = {},
): Promise<ConnectionReport & { source: CredentialSource }> {
  const resolved = await resolveProviderCredentials(db, provider, options.env);
  if (!resolved.credentials) return { ok: false, status: null, source: "local", message: "No credentials to test: the local implementation is in use." };
  const report = await testProviderConnection(provider, resolved.credentials as CredentialsOf<typeof provider>, { fetchImpl: options.fetchImpl });
  return { ...report, source: resolved.source };
}
