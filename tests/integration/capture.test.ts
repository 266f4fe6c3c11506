import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { listDealFiles, readStoredFile, storeFile } from "@/lib/files";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; tenantId: string | null } }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { POST: capture } = await import("@/app/api/capture/route");
const { GET: resolve } = await import("@/app/api/capture/resolve/route");
const { GET: download } = await import("@/app/api/files/[id]/route");

let database: Database;
let filesDir: string;
let tenantA: string;
let tenantB: string;
let dbA: TenantDb;
const users: Record<string, { id: string; email: string; name: string; tenantId: string }> = {};

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 200 }, (_, i) => i % 256)]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
const SAN_ANTONIO = { latitude: "29.4241", longitude: "-98.4936" };

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-capture-"));
  process.env.FILES_DIR = filesDir;
  database = await createTestDatabase();
  useDatabase(database);
  const password = "correct horse battery";
  tenantA = (
    await provisionTenant(database.prisma, { slug: "drive-a", name: "Drive A", timeZone: "America/Chicago", country: "US" }, [
      { email: "owner-a@example.test", name: "Owner A", password, role: "owner" },
      { email: "viewer-a@example.test", name: "Viewer A", password, role: "viewer" },
    ])
  ).id;
  tenantB = (await provisionTenant(database.prisma, { slug: "drive-b", name: "Drive B", timeZone: "America/Toronto", country: "CA" }, [{ email: "owner-b@example.test", name: "Owner B", password, role: "owner" }])).id;
  for (const [name, email, tenantId] of [["ownerA", "owner-a@example.test", tenantA], ["viewerA", "viewer-a@example.test", tenantA], ["ownerB", "owner-b@example.test", tenantB]] as const) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email } });
    users[name] = { id: user.id, email, name, tenantId };
  }
  dbA = scopeToTenant(database.prisma, tenantA);
});
afterAll(async () => {
  await database.close();
  await rm(filesDir, { recursive: true, force: true });
  delete process.env.FILES_DIR;
});
beforeEach(() => signIn("ownerA"));

function signIn(who: keyof typeof users | null) {
  session.current = who ? { user: { id: users[who].id, email: users[who].email, name: users[who].name }, tenantId: users[who].tenantId } : null;
}

function captureRequest(fields: Record<string, string | string[]>, photos: { name: string; bytes: Uint8Array; type?: string }[] = []) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  for (const photo of photos) form.append("photos", new File([new Uint8Array(photo.bytes)], photo.name, { type: photo.type ?? "image/jpeg" }));
  return capture(new NextRequest("http://localhost/api/capture", { method: "POST", body: form }), { params: Promise.resolve({}) });
}

const getFile = (id: string) => download(new NextRequest(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });

const counts = async () => ({
  deals: await dbA.deal.count(),
  notes: await dbA.dealNote.count(),
  files: await dbA.storedFile.count(),
  objects: (await readdir(path.join(filesDir, tenantA, "deal_photo")).catch(() => [])).length,
});

