import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ENGINES } from "@/lib/engines/registry";
import { readStoredFile } from "@/lib/files";
import { sendMailPiece } from "@/lib/mail/service";
import { advanceLocalMailPieces } from "@/lib/mail/timeline";
import { lobSignature } from "@/lib/providers/lob";
import { provisionTenant } from "@/lib/tenants/provision";
import { updateTenantSettings } from "@/lib/tenants/settings";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

const { POST: lobWebhook } = await import("@/app/api/webhooks/lob/[tenantSlug]/route");
const { GET: listRoute, POST: createRoute } = await import("@/app/api/v1/mail-pieces/route");

const ACTOR = { actorId: null, actorEmail: "tester@example.test", requestId: "mail-test" };
const LOB_ENV = ["LOB_API_KEY", "LOB_BASE_URL", "LOB_WEBHOOK_SECRET"] as const;
let database: Database;
let filesDir: string;
let db: TenantDb;
let dealId: string;
let writeKey: string;

async function newDeal(data: Record<string, unknown> = {}) {
  const n = Math.random().toString(36).slice(2, 8);
  const deal = await db.deal.create({
    data: {
      source: "MANUAL", addressKey: `100 peachtree st ${n}`, raw: {}, street: "100 Peachtree St NW", city: "Atlanta", region: "GA", postalCode: "30303", country: "US",
      contactName: "Maria Lopez", contactPhone: `+1404555${Math.floor(1000 + Math.random() * 8999)}`, ...data,
    },
  });
  return deal.id;
}

const countFiles = () => db.storedFile.count({ where: { purpose: "mail_proof" } });

beforeAll(async () => {
  for (const name of LOB_ENV) delete process.env[name];
  filesDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-mail-"));
  process.env.FILES_DIR = filesDir;
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "mail-a", name: "Peach State Homes", timeZone: "America/New_York", country: "US" }, [
    { email: "owner@mail.test", name: "Owner", password: "correct horse battery", role: "owner" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  await updateTenantSettings(db, { postalAddress: "55 Marietta St, Atlanta, GA 30303", mailMonthlyBudgetCents: 50_000 });
  dealId = await newDeal();
  writeKey = (await createApiKey(db, { name: "mail", scopes: ["mail:read", "mail:write"] }, ACTOR)).key;
}, 120_000);

afterAll(async () => {
  await database.close();
  await rm(filesDir, { recursive: true, force: true });
  delete process.env.FILES_DIR;
  for (const name of LOB_ENV) delete process.env[name];
});

describe("the local provider", () => {
  it("renders a postcard as a real PDF proof in document storage and prices it", async () => {
    const result = await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "Hi {{firstName}}, we would like to make an offer on {{street}}." }, ACTOR);
    expect(result).toMatchObject({ status: "CREATED", costCents: 69 });
    if (result.status !== "CREATED") return;
    const piece = await db.mailPiece.findUniqueOrThrow({ where: { id: result.pieceId } });
    expect(piece).toMatchObject({ status: "RENDERED", provider: "local", toName: "Maria Lopez", city: "Atlanta", region: "GA", costCents: 69 });
    expect(piece.body).toBe("Hi Maria, we would like to make an offer on 100 Peachtree St NW.");
    const stored = await readStoredFile(db, result.proofFileId!);
    expect(stored?.file.contentType).toBe("application/pdf");
    expect(Buffer.from(stored!.bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const { text } = await extractText(stored!.bytes, { mergePages: true });
    expect(text).toContain("we would like to make an offer");
    expect(text).toContain("30303");
  });

  it("moves a piece through mailed and in transit to delivered on business days, and no further", async () => {
    const sent = new Date("2026-03-06T15:00:00Z"); // a Friday
    const result = await sendMailPiece(db, { dealId, kind: "LETTER", body: "A letter about your house.", now: sent }, ACTOR);
    if (result.status !== "CREATED") throw new Error(JSON.stringify(result));
    await advanceLocalMailPieces(db, new Date("2026-03-08T12:00:00Z"));
    expect((await db.mailPiece.findUniqueOrThrow({ where: { id: result.pieceId } })).status).toBe("RENDERED");
    await advanceLocalMailPieces(db, new Date("2026-03-09T15:00:00Z")); // Monday: printed and mailed
    const mailed = await db.mailPiece.findUniqueOrThrow({ where: { id: result.pieceId } });
    expect(mailed).toMatchObject({ status: "MAILED", mailedAt: new Date("2026-03-09T15:00:00Z") });
    // Days later one pass catches up through every step due.
    const report = await advanceLocalMailPieces(db, new Date("2026-03-20T00:00:00Z"));
    expect(report.delivered).toBeGreaterThanOrEqual(1);
    const delivered = await db.mailPiece.findUniqueOrThrow({ where: { id: result.pieceId } });
    expect(delivered).toMatchObject({ status: "DELIVERED", deliveredAt: new Date("2026-03-13T15:00:00Z"), nextTransitionAt: null });
    expect(delivered.expectedDeliveryAt).toEqual(delivered.deliveredAt);
  });

  it("is advanced by the direct-mail engine on the registry", async () => {
    const result = await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "Engine test", now: new Date(Date.now() - 30 * 86_400_000) }, ACTOR);
    if (result.status !== "CREATED") throw new Error(JSON.stringify(result));
    const work = await ENGINES["direct-mail"].run(db, { trigger: "manual" });
    expect(work).toMatchObject({ outcome: "OK" });
    expect((await db.mailPiece.findUniqueOrThrow({ where: { id: result.pieceId } })).status).toBe("DELIVERED");
  });
});

