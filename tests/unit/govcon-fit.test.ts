import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreBidFit, type FitNotice } from "@/lib/govcon/fit";
import { DEFAULT_FIT_WEIGHTS, fitWeightOverrides, resolveFitWeights } from "@/lib/govcon/fit-weights";
import type { GovConProfileView } from "@/lib/govcon/profile-schema";
import { qualifyingProgrammes, setAsideProgramme } from "@/lib/govcon/set-aside-eligibility";

const NOW = new Date("2026-03-02T12:00:00Z");

const profile = (over: Partial<GovConProfileView> = {}): GovConProfileView => ({
  naicsCodes: ["236220", "2382"],
  pscCodes: [],
  setAsides: ["SBA"],
  keywords: ["roof", "HVAC", "renovation", "repair"],
  excludedKeywords: ["software", "aircraft"],
  states: ["OH", "IN"],
  valueMinDollars: 25_000,
  valueMaxDollars: 5_000_000,
  capabilityStatement: "",
  prepDays: 14,
  descriptionMinFit: 50,
  fitWeights: {},
  ...over,
});

const notice = (over: Partial<FitNotice> = {}): FitNotice => ({
  noticeId: "n-1",
  title: "Building 12 roof replacement",
  type: "Solicitation",
  naicsCode: "236220",
  typeOfSetAside: "SBA",
  typeOfSetAsideDescription: "Total Small Business Set-Aside (FAR 19.5)",
  responseDeadLine: "2026-03-30T17:00:00-05:00",
  placeOfPerformance: { state: { code: "OH", name: "Ohio" }, country: { code: "USA" } },
  classificationCode: "Z1AA",
  ...over,
});

const reason = (fit: ReturnType<typeof scoreBidFit>, code: string) => fit.reasons.find((r) => r.code === code);
const sum = (fit: ReturnType<typeof scoreBidFit>) => fit.reasons.reduce((total, r) => total + r.points, 0);

