import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import {
  CA_REGION_CODES,
  geoLookup,
  lookupCanadianPostal,
  lookupUsZip,
  lookupUsZipPrefix,
  parseFsa,
  parsePostalCode,
  regionTimeZones,
  resolveGeo,
} from "@/lib/geo";

/** UTC offset in minutes of a zone on a date (noon UTC). */
const offset = (zone: string, iso: string) => DateTime.fromISO(`${iso}T12:00:00Z`).setZone(zone).offset;

describe("parsePostalCode", () => {
  it.each([
    ["62704", { country: "US", zip: "62704" }],
    ["62704-1234", { country: "US", zip: "62704" }],
    [" 62704 1234 ", { country: "US", zip: "62704" }],
    ["627041234", { country: "US", zip: "62704" }],
    ["M5V 3L9", { country: "CA", postalCode: "M5V 3L9", fsa: "M5V" }],
    ["m5v3l9", { country: "CA", postalCode: "M5V 3L9", fsa: "M5V" }],
    ["  k1a  0b1 ", { country: "CA", postalCode: "K1A 0B1", fsa: "K1A" }],
    ["X0A-0H0", { country: "CA", postalCode: "X0A 0H0", fsa: "X0A" }],
  ])("parses %j", (input, expected) => {
    expect(parsePostalCode(input)).toEqual(expected);
  });

  it.each([
    "",
    "1234",
    "123456",
    "62704-12",
    "ABCDE",
    "D1A 1A1", // D never used
    "F1A 1A1",
    "I1A 1A1",
    "O1A 1A1",
    "Q1A 1A1",
    "U1A 1A1",
    "W1A 1A1", // W and Z never first
    "Z1A 1A1",
    "M1D 1A1", // D, F, I, O, Q, U never in 3rd/5th place either
    "M1A 1O1",
    "M5V 3L",
    "M5V  3L9 X",
  ])("rejects %j", (input) => {
    expect(parsePostalCode(input)).toBeNull();
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const parsed = parsePostalCode(value as string);
        expect(parsed === null || typeof parsed === "object").toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        parsePostalCode(s);
        parseFsa(s);
        lookupCanadianPostal(s);
        geoLookup(s);
        resolveGeo({ postalCode: s, region: s, city: s });
      }),
      { numRuns: 300 },
    );
  });

  it("accepts every well-formed Canadian code in any case and spacing", () => {
    const first = fc.constantFrom(..."ABCEGHJKLMNPRSTVXY");
    const other = fc.constantFrom(..."ABCEGHJKLMNPRSTVWXYZ");
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    fc.assert(
      fc.property(first, digit, other, digit, other, digit, fc.boolean(), fc.boolean(), (a, b, c, d, e, f, space, lower) => {
        let code = `${a}${b}${c}${space ? " " : ""}${d}${e}${f}`;
        if (lower) code = code.toLowerCase();
        expect(parsePostalCode(code)).toEqual({ country: "CA", postalCode: `${a}${b}${c} ${d}${e}${f}`, fsa: `${a}${b}${c}` });
      }),
    );
  });
});

