import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlast } from "@/lib/blasts/service";
import { sendBlastChunk } from "@/lib/blasts/sending";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ENGINES } from "@/lib/engines/registry";
import { readStoredFile } from "@/lib/files";
import { generateAlertMemos, generateMemo, listDealDocuments } from "@/lib/memo/service";
import { seedMarketPolicies } from "@/lib/policy";
import type { MessagingProviders, OutboundEmail } from "@/lib/providers/messaging";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { seedOfferPolicies } from "@/lib/underwriting/service";
import { createTestDatabase } from "../helpers/db";

const BASE = "https://app.example.test";
// Tuesday 2026-03-10 15:00 in New York: inside the default weekday window.
const OPEN = new Date("2026-03-10T19:00:00Z");
const ACTOR = { actorId: null, actorEmail: "tester@example.test", requestId: "memo-delivery" };
let database: Database;
let filesDir: string;
let db: TenantDb;
let counter = 0;

async function makeDeal(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return db.deal.create({
    data: {
      source: "MANUAL", addressKey: `MD-${counter}`, raw: {}, street: `${counter} Elm Street`, city: "New York", region: "NY", market: "NEW YORK",
      postalCode: "10001", country: "US", timeZone: "America/New_York", propertyType: "SFR", askingPrice: 100_000, arv: 300_000, repairs: 20_000, ...overrides,
    } as never,
  });
}

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-memo-delivery-"));
  process.env.FILES_DIR = filesDir;
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "memo-delivery", name: "Delivery Homes", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  await seedOfferPolicies(db, { enableFallback: true });
  await seedMarketPolicies(db, null);
  await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { postalAddress: "100 Main Street, Albany, NY 12207" } as never } });
  await db.buyerSettings.create({ data: { coldLiquidityScore: 0 } as never });
}, 120_000);
afterAll(async () => {
  await database.close();
  await rm(filesDir, { recursive: true, force: true });
  delete process.env.FILES_DIR;
});

describe("the underwriting engine's memos", () => {
  it("makes one memo for a deal whose spread reaches the alert threshold, and none for one under it", async () => {
    const rich = await makeDeal(); // MAO 187,500, spread 87,500: over the default 30,000 threshold.
    const thin = await makeDeal({ askingPrice: 180_000 }); // spread 7,500.
    const run = await ENGINES.underwriting.run(db, { trigger: "manual" } as never);
    expect(run).toMatchObject({ outcome: "OK", details: { memos: 1, memosFailed: 0 } });
    expect((await listDealDocuments(db, rich.id)).map((d) => d.version)).toEqual([1]);
    expect(await listDealDocuments(db, thin.id)).toEqual([]);
    // Another pass finds no new evidence: no second memo.
    await ENGINES.underwriting.run(db, { trigger: "manual" } as never);
    expect(await listDealDocuments(db, rich.id)).toHaveLength(1);
  });

  it("makes a memo once per new evidence row, however often the same alert comes", async () => {
    const deal = await makeDeal();
    await db.offerEvidence.create({ data: { dealId: deal.id, inputs: {}, outputs: { spread: 90_000 }, correlationId: "e1" } });
    expect(await generateAlertMemos(db, [{ dealId: deal.id }])).toEqual({ generated: 1, skipped: 0, failed: [] });
    expect(await generateAlertMemos(db, [{ dealId: deal.id }, { dealId: deal.id }])).toEqual({ generated: 0, skipped: 2, failed: [] });
    await new Promise((r) => setTimeout(r, 5));
    await db.offerEvidence.create({ data: { dealId: deal.id, inputs: {}, outputs: { spread: 95_000 }, correlationId: "e2" } });
    expect(await generateAlertMemos(db, [{ dealId: deal.id }])).toEqual({ generated: 1, skipped: 0, failed: [] });
    expect((await listDealDocuments(db, deal.id)).map((d) => d.version)).toEqual([2, 1]);
  });
});

describe("a blast with the memo attached", () => {
  it("sends the latest memo's PDF with each email through the local outbox", async () => {
    const deal = await makeDeal();
    await generateMemo(db, deal.id, ACTOR);
    const memo = await generateMemo(db, deal.id, ACTOR);
    const buyer = await db.buyer.create({ data: { name: "Pat Buyer", phones: ["+12125553001"], emails: ["pat@example.com"], timeZone: "America/New_York", markets: ["NY:NEW YORK"], tier: "A" } as never });
    await db.contactConsent.create({ data: { channel: "EMAIL", address: "pat@example.com", status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "import" } as never });

    const { blastId } = await createBlast(db, { dealId: deal.id, buyerIds: [buyer.id], channels: ["SMS", "EMAIL"], attachMemo: true }, { userId: null }, { baseUrl: BASE, now: OPEN });
    expect((await db.blast.findUniqueOrThrow({ where: { id: blastId } })).attachmentFileId).toBe(memo.id);

    const outbox = createOutboxEmailProvider();
    const sent: OutboundEmail[] = [];
    const providers: MessagingProviders = { sms: createOutboxSmsProvider(), email: { name: outbox.name, send: (m) => (sent.push(m), outbox.send(m)) } };
    const chunk = await sendBlastChunk(db, blastId, { deps: { providers, baseUrl: BASE, secret: "test-secret-0123456789abcdef" }, now: () => OPEN });
    expect(chunk.status).toBe("DONE");
    expect(sent).toHaveLength(1);
    const stored = await readStoredFile(db, memo.id);
    expect(sent[0].attachments).toEqual([{ fileName: memo.fileName, contentType: "application/pdf", bytes: stored!.bytes }]);
    expect(await db.message.findFirstOrThrow({ where: { buyerId: buyer.id, channel: "EMAIL" } })).toMatchObject({ status: "SENT", provider: "outbox" });
  });

  it("refuses to attach a memo the deal does not have, or to an SMS-only blast", async () => {
    const deal = await makeDeal();
    const buyer = await db.buyer.create({ data: { name: "Lee Buyer", emails: ["lee@example.com"], timeZone: "America/New_York", markets: ["NY:NEW YORK"], tier: "A" } as never });
    await expect(createBlast(db, { dealId: deal.id, buyerIds: [buyer.id], channels: ["EMAIL"], attachMemo: true }, { userId: null }, { baseUrl: BASE })).rejects.toMatchObject({
      code: "invalid",
      field: "attachMemo",
      message: expect.stringMatching(/no investor memo yet/),
    });
    await expect(createBlast(db, { dealId: deal.id, buyerIds: [buyer.id], channels: ["SMS"], attachMemo: true }, { userId: null }, { baseUrl: BASE })).rejects.toMatchObject({ field: "attachMemo" });
    expect(await db.blast.count({ where: { dealId: deal.id } })).toBe(0);
  });
});