describe("scoreBidFit, one factor at a time", () => {
  it.each([
    ["exact NAICS", { naicsCode: "236220" }, {}, "naics-exact", 35, "NAICS 236220 is one of your codes: +35"],
    ["NAICS under a prefix", { naicsCode: "238220" }, {}, "naics-prefix", 30, "NAICS 238220 matches your 2382 prefix: +30"],
    ["NAICS outside", { naicsCode: "541511" }, {}, "naics-none", 0, "NAICS 541511 is outside your codes: +0"],
    ["NAICS outside, penalised by the tenant", { naicsCode: "541511" }, { fitWeights: { naicsNone: -15 } }, "naics-none", -15, "NAICS 541511 is outside your codes: -15"],
    ["eligible set-aside", {}, {}, "set-aside-eligible", 10, "Set aside for Total Small Business Set-Aside (FAR 19.5) (SBA), which you qualify for: +10"],
    ["open to all", { typeOfSetAside: null }, {}, "set-aside-open", 5, "Open to all businesses, no set-aside: +5"],
    ["performed in a profile state", {}, {}, "place-match", 10, "Performed in OH, one of your states: +10"],
    ["performed elsewhere", { placeOfPerformance: { state: { code: "CA" } } }, {}, "place-outside", -10, "Performed in CA, outside your states: -10"],
    ["any state when the profile lists none", { placeOfPerformance: { state: { code: "CA" } } }, { states: [] }, "place-anywhere", 10, "Performed in CA; you work anywhere: +10"],
    ["no place given", { placeOfPerformance: null }, {}, "place-unknown", 0, "No place of performance given: +0"],
    ["PSC under a profile prefix", {}, { pscCodes: ["Z"] }, "psc-match", 5, "PSC Z1AA is under your Z: +5"],
    ["PSC outside the profile", { classificationCode: "R425" }, { pscCodes: ["Y", "Z"] }, "psc-miss", -5, "PSC R425 is outside your codes: -5"],
    ["solicitation", {}, {}, "type-solicitation", 10, "A Solicitation: proposals are being taken: +10"],
    ["combined synopsis", { type: "Combined Synopsis/Solicitation" }, {}, "type-solicitation", 10, "A Combined Synopsis/Solicitation: proposals are being taken: +10"],
    ["presolicitation", { type: "Presolicitation" }, {}, "type-presolicitation", 7, "A presolicitation: a solicitation is coming: +7"],
    ["sources sought", { type: "Sources Sought" }, {}, "type-sources-sought", 4, "A sources sought notice: market research before a solicitation: +4"],
    ["special notice", { type: "Special Notice" }, {}, "type-special-notice", 1, "A special notice: information, no proposals asked: +1"],
    ["justification", { type: "Justification" }, {}, "type-other", 0, "A Justification does not ask for proposals: +0"],
    ["ample runway", {}, {}, "runway-ample", 10, "28 days to the response deadline, your proposals take 14: +10"],
    ["tight runway", { responseDeadLine: "2026-03-11" }, {}, "runway-tight", 3, "Only 8 days to the response deadline, your proposals take 14: +3"],
    ["short runway", { responseDeadLine: "2026-03-05 12:00:00+00" }, {}, "runway-short", -10, "Only 3 days to the response deadline, less than half the 14 your proposals take: -10"],
    ["no deadline", { responseDeadLine: null }, {}, "deadline-none", 0, "No response deadline given: +0"],
    ["unreadable deadline", { responseDeadLine: "next Tuesday" }, {}, "deadline-unreadable", 0, 'The response deadline "next Tuesday" could not be read: +0'],
    ["value within range", { award: { amount: "1,250,000.00" } }, {}, "value-in-range", 5, "Value $1,250,000 is within your $25,000 to $5,000,000 range: +5"],
    ["value above range", { award: { amount: 9_000_000 } }, {}, "value-outside", -10, "Value $9,000,000 is outside your $25,000 to $5,000,000 range: -10"],
    ["the team's estimate wins over nothing", { valueDollars: 10_000 }, {}, "value-outside", -10, "Value $10,000 is outside your $25,000 to $5,000,000 range: -10"],
  ] as const)("%s", (_, over, profileOver, code, points, text) => {
    const fit = scoreBidFit(notice(over as Partial<FitNotice>), profile(profileOver as Partial<GovConProfileView>), NOW);
    const found = reason(fit, code);
    expect(found, `${code} among ${fit.reasons.map((r) => r.code).join(", ")}`).toBeDefined();
    expect(found!.points).toBe(points);
    expect(found!.text).toBe(text);
  });

  it("gives no NAICS, PSC or value reason when the profile says nothing about them", () => {
    const fit = scoreBidFit(notice({ award: { amount: 50_000 } }), profile({ naicsCodes: [], pscCodes: [], valueMinDollars: null, valueMaxDollars: null }), NOW);
    expect(fit.reasons.map((r) => r.code)).not.toEqual(expect.arrayContaining(["naics-exact"]));
    expect(fit.reasons.some((r) => r.code.startsWith("naics") || r.code.startsWith("psc") || r.code.startsWith("value"))).toBe(false);
  });

  it("counts each distinct keyword once, in the title or the description, up to the cap", () => {
    const one = scoreBidFit(notice({ title: "Roof and roofing repairs", descriptionText: null }), profile({ keywords: ["roof", "Roof", "ROOF"] }), NOW);
    expect(reason(one, "keywords")).toMatchObject({ points: 5, text: 'Keyword "roof" found in the notice: +5' });
    const two = scoreBidFit(notice({ title: "Roof replacement", descriptionText: "Includes HVAC controls." }), profile(), NOW);
    expect(reason(two, "keywords")).toMatchObject({ points: 10 });
    const capped = scoreBidFit(notice({ title: "Roof renovation", descriptionText: "HVAC repair and more" }), profile(), NOW);
    expect(reason(capped, "keywords")).toMatchObject({ points: 15, text: 'Keywords "roof", "HVAC", "renovation", "repair" found in the notice (at most 15): +15' });
  });

  it("matches keywords at the start of words only", () => {
    const fit = scoreBidFit(notice({ title: "Waterproof coating for hangar", descriptionText: "" }), profile({ keywords: ["roof"] }), NOW);
    expect(reason(fit, "keywords")).toBeUndefined();
  });

  it("subtracts each excluded keyword found", () => {
    const fit = scoreBidFit(notice({ title: "Roof repair", descriptionText: "Aircraft hangar with software-controlled doors" }), profile(), NOW);
    expect(fit.reasons.filter((r) => r.code === "excluded-keyword").map((r) => r.text)).toEqual([
      'Excluded keyword "software" found in the notice: -20',
      'Excluded keyword "aircraft" found in the notice: -20',
    ]);
  });

  it("scores a notice matching on every count 100", () => {
    const fit = scoreBidFit(
      notice({ title: "Roof renovation and HVAC repair", award: { amount: 500_000 } }),
      profile({ pscCodes: ["Z"] }),
      NOW,
    );
    expect(fit.score).toBe(100);
    expect(sum(fit)).toBe(100);
  });

  it("follows the tenant's weights", () => {
    const fit = scoreBidFit(notice(), profile({ fitWeights: { naicsExact: 50 } }), NOW);
    expect(reason(fit, "naics-exact")).toMatchObject({ points: 50, text: "NAICS 236220 is one of your codes: +50" });
  });
});

