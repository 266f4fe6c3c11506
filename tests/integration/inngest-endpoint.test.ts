import { createHmac } from "node:crypto";
import canonicalize from "canonicalize";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { createTestDatabase } from "../helpers/db";

const SIGNING_KEY = "signkey-test-8f14e45fceea167a5a36dedd4bea2543";
const DIGEST_CRON = "dealflow-audit-digest-cron";

let database: Database;
let tenantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  tenantId = (await database.prisma.tenant.create({ data: { slug: "endpoint", name: "Endpoint Co" } })).id;
});
afterAll(() => database.close());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The route as a fresh server process with this environment would load it. */
async function loadRoute(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const name of ["INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL"]) vi.stubEnv(name, env[name] ?? "");
  return import("@/app/api/inngest/route");
}

/** The body the Inngest executor sends to run a function's first step. */
function executionBody() {
  return {
    version: 2,
    event: { name: "inngest/scheduled.timer", data: { cron: "0 6 * * *" }, ts: Date.now() },
    events: [{ name: "inngest/scheduled.timer", data: { cron: "0 6 * * *" }, ts: Date.now() }],
    steps: {},
    ctx: { run_id: "01JRUN0000000000000000000", attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
  };
}

/** The SDK's request signature: HMAC-SHA256 of the canonical JSON body then the timestamp, keyed by the key without its prefix. */
function sign(body: unknown, key: string, at = Math.round(Date.now() / 1000)): string {
  const mac = createHmac("sha256", key.replace(/^signkey-[\w]+-/, "")).update(canonicalize(body)! + String(at)).digest("hex");
  return `t=${at}&s=${mac}`;
}

function call(body: unknown, headers: Record<string, string> = {}) {
  const url = `http://localhost:3000/api/inngest?fnId=${DIGEST_CRON}&stepId=step`;
  return new NextRequest(url, { method: "POST", body: canonicalize(body)!, headers: { "content-type": "application/json", ...headers } });
}

describe("POST /api/inngest with a signing key (production)", () => {
  const env = { INNGEST_SIGNING_KEY: SIGNING_KEY, INNGEST_EVENT_KEY: "test-event-key" };

  it("refuses an unsigned call with 401 and runs nothing", async () => {
    const { POST } = await loadRoute(env);
    const response = await POST(call(executionBody()), {});
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(tenantId);
    expect(text).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("refuses a call signed with another key with 401 and runs nothing", async () => {
    const { POST } = await loadRoute(env);
    const body = executionBody();
    const response = await POST(call(body, { "x-inngest-signature": sign(body, "signkey-test-0000000000000000000000000000dead") }), {});
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(tenantId);
    expect(text).not.toContain("stack");
  });

  it("runs the function for a correctly signed call", async () => {
    const { POST } = await loadRoute(env);
    const body = executionBody();
    const response = await POST(call(body, { "x-inngest-signature": sign(body, SIGNING_KEY) }), {});
    expect(response.status).toBe(206);
    // The cron's first step listed the workspaces: it ran.
    expect(await response.text()).toContain(tenantId);
  });

  it("refuses every call with 401 when the app has no signing key and is not in dev mode", async () => {
    const { POST } = await loadRoute({});
    const body = executionBody();
    const response = await POST(call(body, { "x-inngest-signature": sign(body, SIGNING_KEY) }), {});
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(tenantId);
  });
});

describe("POST /api/inngest in dev mode (INNGEST_DEV=1)", () => {
  it("answers a loopback caller without a signature", async () => {
    const { POST } = await loadRoute({ INNGEST_DEV: "1" });
    const response = await POST(call(executionBody(), { [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1" }), {});
    expect(response.status).toBe(206);
    expect(await response.text()).toContain(tenantId);
  });

  it("refuses any other caller, whatever X-Forwarded-For claims", async () => {
    const { POST } = await loadRoute({ INNGEST_DEV: "1" });
    const response = await POST(call(executionBody(), { [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "127.0.0.1" }), {});
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(tenantId);
  });

  it("refuses a request whose peer address the server did not stamp", async () => {
    const { POST } = await loadRoute({ INNGEST_DEV: "1" });
    const response = await POST(call(executionBody()), {});
    expect(response.status).toBe(403);
  });
});
