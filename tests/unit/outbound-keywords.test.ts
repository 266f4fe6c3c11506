import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keywordConfirmation, parseKeyword } from "@/lib/outbound/keywords";

const US = { canadian: false };
const CA = { canadian: true };

describe("parseKeyword", () => {
  it.each(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"])("%s opts out", (word) => {
    expect(parseKeyword(word, US)).toEqual({ action: "opt_out", keyword: word });
  });

  it.each(["START", "UNSTOP"])("%s opts in", (word) => {
    expect(parseKeyword(word, US)).toEqual({ action: "opt_in", keyword: word });
  });

  it("ignores case, surrounding whitespace and punctuation", () => {
    for (const body of ["stop", " Stop ", "STOP!", "stop.", "\n\tSTOP\n", "'stop'", "Stop 🛑", "¡STOP!", "...quit..."]) {
      expect(parseKeyword(body, US)?.action, body).toBe("opt_out");
    }
    expect(parseKeyword("  start!! ", US)).toEqual({ action: "opt_in", keyword: "START" });
  });

  it("treats a keyword inside a sentence as an ordinary reply", () => {
    for (const body of ["Please stop texting me", "stop it", "don't stop", "STOP STOP", "stops", "s t o p", "", "   ", "unstoppable", "START over?"]) {
      expect(parseKeyword(body, US), body).toBeNull();
    }
  });

  it("honours ARRET (with or without accent) only for Canadian contacts", () => {
    for (const body of ["ARRET", "arrêt", "Arrêt.", " ARRÊT "]) {
      expect(parseKeyword(body, CA), body).toEqual({ action: "opt_out", keyword: "ARRET" });
      expect(parseKeyword(body, US), body).toBeNull();
    }
    expect(parseKeyword("STOP", CA)).toEqual({ action: "opt_out", keyword: "STOP" });
  });

  it("property: any casing and padding of a keyword is recognized, and no multi-word text is", () => {
    const keyword = fc.constantFrom("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "START", "UNSTOP");
    const pad = fc.stringMatching(/^[ \t\n.,!?"'()-]{0,4}$/);
    fc.assert(
      fc.property(keyword, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), pad, pad, (word, upper, before, after) => {
        const cased = [...word].map((c, i) => (upper[i] ? c : c.toLowerCase())).join("");
        expect(parseKeyword(`${before}${cased}${after}`, US)?.keyword).toBe(word);
      }),
    );
    fc.assert(
      fc.property(keyword, fc.stringMatching(/^[a-z]{1,8}$/), (word, other) => {
        expect(parseKeyword(`${word} ${other}`, US)).toBeNull();
      }),
    );
  });

  it("confirms in the contact's language for ARRET", () => {
    expect(keywordConfirmation({ action: "opt_out", keyword: "STOP" }, "Acme")).toMatch(/^Acme: you are unsubscribed/);
    expect(keywordConfirmation({ action: "opt_out", keyword: "ARRET" }, "Acme")).toMatch(/désabonné/);
    expect(keywordConfirmation({ action: "opt_in", keyword: "START" }, "Acme")).toMatch(/subscribed again/);
  });
});
