import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { proposeDraft } from "@/lib/approvals/service";
import type { DraftContext } from "@/lib/approvals/types";
import { keyringFromEnv } from "@/lib/credentials/keyring";
import { saveCredential } from "@/lib/credentials/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createOpenAiDrafter, drafterFor } from "@/lib/providers/drafting";
import { recordSignals } from "@/lib/signals/service";
import { DEFAULT_DRAFTING } from "@/lib/signals/settings-schema";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

/** A stand-in for an OpenAI-compatible server: records each request and answers what the test sets. */
let server: Server;
let baseUrl: string;
let requests: { path: string; authorization: string | undefined; body: Record<string, unknown> }[] = [];
let answer: (body: Record<string, unknown>) => { status: number; json: unknown };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

const completion = (content: string) => ({ id: "chatcmpl-1", object: "chat.completion", created: 1, model: "local-model", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }] });
const CREDENTIALS_KEY = Buffer.alloc(32, 7).toString("base64");
const GOOD = { subject: "Your house on Oak", body: "Hi Maria, thanks for your text.\n--\nSam, {{postal_address}}\nUnsubscribe: {{unsubscribe_link}}", confidence: 0.8, reasoning: "She replied today and the numbers work." };

const context: DraftContext = {
  subject: { kind: "lead", dealId: "deal-1" },
  person: { name: "Maria Lopez", firstName: "Maria", email: "maria@example.com", phone: null },
  deal: { id: "deal-1", address: "12 Oak St", city: "Dallas", region: "TX", postalCode: "75201", status: "CONTACTED", askingPrice: 185_000, arv: 260_000, mao: null, spread: null, strategy: null, tags: [] },
  buyer: null,
  intent: { score: 82, threshold: 70, signals: [{ type: "sms_reply", label: "SMS reply", occurredAt: "2026-03-10T16:00:00.000Z", points: 29.2 }] },
  sender: { name: "Sam Carter", firstName: "Sam", phone: null, company: "Acme" },
  templates: DEFAULT_DRAFTING,
  now: "2026-03-10T19:00:00.000Z",
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || "{}") as Record<string, unknown>;
    requests.push({ path: request.url ?? "", authorization: request.headers.authorization, body });
    const { status, json } = answer(body);
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  requests = [];
  answer = () => ({ status: 200, json: completion(JSON.stringify(GOOD)) });
});

describe("the OpenAI-compatible drafter", () => {
  it("asks the chat API with the workspace prompt and the person's context, and uses its answer", async () => {
    const drafter = createOpenAiDrafter({ baseUrl, apiKey: "sk-test-secret-key", model: "local-model" });
    const { proposal, prompt } = await drafter.draft(context);
    expect(drafter.name).toBe("openai:local-model");
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.authorization).toBe("Bearer sk-test-secret-key");
    expect(request.body).toMatchObject({ model: "local-model", response_format: { type: "json_object" } });
    const messages = request.body.messages as { role: string; content: string }[];
    expect(messages[0]).toEqual({ role: "system", content: DEFAULT_DRAFTING.prompt });
    const sent = JSON.parse(messages[1].content) as Record<string, unknown>;
    expect(sent).toMatchObject({ person: { name: "Maria Lopez" }, deal: { address: "12 Oak St" }, intent: { score: 82 } });
    expect(sent.footerLines).toEqual(["Acme, {{postal_address}}", "Unsubscribe: {{unsubscribe_link}}"]);
    expect(proposal).toMatchObject({ subject: GOOD.subject, body: GOOD.body, confidence: 0.8, reasoning: { summary: GOOD.reasoning } });
    expect(proposal.reasoning.facts).toContain("asking $185,000");
    expect(prompt).toMatchObject({ model: "local-model", baseUrl, messages });
    expect(JSON.stringify(prompt)).not.toContain("sk-test-secret-key");
  });

  it.each([
    ["not JSON", () => ({ status: 200, json: completion("Sure! Here is your email.") }), "not JSON"],
    ["missing fields", () => ({ status: 200, json: completion(JSON.stringify({ subject: "Hi" })) }), "expected fields"],
    ["a body without the footer", () => ({ status: 200, json: completion(JSON.stringify({ ...GOOD, body: "Hi Maria" })) }), "{{postal_address}}"],
    ["a server error", () => ({ status: 400, json: { error: { message: "model not found" } } }), "400"],
  ])("falls back to the template on %s, saying why", async (_label, reply, why) => {
    answer = reply;
    const { proposal, prompt } = await createOpenAiDrafter({ baseUrl, apiKey: "sk-test-secret-key", model: "local-model" }).draft(context);
    expect(proposal.subject).toBe("About 12 Oak St");
    expect(proposal.body).toContain("{{unsubscribe_link}}");
    expect(proposal.reasoning.summary).toContain("could not be used");
    expect(proposal.reasoning.summary).toContain(why);
    expect(prompt).toMatchObject({ fallback: "template" });
    expect(JSON.stringify(prompt)).not.toContain("sk-test-secret-key");
  });
});

