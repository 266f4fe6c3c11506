import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchDeal } from "@/app/api/v1/deals/[dealId]/route";
import { API_SCOPES, createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createDeal } from "@/lib/deals/create";
import { editDeal } from "@/lib/deals/edit";
import { addDealNote, listDealNotes } from "@/lib/deals/notes";
import { DealCreateInput, DealStatusChangeInput } from "@/lib/deals/schema";
import { deleteDeal, listRecentlyDeletedDeals, restoreDeal } from "@/lib/deals/trash";
import { assignDealOwner, changeDealStatus, tagDeals } from "@/lib/deals/workflow";
import { startLadders } from "@/lib/ladder/lifecycle";
import { getDealDetail } from "@/lib/prospects/detail";
import { listProspects, parseProspectQuery } from "@/lib/prospects/query";
import { provisionTenant } from "@/lib/tenants/provision";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
let ctx: { actorId: string; actorEmail: string; requestId: string };
let vaId: string;
let apiKey: string;
let street = 100;

const newDeal = async (extra: Record<string, unknown> = {}) =>
  createDeal(db, ctx, DealCreateInput.parse({ street: `${street++} Beale St`, city: "Memphis", region: "TN", postalCode: "38103", askingPrice: "90000", arv: "200000", repairs: "20000", contactPhone: "+1 901 555 0100", ...extra }));

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const people = [
    { email: "owner@work.test", name: "Olive Owner", password: "a-long-password-1", role: "owner" as const },
    { email: "va@work.test", name: "Vic VA", password: "a-long-password-1", role: "va" as const },
  ];
  const a = await provisionTenant(database.prisma, { slug: "work-a", name: "A", timeZone: "America/Chicago", country: "US" }, people);
  const b = await provisionTenant(database.prisma, { slug: "work-b", name: "B", timeZone: "America/Chicago", country: "US" }, [{ ...people[0], email: "o@work-b.test" }]);
  db = scopeToTenant(database.prisma, a.id);
  other = scopeToTenant(database.prisma, b.id);
  const users = await database.prisma.user.findMany({ where: { email: { in: ["owner@work.test", "va@work.test"] } } });
  ctx = { actorId: users.find((u) => u.email === "owner@work.test")!.id, actorEmail: "owner@work.test", requestId: "req-work" };
  vaId = users.find((u) => u.email === "va@work.test")!.id;
  await upsertOfferPolicy(db, { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "test terms" }, ctx);
  apiKey = (await createApiKey(db, { name: "crm", scopes: [...API_SCOPES] }, ctx)).key;
});
afterAll(() => database.close());

const auditActions = async (dealId: string) => (await db.auditEvent.findMany({ where: { entity: "Deal", entityId: dealId }, orderBy: { createdAt: "asc" } })).map((a) => a.action);

