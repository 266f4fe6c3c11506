import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { listRegistries, readRegistryFacts, removeRegistry, startRegistryLoad } from "@/lib/dnc";
import { getTaskDetail } from "@/lib/ladder/inbox";
import { changeConsent, sendMessage, type OutboundDeps } from "@/lib/outbound";
import { decideCallRegistries } from "@/lib/outbound/call-gate";
import { upsertMarketPolicy } from "@/lib/policy";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
const ctx = { actorId: "user-admin", actorEmail: "admin@dnc.test", requestId: "req-dnc" };
const deps: OutboundDeps = { providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: "https://app.example.test", secret: "s3cret-s3cret-s3cret" };
const US_PHONE = "+13125550142";
const CA_PHONE = "+14165550199";
const NOW = new Date("2026-03-10T15:00:00Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const OPEN = { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS" as const, "EMAIL" as const, "CALL" as const], minLeadScore: 0 };

async function upload(target: TenantDb, kind: "US_NATIONAL" | "CA_NATIONAL" | "LITIGATOR" | "INTERNAL", text: string, downloadedAt: Date | null = daysBefore(1), name = kind) {
  const load = await startRegistryLoad(target, { kind, name, downloadedAt, totalBytes: text.length }, ctx, NOW);
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 5) await load.write(bytes.subarray(i, i + 5));
  return load.finish();
}

async function dealWith(phone: string, region: string) {
  return db.deal.create({
    data: { source: "MANUAL", addressKey: `K-${phone}`, raw: {}, region, timeZone: region === "ON" ? "America/Toronto" : "America/Chicago", score: 70, contactPhone: phone } as never,
  });
}

