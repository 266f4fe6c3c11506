import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { extractText } from "unpdf";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { issueFileLink, readStoredFile } from "@/lib/files";
import { generateMemo, listDealDocuments } from "@/lib/memo/service";
import { getDealDetail } from "@/lib/prospects/detail";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; tenantId: string | null } }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { GET: download } = await import("@/app/api/files/[id]/download/route");
const { GET: photoRoute } = await import("@/app/api/files/[id]/route");
const { GET: documentsRoute } = await import("@/app/api/v1/deals/[dealId]/documents/route");
const { POST: memoRoute } = await import("@/app/api/v1/deals/[dealId]/memo/route");

const SECRET = "memo-test-secret-0123456789abcdef";
const ACTOR = { actorId: null, actorEmail: "tester@example.test", requestId: "memo-test" };
let database: Database;
let filesDir: string;
let dbA: TenantDb;
let dbB: TenantDb;
let dealA: string;
let dealB: string;
let readKey: string;
let writeKey: string;
let otherKeyOfA: string;
let keyOfB: string;
const users: Record<string, { id: string; email: string; name: string; tenantId: string }> = {};

const comp = (i: number) => ({
  id: `comp-${i}`, street: `${i * 100} Oak Lane`, city: "Dallas", postalCode: "75201", latitude: 32.78 + i * 0.002, longitude: -96.8, soldPrice: 236_000 + i * 4_000,
  soldAt: `2026-0${i}-10T00:00:00.000Z`, beds: 3, baths: 2, sqft: 1_440, yearBuilt: 1979, propertyType: "SFR", source: "IMPORT",
  distanceKm: i * 0.4, monthsAgo: 8 - i, pricePerSqft: 164 + i, adjustment: 4_000, adjustedPrice: 240_000 + i * 4_000,
});

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-memo-"));
  process.env.FILES_DIR = filesDir;
  process.env.AUTH_SECRET = SECRET;
  database = await createTestDatabase();
  useDatabase(database);
  const password = "correct horse battery";
  const a = await provisionTenant(database.prisma, { slug: "memo-a", name: "Memo A Homes", timeZone: "America/Chicago", country: "US" }, [
    { email: "owner-a@memo.test", name: "Owner A", password, role: "owner" },
    { email: "viewer-a@memo.test", name: "Viewer A", password, role: "viewer" },
  ]);
  const b = await provisionTenant(database.prisma, { slug: "memo-b", name: "Memo B Homes", timeZone: "America/Toronto", country: "CA" }, [{ email: "owner-b@memo.test", name: "Owner B", password, role: "owner" }]);
  for (const [name, email, tenantId] of [["ownerA", "owner-a@memo.test", a.id], ["viewerA", "viewer-a@memo.test", a.id], ["ownerB", "owner-b@memo.test", b.id]] as const) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email } });
    users[name] = { id: user.id, email, name, tenantId };
  }
  dbA = scopeToTenant(database.prisma, a.id);
  dbB = scopeToTenant(database.prisma, b.id);
  const deal = await dbA.deal.create({
    data: {
      source: "CSV", addressKey: "4127 maple ave dallas tx", raw: {}, status: "UNDERWRITTEN", street: "4127 Maple Ave", city: "Dallas", region: "TX", postalCode: "75201",
      country: "US", market: "Dallas", latitude: 32.79, longitude: -96.81, locationSource: "postal_code", areaCode: "75201", askingPrice: 118_000, arv: 248_000,
      arvSource: "comps", repairs: 32_000, mao: 139_100, recommendedOffer: 134_100, spread: 21_100, spreadRatio: 0.0851, strategy: "WHOLESALE", beds: 3, baths: 2,
      sqft: 1_480, yearBuilt: 1978, propertyType: "SFR", score: 78, sourceScore: 55, scoreModel: "points-v1", scoreConfidence: "medium",
      scoreContributions: [
        { feature: "base", label: "base", detail: "", points: 30 },
        { feature: "equity", label: "equity", detail: "spread ratio 0.09", points: 18 },
        { feature: "motivation", label: "motivation", detail: "probate, vacant", points: 24 },
        { feature: "market", label: "market", detail: "cold area", points: -4 },
      ],
      qualityFlags: ["asking_outlier"],
      qualityIssues: [{ code: "asking_outlier", field: "askingPrice", reason: "Asking $118,000 is 4.6 median absolute deviations below this market's deals" }],
      assignmentFee: 12_500, buyerTerms: "Cash buyers only, 14-day close",
    },
  });
  dealA = deal.id;
  await dbA.offerEvidence.create({
    data: {
      dealId: dealA, inputs: { arv: 248_000, repairs: 32_000, askingPrice: 118_000, terms: { maxArvMultiplier: 0.7, feesBuffer: 2_500, assignmentFee: 10_000 } },
      outputs: { mao: 139_100, spread: 21_100, spreadRatio: 0.0851, strategy: "WHOLESALE", reason: "positive spread: assign to a buyer" },
      comps: { arv: 248_000, low: 236_000, high: 259_000, confidence: "high", windowMonths: 12, comps: [comp(1), comp(2), comp(3)] },
      assumptions: { arvSource: "comps", negotiationMargin: 5_000 }, recommendedOffer: 134_100, correlationId: "memo-test",
    },
  });
  dealB = (await dbB.deal.create({ data: { source: "MANUAL", addressKey: "1 king st toronto", raw: {}, street: "1 King St W", city: "Toronto", region: "ON", country: "CA" } })).id;
  const ctx = { actorId: users.ownerA.id, actorEmail: users.ownerA.email, requestId: "memo-test" };
  readKey = (await createApiKey(dbA, { name: "docs reader", scopes: ["documents:read"] }, ctx)).key;
  writeKey = (await createApiKey(dbA, { name: "docs writer", scopes: ["documents:read", "documents:write"] }, ctx)).key;
  otherKeyOfA = (await createApiKey(dbA, { name: "another reader", scopes: ["documents:read"] }, ctx)).key;
  keyOfB = (await createApiKey(dbB, { name: "b", scopes: ["documents:read", "documents:write"] }, { ...ctx, actorId: users.ownerB.id })).key;
}, 120_000);
afterAll(async () => {
  await database.close();
  await rm(filesDir, { recursive: true, force: true });
  delete process.env.FILES_DIR;
  delete process.env.AUTH_SECRET;
});
beforeEach(() => signIn("ownerA"));

