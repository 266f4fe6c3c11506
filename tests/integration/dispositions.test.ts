import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createDeal } from "@/lib/deals/create";
import { DealCreateInput } from "@/lib/deals/schema";
import { GET as getBuyerPage, POST as postBuyerPage } from "@/app/b/[token]/route";
import { actOnBuyerPage } from "@/lib/dispositions/buyer-page";
import { hashBuyerLinkToken, issueBuyerDealLinks, resolveBuyerDealLink, revokeBuyerDealLink } from "@/lib/dispositions/links";
import { BUYER_LINK_RATE } from "@/lib/dispositions/limits";
import { acceptOffer, advanceDisposition, declineOffer, listOffers, recordOfferByTeam, updateDealBuyerTerms } from "@/lib/dispositions/service";
import { DealBuyerTermsInput } from "@/lib/dispositions/schema";
import { recordBuyerFeedback } from "@/lib/buyers/feedback";
import { bestBuyersForDeal } from "@/lib/buyers/performance";
import { fieldErrors, toFieldIssues } from "@/lib/http/result";
import { changeDealStatus } from "@/lib/deals/workflow";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { PUBLIC_IP_RATES } from "@/lib/plans/plans";
import { NextRequest } from "next/server";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
let ctx: { actorId: string; actorEmail: string; requestId: string };
let street = 100;
const BASE = "https://app.example.test";

const newDeal = async (target: TenantDb = db, extra: Record<string, unknown> = {}) =>
  createDeal(target, ctx, DealCreateInput.parse({ street: `${street++} Beale St`, city: "Memphis", region: "TN", postalCode: "38103", askingPrice: "90000", arv: "200000", repairs: "20000", ...extra }));
const newBuyer = (target: TenantDb = db, name = "Cash Carl") => target.buyer.create({ data: { name, phones: ["+19015550199"], emails: [], postalCodes: ["38103"] } });
const tokenOf = (url: string) => url.split("/b/")[1];

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = { email: "owner@dispo.test", name: "Olive Owner", password: "a-long-password-1", role: "owner" as const };
  const a = await provisionTenant(database.prisma, { slug: "dispo-a", name: "A", timeZone: "America/Chicago", country: "US" }, [owner]);
  const b = await provisionTenant(database.prisma, { slug: "dispo-b", name: "B", timeZone: "America/Chicago", country: "US" }, [{ ...owner, email: "o@dispo-b.test" }]);
  db = scopeToTenant(database.prisma, a.id);
  other = scopeToTenant(database.prisma, b.id);
  const user = await database.prisma.user.findFirstOrThrow({ where: { email: owner.email } });
  ctx = { actorId: user.id, actorEmail: owner.email, requestId: "req-dispo" };
});
afterAll(() => database.close());