describe("what disqualifies", () => {
  it.each([
    ["8(a) sole source without 8(a)", "8AN", ["SBA"], false],
    ["8(a) sole source with 8(a)", "8AN", ["8A"], true],
    ["partial small business for a small business", "SBP", ["SBA"], true],
    ["SDVOSB sole source with SDVOSB", "SDVOSBS", ["SDVOSBC"], true],
    ["VA veteran set-aside for an SDVOSB", "VSA", ["SDVOSBC"], true],
    ["VA veteran sole source for an SDVOSB", "VSS", ["SDVOSBC"], true],
    ["SDVOSB set-aside for a veteran-owned business", "SDVOSBC", ["VSA"], false],
    ["WOSB set-aside for an EDWOSB", "WOSB", ["EDWOSB"], true],
    ["EDWOSB set-aside for a WOSB", "EDWOSB", ["WOSB"], false],
    ["WOSB sole source for an EDWOSB", "WOSBSS", ["EDWOSB"], true],
    ["small business set-aside for a HUBZone business", "SBA", ["HZC"], true],
    ["HUBZone sole source for a HUBZone business", "HZS", ["HZC"], true],
    ["small business set-aside with no certification", "SBA", [], false],
    ["IEE set-aside for an ISBEE", "IEE", ["ISBEE"], true],
  ] as const)("%s", (_, code, setAsides, eligible) => {
    const fit = scoreBidFit(notice({ typeOfSetAside: code }), profile({ setAsides: [...setAsides] }), NOW);
    if (eligible) {
      expect(reason(fit, "set-aside-eligible")).toBeDefined();
      expect(fit.score).toBeGreaterThan(0);
    } else {
      expect(fit.score).toBe(0);
      expect(fit.reasons[0].code).toBe("set-aside-ineligible");
      expect(fit.reasons[0].text).toMatch(/which your profile does not hold: scores 0$/);
    }
  });

  it("scores a past deadline 0 and says when it passed", () => {
    const fit = scoreBidFit(notice({ responseDeadLine: "2026-02-27T17:00:00-05:00" }), profile(), NOW);
    expect(fit.score).toBe(0);
    expect(fit.reasons[0]).toMatchObject({ code: "deadline-passed", text: "The response deadline passed on 2026-02-27: scores 0" });
    expect(fit.reasons[0].points).toBe(-sum({ score: 0, reasons: fit.reasons.slice(1) }));
  });

  it("does not score award notices", () => {
    const fit = scoreBidFit(notice({ type: "Award Notice", award: { amount: 1_000_000 } }), profile(), NOW);
    expect(fit).toEqual({ score: null, reasons: [expect.objectContaining({ code: "award-notice" })] });
  });

  it("maps sole-source and partial codes to their programme", () => {
    expect(setAsideProgramme("SBP")).toBe("SBA");
    expect(setAsideProgramme("EDWOSBSS")).toBe("EDWOSB");
    expect(setAsideProgramme("NONE")).toBeNull();
    expect(setAsideProgramme("")).toBeNull();
    expect([...qualifyingProgrammes(["EDWOSB"])].sort()).toEqual(["EDWOSB", "SBA", "WOSB"]);
  });
});

describe("fit weights", () => {
  it("keeps only the weights that differ from the defaults", () => {
    expect(fitWeightOverrides({ ...DEFAULT_FIT_WEIGHTS, keywordHit: 8 })).toEqual({ keywordHit: 8 });
  });

  it("ignores a stored weight out of bounds or of the wrong kind", () => {
    const weights = resolveFitWeights({ naicsExact: 500, keywordHit: "9", pscMiss: -3, nonsense: 4 });
    expect(weights).toEqual({ ...DEFAULT_FIT_WEIGHTS, pscMiss: -3 });
  });
});