async function send(dealId: string) {
  return sendMessage(db, { dealId, channel: "SMS", body: "Hello about your house", now: NOW }, deps);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "dnc", name: "Lake Homes", timeZone: "America/Chicago", country: "US" } });
  const second = await database.prisma.tenant.create({ data: { slug: "dnc-other", name: "Other Homes", timeZone: "America/Chicago", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  other = scopeToTenant(database.prisma, second.id);
  for (const region of ["IL", "ON"]) await upsertMarketPolicy(db, { region, enabled: true, rules: OPEN, reason: "Test region open" }, ctx);
  for (const phone of [US_PHONE, CA_PHONE]) await changeConsent(db, { channel: "SMS", address: phone, status: "OPTED_IN", reason: "Signed the seller form" }, ctx);
});
afterAll(() => database.close());

describe("uploading a registry copy", () => {
  it("stores the numbers compactly, counts invalid lines and audits the load", async () => {
    const result = await upload(db, "US_NATIONAL", "AreaCode,Number\n312,5550142\n3125550143\n3125550143\nnot a number\n0125550100\n");
    expect(result).toMatchObject({ numberCount: 2, duplicates: 1, invalidLines: 2 });
    expect(result.samples.map((s) => s.line)).toEqual([5, 6]);
    const [row] = await listRegistries(db, NOW);
    expect(row).toMatchObject({ kind: "US_NATIONAL", numberCount: 2, invalidLines: 2, ageDays: 1, upload: { state: "IDLE" } });
    expect(await db.auditEvent.count({ where: { action: "dnc_registry.loaded" } })).toBe(1);
    expect((await readRegistryFacts(db, US_PHONE))?.registries).toEqual([expect.objectContaining({ kind: "US_NATIONAL", listed: true })]);
    expect((await readRegistryFacts(db, "+13125550144"))?.registries[0]?.listed).toBe(false);
  });

  it("replaces the copy at once: until the new one is stored the gate reads the old one, never a mix", async () => {
    const load = await startRegistryLoad(db, { kind: "US_NATIONAL", name: "US_NATIONAL", downloadedAt: null, totalBytes: 40 }, ctx, NOW);
    await load.write(Buffer.from("3125550144\n3125550145\n"));
    // Midway: the old copy is in force, the new numbers are not.
    expect((await readRegistryFacts(db, US_PHONE))?.registries[0]?.listed).toBe(true);
    expect((await readRegistryFacts(db, "+13125550144"))?.registries[0]?.listed).toBe(false);
    await expect(startRegistryLoad(db, { kind: "US_NATIONAL", name: "US_NATIONAL", downloadedAt: null, totalBytes: 1 }, ctx, NOW)).rejects.toMatchObject({ code: "conflict" });
    await load.finish();
    expect((await readRegistryFacts(db, US_PHONE))?.registries[0]?.listed).toBe(false);
    expect((await readRegistryFacts(db, "+13125550144"))?.registries[0]?.listed).toBe(true);
    const registry = await db.dncRegistry.findFirstOrThrow({ where: { kind: "US_NATIONAL" } });
    expect(await db.dncRegistryBlock.count({ where: { registryId: registry.id } })).toBe(await db.dncRegistryBlock.count({ where: { registryId: registry.id, version: registry.activeVersion } }));
    expect(registry.downloadedAt).toEqual(NOW);
  });

  it("keeps the copy in force when an upload fails or has no valid number, and says why", async () => {
    const failed = await startRegistryLoad(db, { kind: "US_NATIONAL", name: "US_NATIONAL", downloadedAt: null, totalBytes: 40 }, ctx, NOW);
    await failed.write(Buffer.from("garbage\nmore garbage\n"));
    const error = await failed.finish().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid", field: "file" });
    await failed.fail(error);
    const [row] = await listRegistries(db, NOW);
    expect(row).toMatchObject({ numberCount: 2, upload: { state: "FAILED", error: expect.stringContaining("No valid 10-digit number") } });
    expect((await readRegistryFacts(db, "+13125550144"))?.registries[0]?.listed).toBe(true);
  });

  it("keeps each tenant's registries its own", async () => {
    expect(await other.dncRegistry.count()).toBe(0);
    expect(await readRegistryFacts(other, "+13125550144")).toEqual({ canadian: false, registries: [] });
  });
});

describe("the outbound gate with registries", () => {
  it("blocks a US number on the national registry unless its consent basis exempts it", async () => {
    await upload(db, "US_NATIONAL", "3125550142\n");
    const deal = await dealWith(US_PHONE, "IL");
    const blocked = await send(deal.id);
    expect(blocked).toMatchObject({ status: "BLOCKED", gate: "dnc_registry", reason: "dnc_national" });
    if (blocked.status === "BLOCKED") expect(blocked.fix.message).toContain("US_NATIONAL");
    await db.contactConsent.updateMany({ where: { address: US_PHONE }, data: { basis: "ESTABLISHED_RELATIONSHIP", givenAt: daysBefore(100) } });
    expect(await send(deal.id)).toMatchObject({ status: "BLOCKED", reason: "dnc_national" });
    await db.contactConsent.updateMany({ where: { address: US_PHONE }, data: { basis: "ESTABLISHED_RELATIONSHIP", givenAt: daysBefore(30) } });
    expect(await send(deal.id)).toMatchObject({ status: "SENT" });
    await db.contactConsent.updateMany({ where: { address: US_PHONE }, data: { basis: "PRIOR_EXPRESS_WRITTEN", givenAt: daysBefore(400) } });
    expect(await send(deal.id)).toMatchObject({ status: "SENT" });
  });

  it("blocks a number on the litigator list whatever its consent", async () => {
    await upload(db, "LITIGATOR", "312-555-0142\n");
    const deal = await db.deal.findFirstOrThrow({ where: { contactPhone: US_PHONE } });
    expect(await send(deal.id)).toMatchObject({ status: "BLOCKED", gate: "dnc_registry", reason: "dnc_litigator" });
    expect(await decideCallRegistries(db, US_PHONE, NOW)).toMatchObject({ allowed: false, reason: "dnc_litigator" });
  });

  it("shows the VA the registry's refusal instead of the tel: link on a call task for a listed number", async () => {
    const listed = await db.deal.findFirstOrThrow({ where: { contactPhone: US_PHONE } });
    const clear = await dealWith("+13125550177", "IL");
    const [onList, offList] = await Promise.all(
      [listed, clear].map((deal) => db.followUpTask.create({ data: { dealId: deal.id, step: 2, channel: "CALL", dueAt: NOW } as never })),
    );
    const blocked = await getTaskDetail(db, onList!.id, NOW);
    expect(blocked?.registryBlock).toMatchObject({ message: expect.stringContaining("litigator list"), fixHref: "/settings/compliance/registries" });
    expect((await getTaskDetail(db, offList!.id, NOW))?.registryBlock).toBeNull();
  });

  it("refuses Canadian numbers without a DNCL copy, with a stale one, and allows them with a fresh one", async () => {
    const deal = await dealWith(CA_PHONE, "ON");
    const missing = await send(deal.id);
    expect(missing).toMatchObject({ status: "BLOCKED", reason: "dncl_missing" });
    if (missing.status === "BLOCKED") expect(missing.fix.fixHref).toBe("/settings/compliance/registries");
    await upload(db, "CA_NATIONAL", "6045550100\n", daysBefore(32));
    const stale = await send(deal.id);
    expect(stale).toMatchObject({ status: "BLOCKED", reason: "dncl_stale" });
    if (stale.status === "BLOCKED") expect(stale.fix.message).toContain("32 days");
    expect(await decideCallRegistries(db, CA_PHONE, NOW)).toMatchObject({ allowed: false, reason: "dncl_stale" });
    await upload(db, "CA_NATIONAL", "6045550100\n", daysBefore(31));
    expect(await send(deal.id)).toMatchObject({ status: "SENT" });
    expect(await decideCallRegistries(db, CA_PHONE, NOW)).toEqual({ allowed: true });
    // A US number is not held to the DNCL's age.
    expect(await decideCallRegistries(db, "+12125550100", new Date(NOW.getTime() + 60 * 86_400_000))).toEqual({ allowed: true });
  });

  it("removing the DNCL copy, audited, refuses Canadian numbers again; no removal while an upload runs", async () => {
    const dncl = await db.dncRegistry.findFirstOrThrow({ where: { kind: "CA_NATIONAL" } });
    const running = await startRegistryLoad(db, { kind: "CA_NATIONAL", name: dncl.name, downloadedAt: null, totalBytes: 11 }, ctx, NOW);
    await expect(removeRegistry(db, { registryId: dncl.id }, ctx, NOW)).rejects.toMatchObject({ code: "conflict" });
    await running.fail(new Error("cancelled"));
    expect(await removeRegistry(db, { registryId: dncl.id }, ctx, NOW)).toMatchObject({ id: dncl.id, kind: "CA_NATIONAL" });
    expect(await db.dncRegistryBlock.count({ where: { registryId: dncl.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dnc_registry.removed", entityId: dncl.id } });
    expect(audit.before).toMatchObject({ kind: "CA_NATIONAL", numberCount: 1 });
    expect(await decideCallRegistries(db, CA_PHONE, NOW)).toMatchObject({ allowed: false, reason: "dncl_missing" });
    await expect(removeRegistry(db, { registryId: dncl.id }, ctx, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeRegistry(other, { registryId: (await db.dncRegistry.findFirstOrThrow()).id }, ctx, NOW)).rejects.toMatchObject({ code: "not_found" });
  });
});
