import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONSENT_BASES,
  CONSENT_CHANNELS,
  channelsForContact,
  parseBasisCell,
  parseContact,
  resolveConsentBasis,
} from "@/lib/outbound/consent-rules";

describe("parseContact", () => {
  it("reads a phone in any common writing as E.164 and an email lower-cased; anything else is null", () => {
    expect(parseContact("(416) 555-0100")).toEqual({ kind: "phone", address: "+14165550100" });
    expect(parseContact("+1 416 555 0100")).toEqual({ kind: "phone", address: "+14165550100" });
    expect(parseContact(" Jane@Example.COM ")).toEqual({ kind: "email", address: "jane@example.com" });
    for (const text of ["", "hello", "555-0100", "jane@", "@example.com", null, undefined]) expect(parseContact(text)).toBeNull();
  });
});

describe("channelsForContact", () => {
  it("maps every kind and channel: email to EMAIL, phone to SMS and CALL, a channel that does not fit to null", () => {
    const table = (["phone", "email"] as const).flatMap((kind) =>
      [undefined, ...CONSENT_CHANNELS].map((channel) => [kind, channel ?? "-", channelsForContact(kind, channel)]),
    );
    expect(table).toEqual([
      ["phone", "-", ["SMS", "CALL"]],
      ["phone", "SMS", ["SMS"]],
      ["phone", "EMAIL", null],
      ["phone", "CALL", ["CALL"]],
      ["email", "-", ["EMAIL"]],
      ["email", "SMS", null],
      ["email", "EMAIL", ["EMAIL"]],
      ["email", "CALL", null],
    ]);
  });
});

describe("resolveConsentBasis", () => {
  const wordings = [undefined, null, "", "   ", "I agree to receive texts."];

  it("an opt-out has no basis, whatever was chosen or written", () => {
    for (const basis of [undefined, null, ...CONSENT_BASES]) {
      for (const wording of wordings) expect(resolveConsentBasis({ status: "OPTED_OUT", basis, wording })).toBe("NONE");
    }
  });

  it("a consent takes the basis chosen; without one, written words make it prior express written consent", () => {
    for (const basis of CONSENT_BASES) {
      for (const wording of wordings) expect(resolveConsentBasis({ status: "OPTED_IN", basis, wording })).toBe(basis);
    }
    expect(resolveConsentBasis({ status: "OPTED_IN", wording: "I agree to receive texts." })).toBe("PRIOR_EXPRESS_WRITTEN");
    for (const wording of [undefined, null, "", "   "]) expect(resolveConsentBasis({ status: "OPTED_IN", wording })).toBe("NONE");
  });

  it("always answers one of the three bases", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("OPTED_IN" as const, "OPTED_OUT" as const),
        fc.option(fc.constantFrom(...CONSENT_BASES)),
        fc.option(fc.string()),
        (status, basis, wording) => CONSENT_BASES.includes(resolveConsentBasis({ status, basis, wording })),
      ),
      { numRuns: 300 },
    );
  });
});

describe("parseBasisCell", () => {
  it("reads the ways a list writes a basis; blank is null; anything else invalid", () => {
    const cases: [string, ReturnType<typeof parseBasisCell>][] = [
      ["PRIOR_EXPRESS_WRITTEN", "PRIOR_EXPRESS_WRITTEN"],
      ["Prior express written consent", "PRIOR_EXPRESS_WRITTEN"],
      ["pewc", "PRIOR_EXPRESS_WRITTEN"],
      ["Written", "PRIOR_EXPRESS_WRITTEN"],
      ["Established relationship", "ESTABLISHED_RELATIONSHIP"],
      ["EBR", "ESTABLISHED_RELATIONSHIP"],
      ["established business relationship", "ESTABLISHED_RELATIONSHIP"],
      ["none", "NONE"],
      ["No basis", "NONE"],
      ["", null],
      ["   ", null],
      ["maybe", "invalid"],
      ["yes", "invalid"],
    ];
    for (const [cell, expected] of cases) expect(parseBasisCell(cell), cell).toBe(expected);
  });
});