const SET_ASIDE = fc.constantFrom(null, "SBA", "SBP", "8A", "8AN", "HZC", "HZS", "SDVOSBC", "SDVOSBS", "WOSB", "WOSBSS", "EDWOSB", "EDWOSBSS", "VSA", "VSS", "LAS", "IEE", "ISBEE", "BICiv");
const TYPE = fc.constantFrom("Solicitation", "Combined Synopsis/Solicitation", "Presolicitation", "Sources Sought", "Special Notice", "Justification", "Award Notice", null);
const WORDS = ["roof", "hvac", "renovation", "repair", "janitorial", "software", "aircraft", "grounds", "paving", "security"];
const arbitraryNotice = fc.record({
  title: fc.array(fc.constantFrom(...WORDS, "the", "building", "Ohio"), { maxLength: 8 }).map((w) => w.join(" ")),
  descriptionText: fc.option(fc.array(fc.constantFrom(...WORDS, "and", "site"), { maxLength: 12 }).map((w) => w.join(" ")), { nil: null }),
  type: TYPE,
  naicsCode: fc.option(fc.constantFrom("236220", "238220", "541511", "561720", "23"), { nil: null }),
  typeOfSetAside: SET_ASIDE,
  responseDeadLine: fc.option(fc.integer({ min: -40, max: 90 }).map((days) => new Date(NOW.getTime() + days * 86_400_000 + 3_600_000).toISOString()), { nil: null }),
  placeOfPerformance: fc.option(fc.record({ state: fc.record({ code: fc.constantFrom("OH", "IN", "CA", "TX") }) }), { nil: null }),
  classificationCode: fc.option(fc.constantFrom("Z1AA", "Y1JZ", "R425", "S201"), { nil: null }),
  award: fc.option(fc.record({ amount: fc.integer({ min: 1_000, max: 20_000_000 }) }), { nil: null }),
});
const arbitraryWeights = fc.record(
  { naicsExact: fc.integer({ min: 0, max: 100 }), keywordHit: fc.integer({ min: 0, max: 50 }), keywordCap: fc.integer({ min: 0, max: 100 }), excludedKeyword: fc.integer({ min: -100, max: 0 }), placeOutside: fc.integer({ min: -100, max: 0 }) },
  { requiredKeys: [] },
);
const arbitraryProfile = fc.record({
  keywords: fc.subarray(WORDS.slice(0, 5)),
  excludedKeywords: fc.subarray(["software", "aircraft", "security"]),
  setAsides: fc.subarray(["SBA", "8A", "HZC", "SDVOSBC", "WOSB", "EDWOSB", "VSA", "ISBEE"]),
  pscCodes: fc.subarray(["Y", "Z", "R4"]),
  states: fc.subarray(["OH", "IN", "CA"]),
  prepDays: fc.integer({ min: 1, max: 60 }),
  fitWeights: arbitraryWeights,
}).map((over) => profile(over));

describe("properties", () => {
  const RUNS = { numRuns: 200 };

  it("the score is within 0-100 and is the clamped sum of the reasons' points", () => {
    fc.assert(
      fc.property(arbitraryNotice, arbitraryProfile, (n, p) => {
        const fit = scoreBidFit(n, p, NOW);
        if (fit.score === null) return;
        expect(fit.score).toBeGreaterThanOrEqual(0);
        expect(fit.score).toBeLessThanOrEqual(100);
        expect(fit.score).toBe(Math.max(0, Math.min(100, sum(fit))));
        for (const r of fit.reasons) expect(r.text).toMatch(/: (\+\d+|-\d+|scores 0)$/);
      }),
      RUNS,
    );
  });

  it("adding a keyword the notice contains never lowers the score", () => {
    fc.assert(
      fc.property(arbitraryNotice, arbitraryProfile, fc.constantFrom(...WORDS), (n, p, word) => {
        const before = scoreBidFit(n, p, NOW).score;
        const after = scoreBidFit({ ...n, title: `${n.title} ${word}` }, p, NOW).score;
        const withKeyword = scoreBidFit({ ...n, title: `${n.title} ${word}` }, { ...p, keywords: [...p.keywords, word] }, NOW).score;
        if (after === null || withKeyword === null || before === null) return;
        expect(withKeyword).toBeGreaterThanOrEqual(after);
      }),
      RUNS,
    );
  });

  it("a set-aside the profile does not qualify for always scores 0", () => {
    fc.assert(
      fc.property(arbitraryNotice, arbitraryProfile, (n, p) => {
        const programme = setAsideProgramme(n.typeOfSetAside);
        fc.pre(programme !== null && !qualifyingProgrammes(p.setAsides).has(programme) && n.type !== "Award Notice");
        expect(scoreBidFit(n, p, NOW).score).toBe(0);
      }),
      RUNS,
    );
  });

  it("award notices are never scored", () => {
    fc.assert(
      fc.property(arbitraryNotice, arbitraryProfile, (n, p) => {
        expect(scoreBidFit({ ...n, type: "Award Notice" }, p, NOW).score).toBeNull();
      }),
      RUNS,
    );
  });

  it("a past deadline always scores 0", () => {
    fc.assert(
      fc.property(arbitraryNotice, arbitraryProfile, fc.integer({ min: 1, max: 400 * 24 }), (n, p, hoursAgo) => {
        fc.pre(n.type !== "Award Notice");
        const deadline = new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
        expect(scoreBidFit({ ...n, responseDeadLine: deadline }, p, NOW).score).toBe(0);
      }),
      RUNS,
    );
  });
});