describe("Canadian FSAs", () => {
  // One FSA for every first letter Canada Post uses, and every province and territory.
  const cases: Array<[string, string, string, string]> = [
    ["A1C", "NL", "St. John's", "America/St_Johns"],
    ["B3H", "NS", "Halifax", "America/Halifax"],
    ["C1A", "PE", "Charlottetown", "America/Halifax"],
    ["E1C", "NB", "Moncton", "America/Moncton"],
    ["E3B", "NB", "Fredericton", "America/Moncton"],
    ["G1R", "QC", "Quebec City", "America/Toronto"],
    ["H2X", "QC", "Montreal", "America/Toronto"],
    ["J4K", "QC", "Montreal", "America/Toronto"],
    ["J8Y", "QC", "Ottawa-Gatineau", "America/Toronto"],
    ["K1P", "ON", "Ottawa", "America/Toronto"],
    ["L5B", "ON", "Toronto", "America/Toronto"], // Mississauga
    ["L6P", "ON", "Toronto", "America/Toronto"], // Brampton
    ["L8P", "ON", "Hamilton", "America/Toronto"],
    ["M5V", "ON", "Toronto", "America/Toronto"],
    ["N2L", "ON", "Kitchener-Waterloo", "America/Toronto"],
    ["N6A", "ON", "London", "America/Toronto"],
    ["P7B", "ON", "Thunder Bay", "America/Toronto"],
    ["R3C", "MB", "Winnipeg", "America/Winnipeg"],
    ["S4P", "SK", "Regina", "America/Regina"],
    ["S7K", "SK", "Saskatoon", "America/Regina"],
    ["T2P", "AB", "Calgary", "America/Edmonton"],
    ["T5J", "AB", "Edmonton", "America/Edmonton"],
    ["V6B", "BC", "Vancouver", "America/Vancouver"],
    ["V3T", "BC", "Vancouver", "America/Vancouver"], // Surrey
    ["V8W", "BC", "Victoria", "America/Vancouver"],
    ["X1A", "NT", "Yellowknife", "America/Yellowknife"],
    ["X0A", "NU", "Nunavut", "America/Iqaluit"],
    ["Y1A", "YT", "Whitehorse", "America/Whitehorse"],
  ];

  it.each(cases)("%s is in %s, market %s, zone %s", (fsa, region, market, zone) => {
    expect(lookupCanadianPostal(fsa)).toMatchObject({ fsa, region, market, timeZone: zone });
    expect(geoLookup(`${fsa} 1A1`)).toEqual({ country: "CA", region, market, timeZone: zone });
  });

  it("covers every province and territory and every first letter", () => {
    expect(new Set(cases.map((c) => c[1]))).toEqual(new Set(CA_REGION_CODES));
    expect(new Set(cases.map((c) => c[0][0]))).toEqual(new Set("ABCEGHJKLMNPRSTVXY"));
  });

  it("maps each first letter to its province for any FSA", () => {
    const expected: Record<string, string> = {
      A: "NL", B: "NS", C: "PE", E: "NB", G: "QC", H: "QC", J: "QC", K: "ON", L: "ON", M: "ON", N: "ON",
      P: "ON", R: "MB", S: "SK", T: "AB", V: "BC", Y: "YT",
    };
    for (const [letter, province] of Object.entries(expected)) {
      for (const middle of ["0", "1", "5", "9"]) {
        for (const third of "ABCEGHJKLMNPRSTVWXYZ") {
          expect(lookupCanadianPostal(`${letter}${middle}${third}`)?.region).toBe(province);
        }
      }
    }
  });

  it("splits X between Nunavut and the Northwest Territories", () => {
    expect(lookupCanadianPostal("X0A 0H0")).toMatchObject({ region: "NU", timeZone: "America/Iqaluit" });
    expect(lookupCanadianPostal("X0B 0C0")).toMatchObject({ region: "NU", timeZone: "America/Cambridge_Bay" });
    expect(lookupCanadianPostal("X0C 0G0")).toMatchObject({ region: "NU", timeZone: "America/Rankin_Inlet" });
    expect(lookupCanadianPostal("X0E 0N0")).toMatchObject({ region: "NT", timeZone: "America/Yellowknife" });
    expect(lookupCanadianPostal("X0G 0E0")).toMatchObject({ region: "NT", timeZone: "America/Yellowknife" });
    expect(lookupCanadianPostal("X1A 2P8")).toMatchObject({ region: "NT", timeZone: "America/Yellowknife", market: "Yellowknife" });
    // Other X FSAs do not exist: no guess.
    expect(lookupCanadianPostal("X2A 1A1")).toBeNull();
    expect(geoLookup("X0H")).toBeNull();
  });

  it("gives rural FSAs the province's name as market", () => {
    expect(lookupCanadianPostal("K0A 1A0")).toMatchObject({ rural: true, market: "Ontario", region: "ON" });
    expect(lookupCanadianPostal("T0L 1A0")).toMatchObject({ rural: true, market: "Alberta" });
    expect(lookupCanadianPostal("A0K 1A0")).toMatchObject({ rural: true, market: "Newfoundland and Labrador" });
    for (const fsa of ["A0A", "B0J", "E4A", "K0K", "V0N", "X0A"]) {
      const hit = lookupCanadianPostal(fsa);
      expect(hit?.market).not.toBe("ALL");
    }
  });

  it("keeps Newfoundland on UTC-3:30 but Labrador on Atlantic time", () => {
    expect(lookupCanadianPostal("A1C 5M2")?.timeZone).toBe("America/St_Johns");
    expect(offset("America/St_Johns", "2026-01-15")).toBe(-210);
    expect(offset("America/St_Johns", "2026-07-15")).toBe(-150);
    for (const fsa of ["A0P", "A0R", "A2V"]) expect(lookupCanadianPostal(fsa)?.timeZone).toBe("America/Goose_Bay");
    expect(offset("America/Goose_Bay", "2026-01-15")).toBe(-240);
    // Southeastern Labrador shares A0K with the Northern Peninsula: Newfoundland time.
    expect(lookupCanadianPostal("A0K")?.timeZone).toBe("America/St_Johns");
  });

  it("keeps Saskatchewan on CST all year, except Lloydminster on Alberta time", () => {
    for (const fsa of ["S4P", "S7K", "S0K", "S9H"]) expect(lookupCanadianPostal(fsa)?.timeZone).toBe("America/Regina");
    expect(offset("America/Regina", "2026-01-15")).toBe(-360);
    expect(offset("America/Regina", "2026-07-15")).toBe(-360);
    expect(lookupCanadianPostal("S9V 1A1")).toMatchObject({ region: "SK", timeZone: "America/Edmonton" });
    expect(offset("America/Edmonton", "2026-07-15")).toBe(-360);
    expect(offset("America/Edmonton", "2026-01-15")).toBe(-420);
  });

  it("keeps Yukon on UTC-7 all year", () => {
    for (const fsa of ["Y1A", "Y0A", "Y0B"]) expect(lookupCanadianPostal(fsa)?.timeZone).toBe("America/Whitehorse");
    expect(offset("America/Whitehorse", "2026-01-15")).toBe(-420);
    expect(offset("America/Whitehorse", "2026-07-15")).toBe(-420);
  });

  it("handles British Columbia's non-Pacific areas", () => {
    expect(lookupCanadianPostal("V1G 1A1")?.timeZone).toBe("America/Dawson_Creek");
    expect(lookupCanadianPostal("V1J 1A1")?.timeZone).toBe("America/Dawson_Creek");
    expect(lookupCanadianPostal("V0C 1J0")?.timeZone).toBe("America/Dawson_Creek"); // Chetwynd
    expect(lookupCanadianPostal("V0C 1R0")?.timeZone).toBe("America/Fort_Nelson");
    expect(lookupCanadianPostal("V0C 1L0")?.timeZone).toBe("America/Vancouver"); // Dease Lake
    expect(lookupCanadianPostal("V0B 1G0")?.timeZone).toBe("America/Creston");
    expect(lookupCanadianPostal("V0B 1M0")?.timeZone).toBe("America/Edmonton"); // Fernie
    expect(lookupCanadianPostal("V1C 1A1")?.timeZone).toBe("America/Edmonton"); // Cranbrook
    for (const zone of ["America/Dawson_Creek", "America/Fort_Nelson", "America/Creston"]) {
      expect(offset(zone, "2026-01-15")).toBe(-420);
      expect(offset(zone, "2026-07-15")).toBe(-420);
    }
  });

  it("puts northwestern Ontario on Central time and Atikokan on EST", () => {
    for (const fsa of ["P9N", "P8N", "P8T", "P9A", "P0V", "P0W", "P0X", "P0Y"]) {
      expect(lookupCanadianPostal(fsa)?.timeZone).toBe("America/Winnipeg");
    }
    expect(lookupCanadianPostal("P7B 1A1")?.timeZone).toBe("America/Toronto"); // Thunder Bay
    expect(lookupCanadianPostal("P0T 1C0")?.timeZone).toBe("America/Atikokan");
    expect(offset("America/Atikokan", "2026-07-15")).toBe(-300);
  });

  it("puts the Magdalen Islands on Atlantic time", () => {
    expect(lookupCanadianPostal("G4T 1A1")).toMatchObject({ region: "QC", timeZone: "America/Halifax" });
    expect(lookupCanadianPostal("G0B")?.timeZone).toBe("America/Halifax");
    expect(lookupCanadianPostal("G0A")?.timeZone).toBe("America/Toronto");
  });
});