describe("buyer deal links", () => {
  it("stores the token's hash only, one link per deal and buyer, with the expiry asked", async () => {
    const deal = await newDeal();
    const [carl, dana] = [await newBuyer(), await newBuyer(db, "Dana Deals")];
    const now = new Date("2026-12-01T12:00:00Z");
    const urls = await db.$transaction((tx) => issueBuyerDealLinks(tx, { dealId: deal.id, buyerIds: [carl.id, dana.id, carl.id], ttlDays: 14, baseUrl: `${BASE}/` }, now));
    expect([...urls.keys()].sort()).toEqual([carl.id, dana.id].sort());
    const url = urls.get(carl.id)!;
    expect(url).toMatch(/^https:\/\/app\.example\.test\/b\/[A-Za-z0-9_-]{43}$/);
    const links = await db.buyerDealLink.findMany({ where: { dealId: deal.id } });
    expect(links).toHaveLength(2);
    const token = tokenOf(url);
    const stored = links.find((l) => l.buyerId === carl.id)!;
    expect(stored.tokenHash).toBe(hashBuyerLinkToken(token));
    expect(JSON.stringify(links)).not.toContain(token);
    expect(stored.expiresAt.toISOString()).toBe("2026-12-15T12:00:00.000Z");
  });

  it("resolves a live token to its workspace and link; expiry, revocation and unknown tokens refuse", async () => {
    const deal = await newDeal();
    const carl = await newBuyer();
    const now = new Date();
    const urls = await db.$transaction((tx) => issueBuyerDealLinks(tx, { dealId: deal.id, buyerIds: [carl.id], ttlDays: 1, baseUrl: BASE }, now));
    const token = tokenOf(urls.get(carl.id)!);
    const live = await resolveBuyerDealLink(token, now);
    expect(live.ok && live.value.db.tenantId).toBe(db.tenantId);
    expect(live.ok && live.value.link).toMatchObject({ dealId: deal.id, buyerId: carl.id });
    expect(await resolveBuyerDealLink(token, new Date(now.getTime() + 2 * 86_400_000))).toEqual({ ok: false, refusal: "expired" });
    expect(await resolveBuyerDealLink("x".repeat(43))).toEqual({ ok: false, refusal: "unknown" });
    expect(await resolveBuyerDealLink("not a token")).toEqual({ ok: false, refusal: "unknown" });

    const linkId = live.ok ? live.value.link.id : "";
    await revokeBuyerDealLink(db, linkId, ctx);
    expect(await resolveBuyerDealLink(token)).toEqual({ ok: false, refusal: "revoked" });
    expect(await db.auditEvent.count({ where: { action: "buyer_link.revoked", entityId: linkId } })).toBe(1);
    // Another workspace cannot revoke (or see) this link.
    await expect(revokeBuyerDealLink(other, linkId, ctx)).rejects.toMatchObject({ code: "not_found" });
    expect(await other.buyerDealLink.count()).toBe(0);
  });

  it("re-issuing refreshes the expiry, lifts a revocation and retires the old token", async () => {
    const deal = await newDeal();
    const carl = await newBuyer();
    const first = tokenOf((await db.$transaction((tx) => issueBuyerDealLinks(tx, { dealId: deal.id, buyerIds: [carl.id], ttlDays: 2, baseUrl: BASE }))).get(carl.id)!);
    const resolved = await resolveBuyerDealLink(first);
    await revokeBuyerDealLink(db, resolved.ok ? resolved.value.link.id : "", ctx);
    const second = tokenOf((await db.$transaction((tx) => issueBuyerDealLinks(tx, { dealId: deal.id, buyerIds: [carl.id], ttlDays: 30, baseUrl: BASE }))).get(carl.id)!);
    expect(second).not.toBe(first);
    expect(await resolveBuyerDealLink(first)).toEqual({ ok: false, refusal: "unknown" });
    const again = await resolveBuyerDealLink(second);
    expect(again.ok).toBe(true);
    expect(again.ok && again.value.link.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(await db.buyerDealLink.count({ where: { dealId: deal.id } })).toBe(1);
  });
});

const linkFor = async (dealId: string, buyerId: string, target: TenantDb = db, ttlDays = 14) =>
  tokenOf((await target.$transaction((tx) => issueBuyerDealLinks(tx, { dealId, buyerIds: [buyerId], ttlDays, baseUrl: BASE }))).get(buyerId)!);
const resolved = async (token: string) => {
  const result = await resolveBuyerDealLink(token);
  if (!result.ok) throw new Error(`link refused: ${result.refusal}`);
  return result.value.link;
};
const kinds = async (buyerId: string, dealId: string) =>
  (await db.buyerFeedbackEvent.findMany({ where: { buyerId, dealId }, orderBy: { occurredAt: "asc" } })).map((e) => e.kind);

let ip = 1;
function page(method: "GET" | "POST", token: string, options: { form?: Record<string, string>; from?: string; query?: string } = {}) {
  const request = new NextRequest(`http://localhost/b/${token}${options.query ?? ""}`, {
    method,
    headers: { [PEER_ADDRESS_HEADER]: options.from ?? `10.9.0.${ip++}`, ...(options.form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: options.form ? new URLSearchParams(options.form).toString() : undefined,
  });
  return (method === "GET" ? getBuyerPage : postBuyerPage)(request, { params: Promise.resolve({ token }) });
}

describe("offers and the disposition stages", () => {
  it("accepts an offer: OFFER_ACCEPTED, the buyer assigned, fee = offer - contract price; the others stay pending", async () => {
    const deal = await newDeal(); // askingPrice 90,000: the contract price
    const [carl, dana] = [await newBuyer(), await newBuyer(db, "Dana Deals")];
    const link = await resolved(await linkFor(deal.id, carl.id));
    const { offerId } = await actOnBuyerPage(db, link, { intent: "offer", amount: 105_000, proofOfFunds: "Bank letter", closingDate: undefined, note: undefined });
    const phoned = await recordOfferByTeam(db, { dealId: deal.id, buyerId: dana.id, amount: 100_000, proofOfFunds: undefined, closingDate: undefined, note: "called in" }, ctx);
    expect((await listOffers(db, deal.id)).map((o) => [o.buyerName, o.amount, o.status, o.fromBuyerPage])).toEqual([
      ["Dana Deals", 100_000, "PENDING", false],
      ["Cash Carl", 105_000, "PENDING", true],
    ]);

    expect(await acceptOffer(db, offerId!, ctx)).toEqual({ dealId: deal.id, assignmentFee: 15_000 });
    const after = await db.deal.findFirstOrThrow({ where: { id: deal.id } });
    expect(after).toMatchObject({ dispositionStage: "OFFER_ACCEPTED", assignedBuyerId: carl.id, assignmentFee: 15_000 });
    const offers = await listOffers(db, deal.id);
    expect(offers.map((o) => [o.id, o.status])).toEqual([[offerId, "ACCEPTED"], [phoned.offerId, "PENDING"]]);
    await expect(acceptOffer(db, phoned.offerId, ctx)).rejects.toMatchObject({ code: "conflict" });
    await expect(acceptOffer(db, offerId!, ctx)).rejects.toMatchObject({ code: "conflict" });
    expect(await declineOffer(db, phoned.offerId, ctx)).toEqual({ dealId: deal.id });
    expect(await db.auditEvent.count({ where: { entity: "Deal", entityId: deal.id, action: "deal.disposition_changed" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: { in: ["buyer_offer.accepted", "buyer_offer.declined"] } } })).toBeGreaterThanOrEqual(2);
    expect(await kinds(carl.id, deal.id)).toEqual(["OFFERED"]);
    expect(await kinds(dana.id, deal.id)).toEqual(["OFFERED"]);
  });

  it("refuses an offer below the contract price and a stage the rules do not allow", async () => {
    const deal = await newDeal();
    const carl = await newBuyer();
    const low = await recordOfferByTeam(db, { dealId: deal.id, buyerId: carl.id, amount: 80_000, proofOfFunds: undefined, closingDate: undefined, note: undefined }, ctx);
    await expect(acceptOffer(db, low.offerId, ctx)).rejects.toMatchObject({ code: "invalid", field: "offerId" });
    await expect(advanceDisposition(db, deal.id, "OFFER_ACCEPTED", ctx)).rejects.toMatchObject({ code: "conflict" });
    await expect(advanceDisposition(db, deal.id, "CLOSED", ctx)).rejects.toMatchObject({ code: "conflict" });
    await expect(recordOfferByTeam(other, { dealId: deal.id, buyerId: carl.id, amount: 95_000, proofOfFunds: undefined, closingDate: undefined, note: undefined }, ctx)).rejects.toMatchObject({ code: "not_found" });
    expect(await advanceDisposition(db, deal.id, "MARKETED", ctx)).toEqual({ stage: "MARKETED" });
  });

  it("assigns once under contract and closes: the deal CLOSED with its fee, BOUGHT recorded once for the buyer", async () => {
    const deal = await newDeal();
    const carl = await newBuyer();
    await advanceDisposition(db, deal.id, "MARKETED", ctx);
    const { offerId } = await recordOfferByTeam(db, { dealId: deal.id, buyerId: carl.id, amount: 112_500, proofOfFunds: "cash", closingDate: undefined, note: undefined }, ctx);
    await acceptOffer(db, offerId, ctx);
    // Assigning needs the seller's contract first.
    await expect(advanceDisposition(db, deal.id, "ASSIGNED", ctx)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Under contract") });
    await changeDealStatus(db, ctx, { dealIds: [deal.id], to: "CONTACTED" });
    await changeDealStatus(db, ctx, { dealIds: [deal.id], to: "UNDER_CONTRACT" });
    await advanceDisposition(db, deal.id, "ASSIGNED", ctx);
    await advanceDisposition(db, deal.id, "CLOSED", ctx);
    const closed = await db.deal.findFirstOrThrow({ where: { id: deal.id } });
    expect(closed).toMatchObject({ status: "CLOSED", dispositionStage: "CLOSED", assignmentFee: 22_500, assignedBuyerId: carl.id });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(await kinds(carl.id, deal.id)).toEqual(["OFFERED", "BOUGHT"]);
    const bought = await db.buyerFeedbackEvent.findFirstOrThrow({ where: { buyerId: carl.id, dealId: deal.id, kind: "BOUGHT" } });
    expect(bought.data).toMatchObject({ offerId, amount: 112_500, assignmentFee: 22_500 });
    await expect(advanceDisposition(db, deal.id, "CLOSED", ctx)).rejects.toMatchObject({ code: "conflict" });
    await expect(advanceDisposition(db, deal.id, "MARKETED", ctx)).rejects.toMatchObject({ code: "conflict" });
  });

  it("a buyer who falls through puts the deal back on the market: offer withdrawn, buyer and fee cleared", async () => {
    const deal = await newDeal();
    const carl = await newBuyer();
    const { offerId } = await recordOfferByTeam(db, { dealId: deal.id, buyerId: carl.id, amount: 95_000, proofOfFunds: undefined, closingDate: undefined, note: undefined }, ctx);
    await acceptOffer(db, offerId, ctx);
    await advanceDisposition(db, deal.id, "MARKETED", ctx);
    expect(await db.deal.findFirstOrThrow({ where: { id: deal.id } })).toMatchObject({ dispositionStage: "MARKETED", assignedBuyerId: null, assignmentFee: null });
    expect((await db.buyerOffer.findFirstOrThrow({ where: { id: offerId } })).status).toBe("WITHDRAWN");
  });
});

describe("the public buyer deal page", () => {
  it("shows the deal without the street by default, records one VIEWED per hour, takes an offer with field errors first", async () => {
    const deal = await newDeal(db, { street: "742 Evergreen Ter" });
    const carl = await newBuyer();
    const token = await linkFor(deal.id, carl.id);
    const first = await page("GET", token);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/html");
    const body = await first.text();
    expect(body).toContain("Memphis, TN 38103");
    expect(body).toContain("$90,000");
    expect(body).not.toContain("Evergreen");
    expect((await page("GET", token)).status).toBe(200);
    expect(await kinds(carl.id, deal.id)).toEqual(["VIEWED"]);
    expect((await db.buyerDealLink.findFirstOrThrow({ where: { dealId: deal.id } })).views).toBe(2);

    const invalid = await page("POST", token, { form: { intent: "offer", amount: "lots", proofOfFunds: "" } });
    expect(invalid.status).toBe(422);
    const errors = await invalid.text();
    expect(errors).toContain('id="offer-amount-error"');
    expect(errors).toContain('value="lots"');
    expect(errors).toContain("Say how you will pay");

    const sent = await page("POST", token, { form: { intent: "offer", amount: "$101k", proofOfFunds: "Chase letter" } });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/b/${token}?done=offer`);
    expect((await listOffers(db, deal.id)).map((o) => o.amount)).toEqual([101_000]);
    expect((await page("POST", token, { form: { intent: "interested" } })).status).toBe(303);
    expect((await page("POST", token, { form: { intent: "pass", reason: "PRICE", note: "too thin" } })).status).toBe(303);
    expect(await kinds(carl.id, deal.id)).toEqual(["VIEWED", "OFFERED", "RESPONDED", "PASSED"]);
    const passed = await db.buyerFeedbackEvent.findFirstOrThrow({ where: { buyerId: carl.id, kind: "PASSED" } });
    expect(passed.data).toMatchObject({ reason: "PRICE", note: "too thin" });

    await db.buyerSettings.upsert({ where: { tenantId: db.tenantId }, create: { showStreetToBuyers: true }, update: { showStreetToBuyers: true } });
    expect(await (await page("GET", token)).text()).toContain("742 Evergreen Ter");
    await db.buyerSettings.update({ where: { tenantId: db.tenantId }, data: { showStreetToBuyers: false } });
  });

  it("shows the terms and closing date the team saved, audited; a bad date is a field error", async () => {
    const deal = await newDeal();
    const carl = await newBuyer();
    const token = await linkFor(deal.id, carl.id);
    const before = await (await page("GET", token)).text();
    expect(before).not.toContain("<dt>Terms</dt>");
    expect(before).not.toContain("Closing by");

    const closing = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const input = DealBuyerTermsInput.parse({ dealId: deal.id, buyerTerms: "$5,000 EMD <non-refundable>, 7-day inspection", targetClosingDate: closing });
    expect(await updateDealBuyerTerms(db, input, ctx)).toEqual({ buyerTerms: "$5,000 EMD <non-refundable>, 7-day inspection", targetClosingDate: closing });
    const stored = await db.deal.findUniqueOrThrow({ where: { id: deal.id }, select: { buyerTerms: true, targetClosingDate: true } });
    expect(stored.targetClosingDate?.toISOString()).toBe(`${closing}T00:00:00.000Z`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "deal.buyer_terms_changed", entityId: deal.id } });
    expect(audit.before).toEqual({ buyerTerms: null, targetClosingDate: null });
    expect(audit.after).toEqual({ buyerTerms: stored.buyerTerms, targetClosingDate: closing });

    const html = await (await page("GET", token)).text();
    expect(html).toContain("<dt>Terms</dt><dd>$5,000 EMD &lt;non-refundable&gt;, 7-day inspection</dd>");
    expect(html).toContain(`<dt>Closing by</dt><dd>${closing}</dd>`);

    // Blank fields clear both.
    await updateDealBuyerTerms(db, DealBuyerTermsInput.parse({ dealId: deal.id, buyerTerms: " ", targetClosingDate: "" }), ctx);
    expect(await db.deal.findUniqueOrThrow({ where: { id: deal.id }, select: { buyerTerms: true, targetClosingDate: true } })).toEqual({ buyerTerms: null, targetClosingDate: null });
    expect(await (await page("GET", token)).text()).not.toContain("Closing by");

    for (const bad of ["2026-02-30", "next week", "1999-01-01"]) {
      const parsed = DealBuyerTermsInput.safeParse({ dealId: deal.id, buyerTerms: "x", targetClosingDate: bad });
      expect(parsed.success).toBe(false);
      const errors = fieldErrors(parsed.success ? [] : toFieldIssues(parsed.error));
      expect(Object.keys(errors)).toEqual(["targetClosingDate"]);
    }
    await expect(updateDealBuyerTerms(other, input, ctx)).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers 410 for a revoked or expired link and 404 for an unknown token", async () => {
    const deal = await newDeal();
    const carl = await newBuyer();
    const token = await linkFor(deal.id, carl.id);
    const link = await resolved(token);
    await revokeBuyerDealLink(db, link.id, ctx);
    const revoked = await page("GET", token);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain("withdrawn");
    expect((await page("POST", token, { form: { intent: "interested" } })).status).toBe(410);

    const dana = await newBuyer(db, "Dana Deals");
    const expiring = await linkFor(deal.id, dana.id);
    await db.buyerDealLink.updateMany({ where: { dealId: deal.id, buyerId: dana.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await page("GET", expiring);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("expired");
    expect((await page("GET", "A".repeat(43))).status).toBe(404);
    expect(await kinds(dana.id, deal.id)).toEqual([]);
  });

  it("another workspace's token opens only its own deal, and its link is out of reach of this workspace", async () => {
    const theirs = await newDeal(other, { street: "9 Other Rd", city: "Nashville", postalCode: "37201", askingPrice: "123456" });
    const theirBuyer = await newBuyer(other, "Their Buyer");
    const token = await linkFor(theirs.id, theirBuyer.id, other);
    const opened = await resolveBuyerDealLink(token);
    expect(opened.ok && opened.value.db.tenantId).toBe(other.tenantId);
    const body = await (await page("GET", token)).text();
    expect(body).toContain("Nashville");
    expect(body).toContain("$123,456");
    expect(await db.buyerDealLink.count({ where: { dealId: theirs.id } })).toBe(0);
    const link = await resolved(token);
    await expect(revokeBuyerDealLink(db, link.id, ctx)).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptOffer(db, (await recordOfferByTeam(other, { dealId: theirs.id, buyerId: theirBuyer.id, amount: 130_000, proofOfFunds: undefined, closingDate: undefined, note: undefined }, ctx)).offerId, ctx)).rejects.toMatchObject({ code: "not_found" });
  });

  it("is rate limited per link and per address, with Retry-After", async () => {
    const deal = await newDeal();
    const carl = await newBuyer();
    const token = await linkFor(deal.id, carl.id);
    const statuses: number[] = [];
    for (let i = 0; i < BUYER_LINK_RATE.capacity + 1; i++) statuses.push((await page("GET", token)).status);
    expect(statuses.slice(0, BUYER_LINK_RATE.capacity).every((s) => s === 200)).toBe(true);
    const limited = await page("GET", token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    const from = "10.77.0.1";
    const unknown = "B".repeat(43);
    for (let i = 0; i < PUBLIC_IP_RATES.publicPage.capacity; i++) expect((await page("GET", unknown, { from })).status).toBe(404);
    const refused = await page("GET", unknown, { from });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
  });
});

describe("best buyers on the deal's Buyers tab", () => {
  it("ranks the deal's ZIP by tier, purchases and responses, top five; a deal without a postal code has no card", async () => {
    const { id } = await newDeal(db, { postalCode: "38117-2201" });
    const deal = await db.deal.findUniqueOrThrow({ where: { id }, select: { id: true, postalCode: true } });
    const now = new Date();
    const empty = await bestBuyersForDeal(db, deal, now);
    expect(empty).toEqual({ postalCode: "38117", buyers: [] });

    const buyer = (name: string, data: Record<string, unknown> = {}) => db.buyer.create({ data: { name, phones: [], emails: [], postalCodes: ["75201"], ...data } });
    const bought = await buyer("Bo Bought", { tier: "B", tierIsNew: false });
    const answered = await buyer("Ann Answered", { tier: "B", tierIsNew: false });
    const star = await buyer("Ace Alpha", { tier: "A", tierIsNew: false });
    const boxOnly = await buyer("Box Only", { postalCodes: ["38117"] });
    await buyer("Idle Elsewhere");
    await buyer("Gone Inactive", { status: "INACTIVE", postalCodes: ["38117"] });
    for (let i = 0; i < 4; i++) await buyer(`Filler ${i}`, { postalCodes: ["38117"] });
    await db.$transaction((tx) =>
      recordBuyerFeedback(tx, [
        { buyerId: bought.id, dealId: deal.id, kind: "BOUGHT", dedupeKey: "best:bought", occurredAt: now },
        { buyerId: answered.id, dealId: deal.id, kind: "RESPONDED", dedupeKey: "best:answered", occurredAt: now },
        { buyerId: star.id, dealId: deal.id, kind: "OFFERED", dedupeKey: "best:star", occurredAt: now },
      ]),
    );

    const best = await bestBuyersForDeal(db, deal, now);
    expect(best.postalCode).toBe("38117");
    expect(best.buyers).toHaveLength(5);
    expect(best.buyers.slice(0, 3).map((b) => [b.name, b.tier, b.purchases, b.responses])).toEqual([
      ["Ace Alpha", "A", 0, 1],
      ["Bo Bought", "B", 1, 1],
      ["Ann Answered", "B", 0, 1],
    ]);
    expect(best.buyers.map((b) => b.name)).not.toContain("Gone Inactive");
    expect(best.buyers.map((b) => b.name)).not.toContain("Idle Elsewhere");
    expect(boxOnly.id).toBeTruthy();

    // Another workspace's buyers and history stay out.
    expect((await bestBuyersForDeal(other, deal, now)).buyers).toEqual([]);
    expect(await bestBuyersForDeal(db, { postalCode: null }, now)).toEqual({ postalCode: null, buyers: [] });
  });
});
