import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideMailPiece, type MailFacts } from "@/lib/mail/gates";
import { estimateMailCost, priceToCents } from "@/lib/mail/pricing";
import { parseReturnAddress } from "@/lib/mail/return-address";
import { addBusinessDays, advanceMailStatus, expectedLocalDelivery, lobEventState, type MailStatus } from "@/lib/mail/states";
import { verifyMailingAddress, type MailingAddress } from "@/lib/mail/verify-address";
import { isFreshLobTimestamp, isValidLobSignature, lobSignature } from "@/lib/providers/lob";
import { createHmac } from "node:crypto";

const us = (over: Partial<MailingAddress>): MailingAddress => ({ toName: "Maria Lopez", addressLine1: "1 Main St", city: "Atlanta", region: "GA", postalCode: "30301", country: "US", ...over });
const ca = (over: Partial<MailingAddress>): MailingAddress => ({ toName: "Luc Tremblay", addressLine1: "1 rue Principale", city: "Montréal", region: "QC", postalCode: "H3B 2Y5", country: "CA", ...over });

describe("address verification from the postal data", () => {
  it.each([
    ["the ZIP's own city", us({}), null],
    ["case and state name", us({ city: "ATLANTA", region: "Georgia" }), null],
    ["a ZIP+4", us({ postalCode: "30301-1234" }), null],
    ["Saint abbreviated", us({ city: "St. Louis", region: "MO", postalCode: "63101" }), null],
    ["a city the ZIP is not in", us({ city: "Macon" }), "ZIP 30301 is in Atlanta, GA, not Macon, GA"],
    ["a state the ZIP is not in", us({ region: "AL" }), "ZIP 30301 is in Atlanta, GA, not Atlanta, AL"],
    ["a ZIP that does not exist", us({ postalCode: "00000" }), "ZIP 00000 does not exist"],
    ["a malformed code", us({ postalCode: "ABC" }), "ABC is not a US ZIP or a Canadian postal code"],
    ["a Canadian code for a US address", us({ postalCode: "M5V 3L9" }), "M5V 3L9 is a Canadian postal code, but the country is US"],
    ["Montreal with its accent", ca({}), null],
    ["Montreal without it", ca({ city: "Montreal", region: "Quebec" }), null],
    ["a suburb in the FSA's market", ca({ city: "Mississauga", region: "ON", postalCode: "L5B 1M2" }), null],
    ["a province the FSA is not in", ca({ region: "ON" }), "Postal code H3B 2Y5 is in Montreal, QC, not Montréal, ON"],
    ["a city the FSA is not in", ca({ city: "Quebec City" }), "Postal code H3B 2Y5 is in Montreal, QC, not Quebec City, QC"],
    ["a missing name", us({ toName: " " }), "Enter who the piece is addressed to"],
  ])("%s", (_name, address, reason) => {
    const result = verifyMailingAddress(address);
    if (reason === null) expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, reason });
  });
});

describe("cost", () => {
  it.each([
    ["POSTCARD", "US", 69],
    ["POSTCARD", "CA", 129],
    ["LETTER", "US", 109],
    ["LETTER", "CA", 189],
  ] as const)("a %s to %s costs %i cents", (kind, country, cents) => expect(estimateMailCost(kind, country)).toBe(cents));
  it.each([["0.71", 71], [1.05, 105], ["abc", null], [null, null], ["-1", null]] as const)("Lob's price %s is %s cents", (price, cents) => expect(priceToCents(price)).toBe(cents));
});

const facts = (over: Partial<MailFacts>): MailFacts => ({
  dealStatus: "NEW", onDoNotContact: false, areaBlacklist: null, verification: { ok: true, address: us({}), source: "postal-data" }, costCents: 69, usedCents: 0, budgetCents: 500, ...over,
});

describe("the mail gates", () => {
  it.each([
    ["everything in order", facts({}), null],
    ["a dead lead", facts({ dealStatus: "DEAD" }), "recipient"],
    ["do-not-contact", facts({ onDoNotContact: true }), "do_not_contact"],
    ["a blacklisted area", facts({ areaBlacklist: { areaCode: "30301", reason: "flooding" } }), "area"],
    ["an unverifiable address", facts({ verification: { ok: false, field: "city", reason: "no", source: "postal-data" } }), "address"],
    ["exactly the budget", facts({ usedCents: 431 }), null],
    ["a cent over the budget", facts({ usedCents: 432 }), "budget"],
    ["unreadable settings", facts({ budgetCents: null }), "budget"],
  ])("%s", (_name, input, gate) => {
    const decision = decideMailPiece(input);
    expect(decision.allowed ? null : decision.gate).toBe(gate);
  });
  it("never lets the month's spend pass the budget", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100_000 }), (used, cost, budget) => {
        const decision = decideMailPiece(facts({ usedCents: used, costCents: cost, budgetCents: budget }));
        expect(decision.allowed).toBe(used + cost <= budget);
      }),
      { numRuns: 200 },
    );
  });
});