describe("drafterFor", () => {
  let database: Database;
  let db: TenantDb;

  beforeAll(async () => {
    database = await createTestDatabase();
    useDatabase(database);
    const tenant = await provisionTenant(database.prisma, { slug: "drafting-llm", name: "Acme", timeZone: "America/Chicago", country: "US" }, [{ email: "o@llm.test", name: "Owner", password: "a-long-password-1", role: "owner" }]);
    db = scopeToTenant(database.prisma, tenant.id);
  });
  afterAll(() => database.close());

  it("uses the template without configuration, and a local server named by LLM_BASE_URL alone", async () => {
    expect((await drafterFor(db, {})).name).toBe("template");
    expect((await drafterFor(db, { LLM_BASE_URL: baseUrl, LLM_MODEL: "llama3.1" })).name).toBe("openai:llama3.1");
  });

  it("says so when the workspace's model is Anthropic, which is not OpenAI-compatible", async () => {
    const env = { CREDENTIALS_KEY: CREDENTIALS_KEY };
    await saveCredential(db, { provider: "LLM", kind: "anthropic", baseUrl: "", apiKey: "sk-ant-secret", model: "claude" }, keyringFromEnv(env), { actorId: null, actorEmail: "t", requestId: "r" });
    const drafter = await drafterFor(db, env);
    expect(drafter.name).toBe("template");
    const { proposal } = await drafter.draft(context);
    expect(proposal.reasoning.summary).toContain("Anthropic");
  });

  it("stores the prompt and context on a proposed draft, never the key", async () => {
    const deal = await db.deal.create({ data: { source: "MANUAL", addressKey: "L-1", raw: {}, street: "12 Oak St", city: "Dallas", region: "TX", contactName: "Maria Lopez", contactEmail: "maria@example.com" } as never });
    await db.contactConsent.create({ data: { channel: "EMAIL", address: "maria@example.com", status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
    const now = new Date();
    await recordSignals(db, [0, 1, 2].map((i) => ({ subject: { kind: "lead" as const, dealId: deal.id }, type: "sms_reply" as const, source: "sms" as const, occurredAt: new Date(now.getTime() - (i + 1) * 60_000), dedupeKey: `llm-${i}` })), { now });
    const drafter = createOpenAiDrafter({ baseUrl, apiKey: "sk-never-stored", model: "local-model" });
    const result = await proposeDraft(db, { kind: "lead", dealId: deal.id }, { now, drafter });
    if (result.status !== "PROPOSED") throw new Error(`expected a draft, got ${JSON.stringify(result)}`);
    const draft = await db.emailDraft.findUniqueOrThrow({ where: { id: result.draftId } });
    expect(draft).toMatchObject({ drafter: "openai:local-model", subject: GOOD.subject });
    expect(draft.prompt).toMatchObject({ model: "local-model", answer: JSON.stringify(GOOD) });
    expect(JSON.stringify(draft)).not.toContain("sk-never-stored");
  });
});