describe("the gates", () => {
  it("refuses an unverifiable address with the reason, and sends nothing", async () => {
    const files = await countFiles();
    const result = await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "Hello", city: "Macon", postalCode: "30301" }, ACTOR);
    expect(result).toMatchObject({ status: "BLOCKED", gate: "address", reason: "unverifiable_address", detail: "ZIP 30301 is in Atlanta, GA, not Macon, GA" });
    const piece = await db.mailPiece.findUniqueOrThrow({ where: { id: result.pieceId } });
    expect(piece).toMatchObject({ status: "BLOCKED", gate: "address", blockedReason: "ZIP 30301 is in Atlanta, GA, not Macon, GA", proofFileId: null, costCents: 0 });
    expect(await countFiles()).toBe(files);
  });

  it("refuses a lead on the do-not-contact list", async () => {
    const id = await newDeal({ contactPhone: "+14045550199" });
    await db.doNotContact.create({ data: { value: "+14045550199", reason: "asked on the phone" } });
    const result = await sendMailPiece(db, { dealId: id, kind: "POSTCARD", body: "Hello" }, ACTOR);
    expect(result).toMatchObject({ status: "BLOCKED", gate: "do_not_contact" });
  });

  it("refuses the piece that would take the month past its budget, naming what is left", async () => {
    const at = new Date("2024-05-20T12:00:00Z");
    const before = await db.mailPiece.aggregate({ where: { createdAt: { gte: new Date("2024-05-01T00:00:00Z"), lt: new Date("2024-06-01T00:00:00Z") } }, _sum: { costCents: true } });
    expect(before._sum.costCents ?? 0).toBe(0);
    await updateTenantSettings(db, { mailMonthlyBudgetCents: 150 });
    try {
      expect(await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "one", now: at }, ACTOR)).toMatchObject({ status: "CREATED", costCents: 69 });
      expect(await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "two", now: at }, ACTOR)).toMatchObject({ status: "CREATED" });
      const files = await countFiles();
      const third = await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "three", now: at }, ACTOR);
      expect(third).toMatchObject({ status: "BLOCKED", gate: "budget", reason: "over_budget" });
      if (third.status === "BLOCKED") expect(third.detail).toBe("This $0.69 piece would take the month's mail past its $1.50 budget ($0.12 left)");
      expect(await countFiles()).toBe(files);
      // A new month has a new budget.
      expect(await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "four", now: new Date("2024-06-01T00:00:01Z") }, ACTOR)).toMatchObject({ status: "CREATED" });
    } finally {
      await updateTenantSettings(db, { mailMonthlyBudgetCents: 50_000 });
    }
  });

  it("refuses bad input with the field named", async () => {
    await expect(sendMailPiece(db, { dealId, kind: "POSTCARD", body: "x".repeat(600) }, ACTOR)).rejects.toMatchObject({ code: "invalid", field: "body" });
    await expect(sendMailPiece(db, { dealId, kind: "POSTCARD", body: "Hi {{nickname}}" }, ACTOR)).rejects.toMatchObject({ field: "body" });
    await expect(sendMailPiece(db, { dealId: "missing", kind: "POSTCARD", body: "Hi" }, ACTOR)).rejects.toMatchObject({ code: "not_found", field: "dealId" });
  });
});