describe("a capture from the road", () => {
  const clientKey = randomUUID();
  let dealId: string;

  it("creates a DRIVING deal at the phone's position, in its postal area, with tags, note and photos", async () => {
    const response = await captureRequest(
      { clientKey, ...SAN_ANTONIO, accuracy: "8", street: "1402 W Commerce St", tags: ["vacant", "boarded", "roof tarp"], note: "Boarded windows, mail piling up" },
      [{ name: "front.jpg", bytes: JPEG }, { name: "side.png", bytes: PNG, type: "image/png" }],
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ merged: false, photos: 2, replayed: false, areaCode: expect.stringMatching(/^782\d\d$/) });
    dealId = body.dealId;
    const deal = await dbA.deal.findFirstOrThrow({ where: { id: dealId } });
    expect(deal).toMatchObject({ source: "DRIVING", sourceRef: clientKey, latitude: 29.4241, longitude: -98.4936, locationSource: "intake", areaCode: body.areaCode, region: "TX", tags: ["vacant", "boarded", "roof tarp"] });
    expect(deal.postalCode).toBe(body.areaCode);
    expect((await dbA.dealNote.findMany({ where: { dealId } })).map((n) => n.body)).toEqual(["Boarded windows, mail piling up"]);
    const files = await listDealFiles(dbA, dealId);
    expect(files.map((f) => [f.fileName, f.contentType, f.size])).toEqual([["front.jpg", "image/jpeg", JPEG.length], ["side.png", "image/png", PNG.length]]);
    expect(files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await dbA.auditEvent.count({ where: { action: "deal.captured", entityId: dealId } })).toBe(1);
  });

  it("answers a resend with the same deal, 200, and creates nothing", async () => {
    const before = await counts();
    const response = await captureRequest(
      { clientKey, ...SAN_ANTONIO, accuracy: "8", street: "1402 W Commerce St", tags: ["vacant", "boarded", "roof tarp"], note: "Boarded windows, mail piling up" },
      [{ name: "front.jpg", bytes: JPEG }, { name: "side.png", bytes: PNG, type: "image/png" }],
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ dealId, replayed: true });
    expect(await counts()).toEqual(before);
  });

  it("adds a capture of the same address to that deal and says so", async () => {
    const before = await counts();
    const response = await captureRequest({ clientKey: randomUUID(), ...SAN_ANTONIO, street: "1402 w. commerce street", tags: ["vacant", "overgrown"], note: "Grass knee high now" }, [{ name: "later.jpg", bytes: new Uint8Array([...JPEG, 9]) }]);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ dealId, merged: true, photos: 1 });
    expect(body.message).toMatch(/already a deal/);
    const deal = await dbA.deal.findFirstOrThrow({ where: { id: dealId } });
    expect(deal.tags).toEqual(["vacant", "boarded", "roof tarp", "overgrown"]);
    expect(await counts()).toEqual({ deals: before.deals, notes: before.notes + 1, files: before.files + 1, objects: before.objects + 1 });
  });

  it("takes a typed ZIP when the phone has no location, placed at the ZIP's centre", async () => {
    const response = await captureRequest({ clientKey: randomUUID(), street: "77 Beale St", postalCode: "38103" });
    expect(response.status).toBe(201);
    const deal = await dbA.deal.findFirstOrThrow({ where: { id: (await response.json()).dealId } });
    expect(deal).toMatchObject({ source: "DRIVING", areaCode: "38103", locationSource: "centroid", region: "TN" });
  });

  it.each([
    ["no location and no ZIP", { street: "5 Nowhere Rd" }, "postalCode", /No location/],
    ["a location in Paris", { street: "5 Rue de Rivoli", latitude: "48.8566", longitude: "2.3522" }, "latitude", /outside the US and Canada/],
    ["a location at sea", { street: "1 Ocean Way", latitude: "35", longitude: "-40" }, "latitude", /outside the US and Canada/],
    ["half a location", { street: "5 Elm St", latitude: "29.4" }, "latitude", /both/],
  ])("refuses %s with 422 on the field", async (_name, fields, field, message) => {
    const before = await counts();
    const response = await captureRequest({ clientKey: randomUUID(), ...fields });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.issues).toContainEqual({ path: field, message: expect.stringMatching(message) });
    expect(await counts()).toEqual(before);
  });

  it("refuses a photo over 15 MB (413) and a file that is not an image (415), keeping the key free for the fixed capture", async () => {
    const before = await counts();
    const key = randomUUID();
    const fields = { clientKey: key, ...SAN_ANTONIO, street: "900 S Flores St" };
    const big = new Uint8Array(15 * 1024 * 1024 + 1);
    big.set(JPEG);
    const tooLarge = await captureRequest(fields, [{ name: "huge.jpg", bytes: big }]);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).issues).toContainEqual({ path: "photos", message: expect.stringMatching(/15 MB/) });
    const notImage = await captureRequest(fields, [{ name: "photo.jpg", bytes: new TextEncoder().encode("<html><script>alert(1)</script>") }]);
    expect(notImage.status).toBe(415);
    expect((await notImage.json()).issues).toContainEqual({ path: "photos", message: expect.stringMatching(/not a photo/) });
    expect(await counts()).toEqual(before);
    const fixed = await captureRequest(fields, [{ name: "photo.jpg", bytes: JPEG }]);
    expect(fixed.status).toBe(201);
  });

  it("is refused to a viewer (403) and to a capture taken in another workspace (422)", async () => {
    signIn("viewerA");
    expect((await captureRequest({ clientKey: randomUUID(), ...SAN_ANTONIO, street: "1 Viewer Ln" })).status).toBe(403);
    signIn("ownerA");
    const elsewhere = await captureRequest({ clientKey: randomUUID(), tenantId: tenantB, ...SAN_ANTONIO, street: "1 Other Ln" });
    expect(elsewhere.status).toBe(422);
    expect((await elsewhere.json()).issues).toContainEqual({ path: "workspace", message: expect.stringMatching(/another workspace/) });
  });

  it("resolves the postal area around the phone for the form", async () => {
    const ok = await resolve(new NextRequest("http://localhost/api/capture/resolve?lat=43.6426&lng=-79.3871"), { params: Promise.resolve({}) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ country: "CA", region: "ON", areaCode: expect.stringMatching(/^M/) });
    const outside = await resolve(new NextRequest("http://localhost/api/capture/resolve?lat=48.8566&lng=2.3522"), { params: Promise.resolve({}) });
    expect(outside.status).toBe(422);
    const bad = await resolve(new NextRequest("http://localhost/api/capture/resolve?lat=abc&lng=1"), { params: Promise.resolve({}) });
    expect(bad.status).toBe(422);
  });
});

describe("a stored file", () => {
  let fileId: string;
  beforeAll(async () => {
    fileId = (await storeFile(dbA, { purpose: "deal_photo", fileName: "porch.jpg", contentType: "image/jpeg", bytes: JPEG })).id;
  });

  it("is served to a member of its workspace with its type, length and private, nosniff headers", async () => {
    for (const who of ["ownerA", "viewerA"] as const) {
      signIn(who);
      const response = await getFile(fileId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      expect(response.headers.get("content-length")).toBe(String(JPEG.length));
      expect(response.headers.get("cache-control")).toMatch(/^private/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(JPEG);
    }
  });

  it("is a 404 to another workspace's member, to the signed-out, and for an unknown id", async () => {
    signIn("ownerB");
    expect((await getFile(fileId)).status).toBe(404);
    expect(await readStoredFile(scopeToTenant(database.prisma, tenantB), fileId)).toBeNull();
    signIn(null);
    expect((await getFile(fileId)).status).toBe(404);
    signIn("ownerA");
    expect((await getFile("no-such-file")).status).toBe(404);
    expect((await getFile("../../etc/passwd")).status).toBe(404);
  });

  it("leaves no object behind when its row cannot be written", async () => {
    const before = await counts();
    const failing = new Proxy(dbA, {
      get(target, property, receiver) {
        if (property === "storedFile") return { ...target.storedFile, create: async () => Promise.reject(new Error("disk full")) };
        return Reflect.get(target, property, receiver);
      },
    });
    await expect(storeFile(failing, { purpose: "deal_photo", fileName: "x.jpg", contentType: "image/jpeg", bytes: JPEG })).rejects.toThrow("disk full");
    expect(await counts()).toEqual(before);
  });
});