function signIn(who: keyof typeof users | null) {
  session.current = who ? { user: { id: users[who].id, email: users[who].email, name: users[who].name }, tenantId: users[who].tenantId } : null;
}

const get = (url: string, key?: string) => {
  const parsed = new URL(url, "http://localhost");
  const id = decodeURIComponent(parsed.pathname.split("/")[3]);
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  return download(new NextRequest(parsed, { headers }), { params: Promise.resolve({ id }) });
};

describe("generateMemo", () => {
  it("stores versions 1 and 2 as PDFs whose text carries the address, the numbers, the score's reasons and the comps", async () => {
    const first = await generateMemo(dbA, dealA, ACTOR);
    const second = await generateMemo(dbA, dealA, ACTOR);
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first).toMatchObject({ purpose: "deal_memo", contentType: "application/pdf", dealId: dealA, fileName: expect.stringMatching(/^investor-memo-4127-maple-ave.*-v1\.pdf$/) });
    expect((await listDealDocuments(dbA, dealA)).map((d) => d.version)).toEqual([2, 1]);

    const stored = await readStoredFile(dbA, second.id);
    expect(String.fromCharCode(...stored!.bytes.subarray(0, 5))).toBe("%PDF-");
    const { text } = await extractText(new Uint8Array(stored!.bytes), { mergePages: true });
    for (const expected of [
      "4127 Maple Ave, Dallas, TX 75201",
      "Memo A Homes - version 2",
      "Asking price $118,000",
      "ARV $248,000 (from 3 comps, $236,000 - $259,000)",
      "Repairs $32,000",
      "MAO $139,100",
      "Recommended offer $134,100",
      "Spread $21,100 (8.5% of ARV)",
      "Wholesale: positive spread: assign to a buyer",
      "Score 78 of 100",
      "motivation: probate, vacant",
      "+24",
      "market: cold area",
      "-4",
      "4.6 median absolute deviations",
      "100 Oak Lane, Dallas",
      "300 Oak Lane, Dallas",
      "$244,000",
      "Assignment fee $12,500",
      "Cash buyers only, 14-day close",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("puts each memo on the deal's timeline", async () => {
    const detail = await getDealDetail(dbA, dealA);
    expect(detail?.timeline.map((e) => e.title)).toEqual(expect.arrayContaining(["Investor memo v1 generated", "Investor memo v2 generated"]));
  });

  it("renders a deal with nothing scored, priced or flagged", async () => {
    const bare = await dbA.deal.create({ data: { source: "MANUAL", addressKey: "bare", raw: {}, street: "9 Empty Rd", city: "Waco", region: "TX" } });
    const file = await generateMemo(dbA, bare.id, ACTOR);
    const { text } = await extractText(new Uint8Array((await readStoredFile(dbA, file.id))!.bytes), { mergePages: true });
    expect(text).toContain("9 Empty Rd, Waco, TX");
    expect(text).toContain("Not scored yet.");
    expect(text).toContain("No data-quality flags");
    expect(text).toContain("No comps behind this ARV");
  });

  it("is not found for a deal of another workspace, nor for a deleted one", async () => {
    await expect(generateMemo(dbA, dealB, ACTOR)).rejects.toMatchObject({ code: "not_found" });
    await expect(listDealDocuments(dbA, dealB)).rejects.toMatchObject({ code: "not_found" });
    expect(await dbB.storedFile.count()).toBe(0);
    const gone = await dbA.deal.create({ data: { source: "MANUAL", addressKey: "gone", raw: {}, deletedAt: new Date() } });
    await expect(generateMemo(dbA, gone.id, ACTOR)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("signed download links", () => {
  it("open the memo for the member they were signed for, as application/pdf", async () => {
    const [memo] = await listDealDocuments(dbA, dealA);
    const link = issueFileLink(dbA, memo.id, `user:${users.ownerA.id}`);
    const response = await get(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("are 403 past their expiry, for another member, tampered or missing", async () => {
    const [memo] = await listDealDocuments(dbA, dealA);
    const expired = issueFileLink(dbA, memo.id, `user:${users.ownerA.id}`, { now: new Date(Date.now() - 11 * 60 * 1000) });
    expect((await get(expired.url)).status).toBe(403);
    const owners = issueFileLink(dbA, memo.id, `user:${users.ownerA.id}`);
    signIn("viewerA");
    const forViewer = await get(owners.url);
    expect(forViewer.status).toBe(403);
    expect((await forViewer.json()).error).toMatch(/not yours/);
    signIn("ownerA");
    expect((await get(owners.url.replace(/token=(\d+)/, (_, n) => `token=${Number(n) + 600}`))).status).toBe(403);
    expect((await get(owners.url.replace(/\?.*$/, ""))).status).toBe(403);
  });

  it("are 404 for a member of another workspace, and 401 signed out", async () => {
    const [memo] = await listDealDocuments(dbA, dealA);
    const link = issueFileLink(dbA, memo.id, `user:${users.ownerA.id}`);
    signIn("ownerB");
    expect((await get(link.url)).status).toBe(404);
    signIn(null);
    expect((await get(link.url)).status).toBe(401);
  });

  it("are the only way to a memo: the photo route does not serve it", async () => {
    const [memo] = await listDealDocuments(dbA, dealA);
    const response = await photoRoute(new NextRequest(`http://localhost/api/files/${memo.id}`), { params: Promise.resolve({ id: memo.id }) });
    expect(response.status).toBe(404);
  });
});

describe("API v1 documents", () => {
  it("POST /memo makes a new version (201) and GET /documents lists them with links signed for the key", async () => {
    const created = await callRoute(memoRoute, `/api/v1/deals/${dealA}/memo`, { key: writeKey, method: "POST", params: { dealId: dealA } });
    expect(created.status).toBe(201);
    const memo = await created.json();
    expect(memo).toMatchObject({ kind: "investor_memo", version: 3, contentType: "application/pdf", downloadUrl: expect.stringContaining(`/api/files/${memo.id}/download?token=`) });

    const listed = await callRoute(documentsRoute, `/api/v1/deals/${dealA}/documents`, { key: readKey, params: { dealId: dealA } });
    expect(listed.status).toBe(200);
    const { documents } = await listed.json();
    expect(documents.map((d: { version: number }) => d.version)).toEqual([3, 2, 1]);

    const mine = await get(documents[0].downloadUrl, readKey);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("application/pdf");
    // Signed for the reading key: another key of the same workspace cannot use it.
    expect((await get(documents[0].downloadUrl, otherKeyOfA)).status).toBe(403);
  });

  it("answers 404 for another workspace's deal and 403 without the scope", async () => {
    expect((await callRoute(memoRoute, `/api/v1/deals/${dealA}/memo`, { key: keyOfB, method: "POST", params: { dealId: dealA } })).status).toBe(404);
    expect((await callRoute(documentsRoute, `/api/v1/deals/${dealA}/documents`, { key: keyOfB, params: { dealId: dealA } })).status).toBe(404);
    expect((await callRoute(memoRoute, `/api/v1/deals/${dealA}/memo`, { key: readKey, method: "POST", params: { dealId: dealA } })).status).toBe(403);
  });
});

describe("memo storage", () => {
  it("keeps the PDF on the filesystem under the data folder by default", async () => {
    const file = await generateMemo(dbA, dealA, ACTOR);
    const row = await dbA.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.backend).toBe("local");
    const { readFile } = await import("node:fs/promises");
    const onDisk = await readFile(path.join(filesDir, ...row.key.split("/")));
    expect(onDisk.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("writes to an S3-compatible bucket when S3_* is set, and reads it back from there", async () => {
    const objects = new Map<string, Buffer>();
    const server: Server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const key = decodeURIComponent(new URL(req.url!, "http://x").pathname);
      if (req.method === "PUT") {
        objects.set(key, Buffer.concat(chunks));
        res.writeHead(200, { etag: '"x"' }).end();
      } else if (req.method === "GET" && objects.has(key)) {
        res.writeHead(200, { "content-type": "application/pdf", "content-length": String(objects.get(key)!.length) }).end(objects.get(key));
      } else res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const env = { S3_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, S3_BUCKET: "memos", S3_ACCESS_KEY_ID: "test-key", S3_SECRET_ACCESS_KEY: "test-secret" };
    Object.assign(process.env, env);
    try {
      const file = await generateMemo(dbA, dealA, ACTOR);
      const row = await dbA.storedFile.findUniqueOrThrow({ where: { id: file.id } });
      expect(row.backend).toBe("s3");
      expect([...objects.keys()]).toEqual([`/memos/${row.key}`]);
      const back = await readStoredFile(dbA, file.id);
      expect(Buffer.from(back!.bytes).equals(objects.get(`/memos/${row.key}`)!)).toBe(true);
    } finally {
      for (const name of Object.keys(env)) delete process.env[name];
      server.close();
    }
  });
});