describe("Lob", () => {
  let server: Server;
  const requests: { path: string; auth: string | undefined; idempotency: string | undefined; body: Record<string, unknown> }[] = [];
  let deliverability = "deliverable";

  async function readBody(req: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString() || "{}") as Record<string, unknown>;
  }

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      requests.push({ path: req.url ?? "", auth: req.headers.authorization, idempotency: req.headers["idempotency-key"] as string | undefined, body });
      res.setHeader("content-type", "application/json");
      if (req.url === "/v1/us_verifications") return res.end(JSON.stringify({ id: "us_ver_1", deliverability }));
      if (req.url === "/v1/postcards") return res.end(JSON.stringify({ id: "psc_5a1b2c3d", expected_delivery_date: "2026-07-14", url: "https://lob.example/psc.pdf", price: "0.71" }));
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: "not found" } }));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    process.env.LOB_API_KEY = "test_0123456789";
    process.env.LOB_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    process.env.LOB_WEBHOOK_SECRET = "whsec-lob-test";
  });
  afterAll(async () => {
    for (const name of LOB_ENV) delete process.env[name];
    server.close();
  });

  it("verifies with Lob and creates the postcard, with the key as basic auth and the piece id as idempotency key", async () => {
    const result = await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "Through Lob" }, ACTOR);
    expect(result).toMatchObject({ status: "CREATED", costCents: 71 });
    if (result.status !== "CREATED") return;
    expect(requests.map((r) => r.path)).toEqual(["/v1/us_verifications", "/v1/postcards"]);
    expect(requests[0].auth).toBe(`Basic ${Buffer.from("test_0123456789:").toString("base64")}`);
    expect(requests[0].body).toMatchObject({ primary_line: "100 Peachtree St NW", city: "Atlanta", state: "GA", zip_code: "30303" });
    expect(requests[1].idempotency).toBe(result.pieceId);
    expect(requests[1].body).toMatchObject({ size: "4x6", to: { name: "Maria Lopez", address_zip: "30303" }, from: { address_line1: "55 Marietta St", address_city: "Atlanta" } });
    const piece = await db.mailPiece.findUniqueOrThrow({ where: { id: result.pieceId } });
    expect(piece).toMatchObject({ provider: "lob", providerPieceId: "psc_5a1b2c3d", status: "CREATED", costCents: 71, expectedDeliveryAt: new Date("2026-07-14T12:00:00Z") });
    expect(piece.proofFileId).not.toBeNull();
  });

  it("refuses what Lob says it cannot deliver, and creates nothing at Lob", async () => {
    deliverability = "undeliverable";
    requests.length = 0;
    const result = await sendMailPiece(db, { dealId, kind: "POSTCARD", body: "Nowhere" }, ACTOR);
    deliverability = "deliverable";
    expect(result).toMatchObject({ status: "BLOCKED", gate: "address", detail: "Lob cannot deliver to this address (undeliverable)" });
    expect(requests.map((r) => r.path)).toEqual(["/v1/us_verifications"]);
  });

  function signedEvent(event: object, secret = "whsec-lob-test", timestamp = String(Date.now())) {
    const body = JSON.stringify(event);
    return { body, headers: { "lob-signature": lobSignature(secret, timestamp, body), "lob-signature-timestamp": timestamp } };
  }
  const event = (id: string, type: string) => ({ id, object: "event", event_type: { id: type, object: "event_type" }, body: { id: "psc_5a1b2c3d", object: "postcard" }, date_created: "2026-07-10T16:00:00.000Z" });
  const post = (signed: { body: string; headers: Record<string, string> }, slug = "mail-a") => callRoute(lobWebhook, `/api/webhooks/lob/${slug}`, { method: "POST", body: signed.body, headers: signed.headers, params: { tenantSlug: slug } });
  const lobPiece = () => db.mailPiece.findFirstOrThrow({ where: { providerPieceId: "psc_5a1b2c3d" } });

  it("refuses a webhook with a bad signature, an unknown workspace or a stale timestamp, and changes nothing", async () => {
    expect((await post(signedEvent(event("evt_bad", "postcard.mailed"), "wrong-secret"))).status).toBe(403);
    expect((await post(signedEvent(event("evt_bad", "postcard.mailed")), "nobody")).status).toBe(403);
    expect((await post(signedEvent(event("evt_bad", "postcard.mailed"), undefined, String(Date.now() - 3_600_000)))).status).toBe(403);
    expect((await lobPiece()).status).toBe("CREATED");
    expect(await db.messageEvent.count({ where: { provider: "lob" } })).toBe(0);
  });

  it("moves the piece by Lob's events, once each, and never backwards", async () => {
    const mailed = signedEvent(event("evt_1", "postcard.mailed"));
    const first = await post(mailed);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ duplicate: false, status: "MAILED", changed: true });
    expect(await lobPiece()).toMatchObject({ status: "MAILED", mailedAt: new Date("2026-07-10T16:00:00.000Z") });
    expect(await (await post(mailed)).json()).toMatchObject({ duplicate: true, changed: false });
    expect(await (await post(signedEvent(event("evt_2", "postcard.created")))).json()).toMatchObject({ changed: false, status: "MAILED" });
    expect(await (await post(signedEvent(event("evt_3", "postcard.in_local_area")))).json()).toMatchObject({ status: "IN_TRANSIT" });
    expect(await (await post(signedEvent(event("evt_4", "postcard.returned_to_sender")))).json()).toMatchObject({ status: "RETURNED" });
    expect(await (await post(signedEvent(event("evt_5", "postcard.delivered")))).json()).toMatchObject({ changed: false, status: "RETURNED" });
    expect((await lobPiece()).returnedAt).not.toBeNull();
  });
});

describe("API v1", () => {
  it("creates a piece and lists pieces filtered by deal and status", async () => {
    const created = await callRoute(createRoute, "/api/v1/mail-pieces", { method: "POST", key: writeKey, body: { dealId, kind: "LETTER", body: "By the API" } });
    expect(created.status).toBe(201);
    const result = await created.json();
    expect(result).toMatchObject({ status: "CREATED", costCents: 109 });
    const invalid = await callRoute(createRoute, "/api/v1/mail-pieces", { method: "POST", key: writeKey, body: { dealId, kind: "FLYER", body: "x" } });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(await invalid.json())).toContain("kind");
    const listed = await callRoute(listRoute, `/api/v1/mail-pieces?dealId=${dealId}&status=blocked`, { key: writeKey });
    expect(listed.status).toBe(200);
    const page = await listed.json();
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((row: { status: string; dealId: string }) => row.status === "BLOCKED" && row.dealId === dealId)).toBe(true);
    const readOnly = (await createApiKey(db, { name: "reader", scopes: ["mail:read"] }, ACTOR)).key;
    expect((await callRoute(createRoute, "/api/v1/mail-pieces", { method: "POST", key: readOnly, body: { dealId, kind: "LETTER", body: "no" } })).status).toBe(403);
  });
});