describe("US ZIPs", () => {
  it.each([
    // [zip, state, zone]
    ["32501", "FL", "America/Chicago"], // Pensacola
    ["32401", "FL", "America/Chicago"], // Panama City
    ["32301", "FL", "America/New_York"], // Tallahassee
    ["33101", "FL", "America/New_York"], // Miami
    ["79901", "TX", "America/Denver"], // El Paso
    ["75201", "TX", "America/Chicago"], // Dallas
    ["83702", "ID", "America/Boise"], // Boise
    ["83814", "ID", "America/Los_Angeles"], // Coeur d'Alene
    ["97914", "OR", "America/Boise"], // Ontario, OR (Malheur County)
    ["97201", "OR", "America/Los_Angeles"], // Portland
    ["40202", "KY", "America/New_York"], // Louisville
    ["42001", "KY", "America/Chicago"], // Paducah
    ["42101", "KY", "America/Chicago"], // Bowling Green
    ["46204", "IN", "America/Indiana/Indianapolis"],
    ["46402", "IN", "America/Chicago"], // Gary
    ["47708", "IN", "America/Chicago"], // Evansville
    ["37203", "TN", "America/Chicago"], // Nashville
    ["37902", "TN", "America/New_York"], // Knoxville
    ["58102", "ND", "America/Chicago"], // Fargo
    ["58601", "ND", "America/Denver"], // Dickinson
    ["58554", "ND", "America/Chicago"], // Mandan (Central since 2003)
    ["57104", "SD", "America/Chicago"], // Sioux Falls
    ["57701", "SD", "America/Denver"], // Rapid City
    ["57555", "SD", "America/Chicago"], // Mission (Todd County)
    ["68102", "NE", "America/Chicago"], // Omaha
    ["69361", "NE", "America/Denver"], // Scottsbluff
    ["67202", "KS", "America/Chicago"], // Wichita
    ["67735", "KS", "America/Denver"], // Goodland
    ["48226", "MI", "America/Detroit"],
    ["49801", "MI", "America/Menominee"], // Iron Mountain
    ["85004", "AZ", "America/Phoenix"],
    ["86040", "AZ", "America/Phoenix"], // Page: no DST
    ["86043", "AZ", "America/Phoenix"], // Second Mesa (Hopi): no DST
    ["86515", "AZ", "America/Denver"], // Window Rock (Navajo Nation): DST
    ["99501", "AK", "America/Anchorage"],
    ["99546", "AK", "America/Adak"],
    ["89883", "NV", "America/Boise"], // West Wendover: Mountain
    ["89501", "NV", "America/Los_Angeles"], // Reno
  ])("%s is in %s on %s", (zip, region, zone) => {
    const hit = lookupUsZip(zip);
    expect(hit).toMatchObject({ zip, region, timeZone: zone });
    expect(typeof hit?.latitude).toBe("number");
    expect(geoLookup(zip)?.timeZone).toBe(zone);
  });

  it("uses the metro as market, else the city", () => {
    expect(lookupUsZip("90210")?.market).toBe("Los Angeles");
    expect(lookupUsZip("10001")?.market).toBe("New York");
    expect(lookupUsZip("11201")?.market).toBe("New York"); // Brooklyn
    expect(lookupUsZip("60601")?.market).toBe("Chicago");
    expect(lookupUsZip("46402")?.market).toBe("Chicago"); // Gary, IN
    expect(lookupUsZip("76102")?.market).toBe("Dallas-Fort Worth");
    expect(lookupUsZip("77002")?.market).toBe("Houston");
    expect(lookupUsZip("33131")?.market).toBe("Miami");
    expect(lookupUsZip("30303")?.market).toBe("Atlanta");
    expect(lookupUsZip("19103")?.market).toBe("Philadelphia");
    expect(lookupUsZip("85004")?.market).toBe("Phoenix");
    // Yuma shares Phoenix's sectional center (853) but is 250 km away.
    expect(lookupUsZip("85364")?.market).toBe("Yuma");
    expect(lookupUsZip("62704")?.market).toBe("Springfield");
    expect(lookupUsZip("97914")?.market).toBe("Ontario");
  });

  it("returns null for malformed or unknown ZIPs", () => {
    for (const z of ["", "1234", "123456", "abcde", "00000", "62704-1234"]) expect(lookupUsZip(z)).toBeNull();
  });

  it("falls back to the prefix for ZIPs the dataset lacks", () => {
    // 62799 is not in the dataset; every known 627xx ZIP is in Illinois, on Central time.
    expect(lookupUsZip("62799")).toBeNull();
    expect(lookupUsZipPrefix("62799")).toEqual({ region: "IL", market: null, timeZone: "America/Chicago" });
    expect(resolveGeo({ postalCode: "62799" })).toMatchObject({ country: "US", region: "IL", timeZone: "America/Chicago", source: "postal" });
  });
});

