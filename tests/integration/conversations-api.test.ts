import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/conversations/route";
import { GET as threadRoute } from "@/app/api/v1/conversations/[threadKey]/route";
import { POST as replyRoute } from "@/app/api/v1/conversations/[threadKey]/reply/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { useDatabase, type Database } from "@/lib/db/client";
import type { TenantDb } from "@/lib/db/tenant";
import { callRoute } from "../helpers/api";
import { twoWorkspacesWithKeys } from "../helpers/api-tenants";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let readKey: string;
let writeKey: string;
let otherKey: string;
let dealId: string;
const previousUrl = process.env.NEXTAUTH_URL;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = "https://app.example.test";
  database = await createTestDatabase();
  useDatabase(database);
  ({ db, readKey, writeKey, otherKey } = await twoWorkspacesWithKeys(database, "convapi", { read: "conversations:read", write: "conversations:write" }));
  const deal = await db.deal.create({
    data: { source: "API", addressKey: "CONV-API-1", raw: {}, street: "9 Pine St", city: "Houston", region: "TX", market: "Houston", postalCode: "77002", contactPhone: "+17135550142", timeZone: "America/Chicago", score: 80 },
  });
  dealId = deal.id;
  await db.message.create({ data: { dealId, channel: "SMS", direction: "INBOUND", status: "RECEIVED", toAddress: "+15005550006", fromAddress: "+17135550142", body: "Is this still open?", provider: "twilio", providerMessageId: "SMapi1" } });
  // The lead asked to stop texts: a reply by SMS must be refused by the consent gate.
  await db.contactConsent.create({ data: { channel: "SMS", address: "+17135550142", status: "OPTED_OUT", source: "keyword:STOP" } as never });
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = previousUrl;
  await database.close();
});

const thread = () => `deal:${dealId}`;

describe("conversations API", () => {
  it("lists threads with conversations:read, filtered by channel", async () => {
    const response = await callRoute(listRoute, "/api/v1/conversations?channel=sms", { key: readKey });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { threadKey: string; unreadCount: number; title: string }[]; total: number };
    expect(body.total).toBe(1);
    expect(body.rows[0]).toMatchObject({ threadKey: thread(), unreadCount: 1, title: "9 Pine St, Houston, TX" });
    expect(((await (await callRoute(listRoute, "/api/v1/conversations?channel=EMAIL", { key: readKey })).json()) as { total: number }).total).toBe(0);
  });

  it("reads a thread without marking it read, and 404s for another workspace", async () => {
    const response = await callRoute(threadRoute, `/api/v1/conversations/${thread()}?limit=5`, { key: readKey, params: { threadKey: thread() } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { channel: string; direction: string; body: string }[]; unreadCount: number };
    expect(body.items).toEqual([expect.objectContaining({ channel: "SMS", direction: "INBOUND", body: "Is this still open?" })]);
    expect(body.unreadCount).toBe(1);
    expect((await callRoute(threadRoute, `/api/v1/conversations/${thread()}`, { key: otherKey, params: { threadKey: thread() } })).status).toBe(404);
    const bad = await callRoute(threadRoute, "/api/v1/conversations/lead:x", { key: readKey, params: { threadKey: "lead:x" } });
    expect(bad.status).toBe(422);
  });

  it("replies with conversations:write: the gate's refusal comes back with nothing queued, bad input names its field", async () => {
    const post = (body: unknown, key = writeKey) => callRoute(replyRoute, `/api/v1/conversations/${thread()}/reply`, { key, method: "POST", body, params: { threadKey: thread() } });
    expect((await post({ channel: "SMS", body: "Hi" }, readKey)).status).toBe(403);
    const missing = await post({ channel: "EMAIL", body: "Hi" });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { issues: { path: string }[] }).issues[0].path).toBe("subject");

    const refused = await post({ channel: "SMS", body: "Still want to sell?" });
    expect(refused.status).toBe(201);
    expect(await refused.json()).toMatchObject({ status: "BLOCKED", gate: "consent", reason: "opted_out" });
    const outbound = await db.message.findMany({ where: { dealId, direction: "OUTBOUND" } });
    expect(outbound.map((m) => m.status)).toEqual(["BLOCKED"]);
  });

  it("is in the OpenAPI document with its scopes", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/conversations", "/api/v1/conversations/{threadKey}", "/api/v1/conversations/{threadKey}/reply"]));
    expect(JSON.stringify(doc.paths["/api/v1/conversations/{threadKey}/reply"].post)).toContain("conversations:write");
  });
});