describe("working a deal", () => {
  it("creates a deal by hand through intake: placed, underwritten, consent recorded, audited", async () => {
    const { id } = await newDeal({ ownerId: vaId, tags: "probate", consentGiven: "yes", consentSource: "phone call" });
    const deal = await db.deal.findFirstOrThrow({ where: { id } });
    expect(deal).toMatchObject({ source: "MANUAL", timeZone: "America/Chicago", status: "UNDERWRITTEN", ownerId: vaId, tags: ["probate"], mao: 117_500 });
    expect(await db.offerEvidence.count({ where: { dealId: id } })).toBe(1);
    expect(await db.contactConsent.count({ where: { address: "+19015550100", status: "OPTED_IN" } })).toBe(1);
    expect(await auditActions(id)).toEqual(["deal.created"]);
    await expect(newDeal({ street: `${street - 1} Beale St` })).rejects.toMatchObject({ code: "conflict", field: "street" });
  });

  it("stops the lead's active ladder when its status changes, and records the fee and the dates", async () => {
    const { id } = await newDeal();
    const [started] = await startLadders(db, [id], { now: new Date(), trigger: "manual", enqueue: false });
    expect(started.status).toBe("started");
    const result = await changeDealStatus(db, ctx, DealStatusChangeInput.parse({ dealIds: [id], to: "CONTACTED" }));
    expect(result).toEqual({ changed: [id], refused: [] });
    const ladder = await db.followUpLadder.findFirstOrThrow({ where: { dealId: id } });
    expect(ladder).toMatchObject({ status: "STOPPED", stopReason: "deal_status:CONTACTED" });
    expect(await db.followUpTask.count({ where: { dealId: id, status: "OPEN" } })).toBe(0);
    const event = await db.eventOutbox.findFirstOrThrow({ where: { name: "deal/status.changed", data: { path: ["dealId"], equals: id } } });
    expect(event.data).toMatchObject({ from: "UNDERWRITTEN", to: "CONTACTED", endsLadder: true });

    await changeDealStatus(db, ctx, DealStatusChangeInput.parse({ dealIds: [id], to: "UNDER_CONTRACT", assignmentFee: "12000" }));
    const contracted = await db.deal.findFirstOrThrow({ where: { id } });
    expect(contracted).toMatchObject({ status: "UNDER_CONTRACT", assignmentFee: 12_000 });
    expect(contracted.contractedAt).toBeInstanceOf(Date);
    expect(await auditActions(id)).toEqual(["deal.created", "deal.status_changed", "deal.status_changed"]);
  });

  it("refuses a move the pipeline does not allow, and DEAD without a reason names the field", async () => {
    const { id } = await newDeal();
    expect((await changeDealStatus(db, ctx, DealStatusChangeInput.parse({ dealIds: [id], to: "CLOSED" }))).refused[0].reason).toMatch(/cannot move/);
    const noReason = DealStatusChangeInput.safeParse({ dealIds: [id], to: "DEAD" });
    expect(noReason.error?.issues.map((i) => i.path.join("."))).toEqual(["reason"]);
    // Even past the schema, the rule holds.
    expect((await changeDealStatus(db, ctx, { dealIds: [id], to: "DEAD" })).refused[0].reason).toBe("Say why the deal is dead.");
    await changeDealStatus(db, ctx, { dealIds: [id], to: "DEAD", reason: "Sold to another buyer" });
    expect(await db.deal.findFirstOrThrow({ where: { id } })).toMatchObject({ status: "DEAD", statusReason: "Sold to another buyer" });
  });

  it("assigns owners only among members, tags, and tells it all on the timeline by name", async () => {
    const { id } = await newDeal();
    const stranger = (await other.membership.findFirstOrThrow()).userId;
    await expect(assignDealOwner(db, ctx, { dealIds: [id], ownerId: stranger })).rejects.toMatchObject({ field: "ownerId" });
    expect(await assignDealOwner(db, ctx, { dealIds: [id], ownerId: vaId })).toEqual({ changed: [id], refused: [] });
    await tagDeals(db, ctx, { dealIds: [id], add: ["vacant", "probate"] });
    await tagDeals(db, ctx, { dealIds: [id], remove: ["vacant"] });
    expect((await db.deal.findFirstOrThrow({ where: { id } })).tags).toEqual(["probate"]);
    await addDealNote(db, ctx, { dealId: id, body: "Seller wants to close in May" });
    const detail = await getDealDetail(db, id);
    const told = detail!.timeline.filter((e) => e.kind === "audit").map((e) => `${e.title} | ${e.detail}`);
    expect(told).toEqual(expect.arrayContaining([
      "Assigned to Vic VA | by Olive Owner",
      "Tags changed | added vacant, probate · by Olive Owner",
      "Note added | Seller wants to close in May · by Olive Owner",
    ]));
    const text = JSON.stringify(detail!.timeline.map((e) => [e.title, e.detail]));
    expect(text).not.toContain(vaId);
    expect(text).not.toContain(ctx.actorId);
  });

  it("keeps notes to their workspace", async () => {
    const { id } = await newDeal();
    await addDealNote(db, ctx, { dealId: id, body: "Private to A" });
    expect(await listDealNotes(other, id)).toEqual([]);
    expect(await other.dealNote.count()).toBe(0);
    await expect(addDealNote(other, ctx, { dealId: id, body: "From B" })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeDealStatus(other, ctx, { dealIds: [id], to: "CONTACTED" })).resolves.toMatchObject({ changed: [], refused: [{ dealId: id }] });
  });

  it("re-underwrites with a new evidence row when the price changes", async () => {
    const { id } = await newDeal();
    const result = await editDeal(db, ctx, id, { askingPrice: 80_000, contactName: "Ann Seller" });
    expect(result.changed.sort()).toEqual(["askingPrice", "contactName"]);
    expect(result.underwriting).toMatchObject({ ok: true, spread: 37_500 });
    expect(await db.offerEvidence.count({ where: { dealId: id } })).toBe(2);
    expect(await db.deal.findFirstOrThrow({ where: { id } })).toMatchObject({ askingPrice: 80_000, spread: 37_500, contactName: "Ann Seller" });
    const renamed = await editDeal(db, ctx, id, { contactName: "Ann B. Seller" });
    expect(renamed.underwriting).toBeNull();
    expect(await db.offerEvidence.count({ where: { dealId: id } })).toBe(2);
  });

  it("answers PATCH /api/v1/deals/{id}: 400 malformed, 422 naming the field, 200 with the change", async () => {
    const { id } = await newDeal();
    const path = `/api/v1/deals/${id}`;
    expect((await callRoute(patchDeal, path, { key: apiKey, method: "PATCH", body: "{oops", params: { dealId: id } })).status).toBe(400);
    const bad = await callRoute(patchDeal, path, { key: apiKey, method: "PATCH", body: { arv: -5 }, params: { dealId: id } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(["arv"]);
    const ok = await callRoute(patchDeal, path, { key: apiKey, method: "PATCH", body: { repairs: 30_000 }, params: { dealId: id } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ changed: ["repairs"], deal: { repairs: 30_000, mao: 107_500 } });
    expect(await db.offerEvidence.count({ where: { dealId: id } })).toBe(2);
    const missing = await callRoute(patchDeal, "/api/v1/deals/nope", { key: apiKey, method: "PATCH", body: { repairs: 1 }, params: { dealId: "nope" } });
    expect(missing.status).toBe(404);
  });

  it("hides a deleted deal from Prospects and stops its ladder; restores it within 30 days, audited", async () => {
    const { id } = await newDeal();
    await startLadders(db, [id], { now: new Date(), trigger: "manual", enqueue: false });
    const ids = async () => (await listProspects(db, parseProspectQuery({ pageSize: "100" }))).rows.map((r) => r.id);
    expect(await ids()).toContain(id);
    await deleteDeal(db, ctx, id);
    expect(await ids()).not.toContain(id);
    expect(await getDealDetail(db, id)).toBeNull();
    expect(await db.followUpLadder.findFirstOrThrow({ where: { dealId: id } })).toMatchObject({ status: "STOPPED", stopReason: "deal_deleted" });
    expect((await listRecentlyDeletedDeals(db)).map((d) => d.id)).toContain(id);
    await restoreDeal(db, ctx, id);
    expect(await ids()).toContain(id);
    expect((await auditActions(id)).slice(-2)).toEqual(["deal.deleted", "deal.restored"]);
  });

  it("does not restore a deal deleted more than 30 days ago", async () => {
    const { id } = await newDeal();
    const longAgo = new Date(Date.now() - 31 * 24 * 3600_000);
    await deleteDeal(db, ctx, id, longAgo);
    expect((await listRecentlyDeletedDeals(db)).map((d) => d.id)).not.toContain(id);
    await expect(restoreDeal(db, ctx, id)).rejects.toMatchObject({ code: "conflict" });
  });
});