describe("resolveGeo", () => {
  it("lets the postal code win over the region", () => {
    expect(resolveGeo({ postalCode: "32501", region: "GA", country: "US" })).toEqual({
      country: "US",
      region: "FL",
      market: "Pensacola",
      timeZone: "America/Chicago",
      candidateTimeZones: ["America/Chicago"],
      source: "postal",
    });
    expect(resolveGeo({ postalCode: "m5v 3l9", region: "BC" })).toMatchObject({
      country: "CA",
      region: "ON",
      market: "Toronto",
      timeZone: "America/Toronto",
      source: "postal",
    });
  });

  it("resolves a single-zone region to its zone", () => {
    expect(resolveGeo({ region: "IL" })).toEqual({
      country: "US",
      region: "IL",
      market: null,
      timeZone: "America/Chicago",
      candidateTimeZones: ["America/Chicago"],
      source: "region",
    });
    expect(resolveGeo({ region: "Alberta" })).toMatchObject({ country: "CA", region: "AB", timeZone: "America/Edmonton" });
    expect(resolveGeo({ region: "Québec" }).region).toBe("QC");
  });

  it.each(["FL", "TX", "KY", "TN", "IN", "ND", "SD", "NE", "KS", "OR", "ID", "MI", "AZ", "AK", "NV"])(
    "returns every candidate zone for %s without a postal code",
    (region) => {
      const res = resolveGeo({ region });
      expect(res.timeZone).toBeNull();
      expect(res.source).toBe("region");
      for (const zone of regionTimeZones(region, "US")) expect(res.candidateTimeZones).toContain(zone);
      expect(res.candidateTimeZones.length).toBeGreaterThan(1);
    },
  );

  it.each(["NL", "ON", "QC", "SK", "BC", "NU"])("returns every candidate zone for %s without a postal code", (region) => {
    const res = resolveGeo({ region, country: "CA" });
    expect(res.timeZone).toBeNull();
    for (const zone of regionTimeZones(region, "CA")) expect(res.candidateTimeZones).toContain(zone);
  });

  it("adds zones the FSA table uses that regions.ts does not list", () => {
    // The East Kootenay (Cranbrook, Fernie) is on Mountain time with DST.
    expect(resolveGeo({ region: "BC" }).candidateTimeZones).toContain("America/Edmonton");
  });

  it("narrows a region with the city when the city is known", () => {
    expect(resolveGeo({ region: "TX", city: "El Paso" })).toMatchObject({ timeZone: "America/Denver", market: "El Paso" });
    expect(resolveGeo({ region: "TX", city: "Houston" })).toMatchObject({ timeZone: "America/Chicago", market: "Houston" });
    expect(resolveGeo({ region: "KY", city: "Paducah" }).timeZone).toBe("America/Chicago");
    expect(resolveGeo({ region: "MO", city: "St. Louis" }).market).toBe("St. Louis");
    expect(resolveGeo({ region: "ON", city: "Mississauga" })).toMatchObject({ market: "Toronto", timeZone: "America/Toronto" });
    expect(resolveGeo({ region: "QC", city: "Gatineau" }).market).toBe("Ottawa-Gatineau");
    // An unknown city keeps every candidate.
    const unknown = resolveGeo({ region: "TX", city: "Nowhere Special" });
    expect(unknown.timeZone).toBeNull();
    expect(unknown.candidateTimeZones).toEqual(expect.arrayContaining(["America/Chicago", "America/Denver"]));
    // A Canadian city outside the market table gets the province as market and every zone.
    expect(resolveGeo({ region: "ON", city: "Kenora" })).toMatchObject({ market: "Ontario", timeZone: null });
  });

  it("says none when nothing is known", () => {
    expect(resolveGeo({})).toEqual({ country: null, region: null, market: null, timeZone: null, candidateTimeZones: [], source: "none" });
    expect(resolveGeo({ country: "CA" })).toMatchObject({ country: "CA", source: "none" });
    expect(resolveGeo({ postalCode: "nope", region: "Atlantis" }).source).toBe("none");
  });

  it("accepts a bare FSA as postal code", () => {
    expect(resolveGeo({ postalCode: "p9n", region: "ON" })).toMatchObject({
      country: "CA",
      region: "ON",
      timeZone: "America/Winnipeg",
      candidateTimeZones: ["America/Winnipeg"],
      source: "postal",
    });
  });

  it("falls back to the region when the postal code is unknown", () => {
    expect(resolveGeo({ postalCode: "00000", region: "IL" })).toMatchObject({ source: "region", timeZone: "America/Chicago" });
  });
});

describe("geoLookup", () => {
  it("answers for a ZIP, a postal code or an FSA", () => {
    expect(geoLookup("90210")).toEqual({ country: "US", region: "CA", market: "Los Angeles", timeZone: "America/Los_Angeles" });
    expect(geoLookup("T2P 1J9")).toEqual({ country: "CA", region: "AB", market: "Calgary", timeZone: "America/Edmonton" });
    expect(geoLookup("t2p")).toEqual({ country: "CA", region: "AB", market: "Calgary", timeZone: "America/Edmonton" });
  });

  it("returns null for anything else", () => {
    for (const code of ["", "hello", "1234", "W1A 1A1", "00000"]) expect(geoLookup(code)).toBeNull();
  });
});