const STATUSES: MailStatus[] = ["CREATED", "RENDERED", "MAILED", "IN_TRANSIT", "DELIVERED", "RETURNED", "CANCELLED", "FAILED", "BLOCKED"];

describe("state advance", () => {
  it.each([
    ["CREATED", "MAILED", "MAILED"],
    ["MAILED", "RENDERED", null],
    ["IN_TRANSIT", "IN_TRANSIT", null],
    ["IN_TRANSIT", "RETURNED", "RETURNED"],
    ["RENDERED", "RETURNED", null],
    ["DELIVERED", "RETURNED", null],
    ["RETURNED", "DELIVERED", null],
    ["CREATED", "CANCELLED", "CANCELLED"],
    ["MAILED", "CANCELLED", null],
  ] as const)("%s then %s gives %s", (from, to, result) => expect(advanceMailStatus(from, to)).toBe(result));
  it("once at an end state, nothing moves a piece", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES), { maxLength: 12 }), (events) => {
        let status: MailStatus = "CREATED";
        const seen: MailStatus[] = [];
        for (const event of events) {
          const next = advanceMailStatus(status, event);
          if (next) {
            expect(seen).not.toContain(next);
            seen.push(next);
            status = next;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
  it.each([
    ["postcard.mailed", "MAILED"],
    ["letter.in_local_area", "IN_TRANSIT"],
    ["letter.processed_for_delivery", "IN_TRANSIT"],
    ["postcard.re-routed", "IN_TRANSIT"],
    ["postcard.returned_to_sender", "RETURNED"],
    ["letter.rendered_pdf", "RENDERED"],
    ["check.mailed", null],
    ["postcard.unknown", null],
  ] as const)("Lob's %s is %s", (type, state) => expect(lobEventState(type)).toBe(state));
  it("counts business days and delivers a US piece sent Friday on the next Friday", () => {
    expect(addBusinessDays(new Date("2026-03-06T15:00:00Z"), 1)).toEqual(new Date("2026-03-09T15:00:00Z"));
    expect(expectedLocalDelivery(new Date("2026-03-06T15:00:00Z"), "US")).toEqual(new Date("2026-03-13T15:00:00Z"));
    expect(expectedLocalDelivery(new Date("2026-03-06T15:00:00Z"), "CA")).toEqual(new Date("2026-03-17T15:00:00Z"));
  });
});

describe("Lob's webhook signature", () => {
  const body = '{"id":"evt_1"}';
  it("is the hex HMAC-SHA256 of timestamp.body", () => {
    expect(lobSignature("secret", "1700000000000", body)).toBe(createHmac("sha256", "secret").update(`1700000000000.${body}`).digest("hex"));
  });
  it.each([
    ["the right secret", "secret", body, true],
    ["another secret", "other", body, false],
    ["a changed body", "secret", '{"id":"evt_2"}', false],
  ])("verifies with %s", (_name, secret, signedBody, valid) => {
    expect(isValidLobSignature("secret", "1700000000000", body, lobSignature(secret, "1700000000000", signedBody))).toBe(valid);
  });
  it("refuses a missing secret, signature or timestamp, and a stale timestamp", () => {
    expect(isValidLobSignature(null, "1", body, "ab")).toBe(false);
    expect(isValidLobSignature("secret", null, body, "ab")).toBe(false);
    expect(isValidLobSignature("secret", "1", body, "not-hex")).toBe(false);
    const now = new Date("2026-12-07T10:00:00Z");
    expect(isFreshLobTimestamp(String(now.getTime() - 60_000), now)).toBe(true);
    expect(isFreshLobTimestamp(String(Math.floor(now.getTime() / 1000)), now)).toBe(true);
    expect(isFreshLobTimestamp(String(now.getTime() - 3_600_000), now)).toBe(false);
  });
});

describe("the return address", () => {
  it.each([
    ["55 Marietta St, Atlanta, GA 30303", { addressLine1: "55 Marietta St", addressLine2: null, city: "Atlanta", region: "GA", postalCode: "30303", country: "US" }],
    ["55 Marietta St, Suite 4, Atlanta, Georgia 30303, USA", { addressLine2: "Suite 4", region: "GA" }],
    ["1 King St W\nToronto, ON M5H 1A1", { addressLine1: "1 King St W", city: "Toronto" }],
    ["1 King St W, Toronto, ON M5H 1A1", { city: "Toronto", region: "ON", postalCode: "M5H 1A1", country: "CA" }],
    ["Somewhere", null],
  ])("%s", (text, expected) => {
    const parsed = parseReturnAddress("Peach State Homes", text);
    if (expected === null) expect(parsed).toBeNull();
    else expect(parsed).toMatchObject(expected);
  });
});
