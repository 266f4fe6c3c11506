import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeAddress, streetKey, titleCase, type AddressInput } from "@/lib/geo";

const key = (input: AddressInput) => normalizeAddress(input).addressKey;

describe("normalizeAddress", () => {
  it("builds the documented key", () => {
    expect(
      normalizeAddress({ street: "123 North Main Street, Apt. 3", city: "Springfield", region: "IL", postalCode: "62704" }),
    ).toEqual({
      street: "123 North Main Street",
      unit: "Apt 3",
      city: "Springfield",
      region: "IL",
      postalCode: "62704",
      country: "US",
      addressKey: "123 N MAIN ST|UNIT 3|SPRINGFIELD|IL|62704",
    });
  });

  // Each group: different spellings of one property, all with the same key.
  const equivalent: Array<[string, AddressInput[]]> = [
    [
      "123 N MAIN ST|UNIT 3|SPRINGFIELD|IL|62704",
      [
        { street: "123 North Main Street, Apt. 3", city: "Springfield", region: "IL", postalCode: "62704" },
        { street: "123 N Main St #3", city: "Springfield", region: "IL", postalCode: "62704" },
        { street: "123 N. Main St.", unit: "Apt 3", city: "springfield", region: "Illinois", postalCode: "62704-1234" },
        { street: "  123   n main   st   unit 3 ", city: " SPRINGFIELD ", region: "il", postalCode: "62704" },
        { street: "123 N MAIN ST STE 3", city: "Springfield", region: "IL", postalCode: "62704", country: "USA" },
        { street: "123 North Main St", unit: "#3", postalCode: "62704" }, // city and state from the ZIP
        { street: "123 north main street # 3", city: "Springfield", postalCode: "627041234" },
        { street: "Apt 3, 123 N Main St", city: "Springfield", region: "IL", postalCode: "62704" },
        { street: "123 N Main St", unit: "3", city: "Springfield", region: "IL", postalCode: "62704" },
      ],
    ],
    [
      "500 W BROADWAY BLVD||NEW YORK|NY|10012",
      [
        { street: "500 West Broadway Boulevard", city: "New York", region: "NY", postalCode: "10012" },
        { street: "500 W. Broadway Blvd.", city: "new york", region: "New York", postalCode: "10012" },
      ],
    ],
    [
      "9 ST CLAIR AVE E|UNIT 1204|TORONTO|ON|M4T1M2",
      [
        { street: "1204-9 St. Clair Avenue East", city: "Toronto", region: "ON", postalCode: "M4T 1M2" },
        { street: "9 Saint Clair Ave E, Unit 1204", city: "Toronto", region: "Ontario", postalCode: "m4t1m2" },
        { street: "9 St Clair Ave East", unit: "Suite 1204", city: "Toronto", postalCode: "M4T1M2", country: "Canada" },
        { street: "Unit 1204, 9 St Clair Avenue E", city: "toronto", region: "on", postalCode: "M4T 1M2" },
      ],
    ],
    [
      "77 MAPLE CRES||CALGARY|AB|T2P1J9",
      [
        { street: "77 Maple Crescent", city: "Calgary", region: "AB", postalCode: "T2P 1J9" },
        { street: "77 maple cres.", city: "CALGARY", region: "Alberta", postalCode: "t2p1j9" },
      ],
    ],
    [
      "1450 RUE STE CATHERINE O|UNIT 4|MONTREAL|QC|H3G1P1",
      [
        { street: "1450, rue Sainte-Catherine Ouest, app. 4", city: "Montréal", region: "Québec", postalCode: "H3G 1P1" },
        { street: "4-1450 rue Ste-Catherine O", city: "Montreal", region: "QC", postalCode: "H3G1P1" },
      ],
    ],
    [
      "42 LAKE SHORE DR|UNIT 2B|CHICAGO|IL|60611",
      [
        { street: "42 Lake Shore Drive Apartment 2B", city: "Chicago", region: "IL", postalCode: "60611" },
        { street: "42 Lake Shore Dr., #2b", city: "Chicago", region: "IL", postalCode: "60611" },
      ],
    ],
    [
      "8 SUNSET TER|UNIT 200|ST LOUIS|MO|63101",
      [
        { street: "8 Sunset Terrace, Suite 200", city: "Saint Louis", region: "MO", postalCode: "63101" },
        { street: "8 Sunset Ter Ste 200", city: "St. Louis", region: "Missouri", postalCode: "63101" },
      ],
    ],
  ];

  it.each(equivalent)("gives every spelling the key %s", (expected, inputs) => {
    for (const input of inputs) expect(key(input)).toBe(expected);
  });

  it("abbreviates street suffixes and directionals in the key only", () => {
    const cases: Array<[string, string]> = [
      ["1 Elm Street", "1 ELM ST"],
      ["1 Elm Avenue", "1 ELM AVE"],
      ["1 Elm Road", "1 ELM RD"],
      ["1 Elm Boulevard", "1 ELM BLVD"],
      ["1 Elm Drive", "1 ELM DR"],
      ["1 Elm Lane", "1 ELM LN"],
      ["1 Elm Court", "1 ELM CT"],
      ["1 Elm Place", "1 ELM PL"],
      ["1 Elm Terrace", "1 ELM TER"],
      ["1 Elm Circle", "1 ELM CIR"],
      ["1 Elm Parkway", "1 ELM PKWY"],
      ["1 Elm Highway", "1 ELM HWY"],
      ["1 Elm Crescent", "1 ELM CRES"],
      ["1 Elm Square", "1 ELM SQ"],
      ["1 Elm Trail", "1 ELM TRL"],
      ["1 Elm Way", "1 ELM WAY"],
      ["1 North Elm", "1 N ELM"],
      ["1 Elm Southwest", "1 ELM SW"],
      ["1 Northeast Elm Street", "1 NE ELM ST"],
      ["350 5th Avenue", "350 5TH AVE"],
      ["12 1/2 West 66th Street", "12 1/2 W 66TH ST"],
      ["1211 Avenue of the Americas", "1211 AVE OF THE AMERICAS"],
      ["5 Boulevard Saint-Laurent", "5 BLVD ST LAURENT"],
      ["5 boul. St-Laurent", "5 BLVD ST LAURENT"],
      ["42 Lake Shore Drive", "42 LAKE SHORE DR"],
      ["7 Mount Vernon Place", "7 MT VERNON PL"],
      ["1 North Street", "1 NORTH ST"], // "North" is the name here, not a directional
    ];
    for (const [street, expected] of cases) {
      expect(streetKey(street)).toBe(expected);
      expect(normalizeAddress({ street }).street).toBe(titleCase(street));
    }
  });

  it("title-cases the display street", () => {
    expect(normalizeAddress({ street: "  123  NORTH   main street  " }).street).toBe("123 North Main Street");
    expect(normalizeAddress({ street: "12 o'brien rd" }).street).toBe("12 O'Brien Rd");
    expect(normalizeAddress({ street: "1 McDonald St" }).street).toBe("1 McDonald St");
    expect(normalizeAddress({ street: "100 w 1ST st ne" }).street).toBe("100 W 1st St NE");
  });

  it("reads units in all the usual places", () => {
    expect(normalizeAddress({ street: "10 Main St Suite 200" }).unit).toBe("Ste 200");
    expect(normalizeAddress({ street: "10 Main St #3" }).unit).toBe("#3");
    expect(normalizeAddress({ street: "10 Main St Unit B" }).unit).toBe("Unit B");
    expect(normalizeAddress({ street: "3-123 King St", country: "CA" })).toMatchObject({ street: "123 King St", unit: "Unit 3" });
    expect(normalizeAddress({ street: "3-123 King St", postalCode: "M5V 3L9" })).toMatchObject({ street: "123 King St", unit: "Unit 3" });
  });

  it("does not mistake US hyphenated house numbers or route numbers for units", () => {
    // Queens, NY house numbers are hyphenated.
    expect(normalizeAddress({ street: "123-45 Queens Blvd", city: "Forest Hills", region: "NY", postalCode: "11375" })).toMatchObject({
      street: "123-45 Queens Blvd",
      unit: null,
    });
    expect(normalizeAddress({ street: "45 Hwy #7", region: "ON" }).unit).toBeNull();
    expect(normalizeAddress({ street: "1 Rue Ste Catherine" }).unit).toBeNull(); // STE is not a suite here
    expect(normalizeAddress({ street: "1 Space Center Blvd" }).unit).toBeNull();
  });

  it("keeps several units in order", () => {
    expect(normalizeAddress({ street: "10 Main St Bldg 2 Apt 3", postalCode: "62704" })).toMatchObject({
      street: "10 Main St",
      unit: "Bldg 2 Apt 3",
    });
    expect(key({ street: "10 Main St, Bldg 2, Apt 3", postalCode: "62704" })).toBe(key({ street: "10 Main St", unit: "Bldg 2 Apt 3", postalCode: "62704" }));
  });

  it("keeps different units apart", () => {
    const a = key({ street: "123 Main St Apt 3", city: "Springfield", region: "IL", postalCode: "62704" });
    const b = key({ street: "123 Main St Apt 4", city: "Springfield", region: "IL", postalCode: "62704" });
    const c = key({ street: "123 Main St", city: "Springfield", region: "IL", postalCode: "62704" });
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it("fills the region (and US city) from the postal code", () => {
    expect(normalizeAddress({ street: "1 Main St", postalCode: "90210" })).toMatchObject({
      city: "Beverly Hills",
      region: "CA",
      country: "US",
    });
    expect(normalizeAddress({ street: "1 Main St", postalCode: "S9V 1A1" })).toMatchObject({ region: "SK", country: "CA", city: null });
    // A region the user gave is kept.
    expect(normalizeAddress({ street: "1 Main St", region: "AB", postalCode: "S9V 1A1" }).region).toBe("AB");
  });

  it("keeps an invalid postal code as written, without throwing", () => {
    const res = normalizeAddress({ street: "1 Main St", postalCode: "ab-12" });
    expect(res.postalCode).toBe("AB-12");
    expect(res.addressKey).toBe("1 MAIN ST||||AB12");
  });
});

describe("normalizeAddress properties", () => {
  const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
  const streetArb = fc
    .tuple(
      fc.integer({ min: 1, max: 99999 }),
      fc.constantFrom("", "North ", "S ", "NE ", "West "),
      fc.array(word, { minLength: 1, maxLength: 3 }),
      fc.constantFrom("Street", "St", "Avenue", "Ave.", "Blvd", "Road", "Ln", "Crescent", "Court", ""),
      fc.constantFrom("", " Apt 3", ", Unit 12B", " #4", " Suite 200", ", Apt. 7"),
    )
    .map(([n, dir, words, suffix, unit]) => `${n} ${dir}${words.join(" ")} ${suffix}${unit}`);
  const addressArb = fc.record({
    street: streetArb,
    unit: fc.option(fc.constantFrom("Apt 1", "#2", "Unit B", "Suite 300", "5"), { nil: undefined }),
    city: fc.option(fc.constantFrom("Springfield", "St. Louis", "Saint-Jérôme", "New York", "Toronto", "o'fallon"), { nil: undefined }),
    region: fc.option(fc.constantFrom("IL", "Missouri", "QC", "Ontario", "ny", "Atlantis"), { nil: undefined }),
    postalCode: fc.option(fc.constantFrom("62704", "63101-1234", "J7Z 1A1", "m5v3l9", "10001", "bad", "D1A 1A1"), { nil: undefined }),
    country: fc.option(fc.constantFrom("US", "CA", "Canada", "usa", "mars"), { nil: undefined }),
  });

  it("is idempotent: normalizing a normalized address keeps the key", () => {
    fc.assert(
      fc.property(addressArb, (input) => {
        const once = normalizeAddress(input);
        const twice = normalizeAddress({
          street: once.street,
          unit: once.unit,
          city: once.city,
          region: once.region,
          postalCode: once.postalCode,
          country: once.country,
        });
        expect(twice.addressKey).toBe(once.addressKey);
        expect(twice.street).toBe(once.street);
        expect(twice.unit).toBe(once.unit);
      }),
      { numRuns: 400 },
    );
  });

  it("is idempotent on token soup, including cases fuzzing once broke", () => {
    const regressions: AddressInput[] = [
      { street: "Apt #4 Apt 3", postalCode: "62704" },
      { street: "Apt Apt , 123-45", postalCode: "62704" },
      { street: ", Apt 3B 12 Apt", postalCode: "62704" },
      { street: "", unit: ".", postalCode: "62704" },
      { street: "Apt  Apt  PH1  PH1", postalCode: "62704" },
      { street: "3-123 Main St Apt 5", country: "CA" },
    ];
    const tok = fc.constantFrom(
      "Apt", "#", "Unit", "Ste", "St", "North", "N", "-", "3", "3B", "B", ",", "Rue", "Hwy", "1/2", "123-45", "3-123",
      "Suite", "PH1", "Lot", "E", "O'Brien", "Main", "Avenue", "Ave.", "#4", "Boulevard", "Saint-Jean", "App.", "7",
      "Blvd", "West", "Lake", "Court", "Bldg", ".", "apt.4", "Route",
    );
    const soup = fc.record({
      street: fc.array(tok, { maxLength: 9 }).map((a) => a.join(" ")),
      unit: fc.option(fc.array(tok, { maxLength: 4 }).map((a) => a.join(" ")), { nil: undefined }),
      country: fc.constantFrom("US", "CA", undefined),
      postalCode: fc.constantFrom("62704", "M5V 3L9", undefined),
    });
    const check = (input: AddressInput) => {
      const once = normalizeAddress(input);
      const twice = normalizeAddress({ ...once });
      expect(twice.addressKey).toBe(once.addressKey);
      expect(twice.street).toBe(once.street);
      expect(twice.unit).toBe(once.unit);
    };
    regressions.forEach(check);
    fc.assert(fc.property(soup, check), { numRuns: 2000 });
  });

  it("ignores case and whitespace", () => {
    const flipCase = (s: string, mask: boolean[]) =>
      [...s].map((ch, i) => (mask[i % mask.length] ? ch.toUpperCase() : ch.toLowerCase())).join("");
    const respace = (s: string, gaps: string[]) => {
      let i = 0;
      return `${gaps[0]}${s.trim().replace(/\s+/g, () => gaps[++i % gaps.length] || " ")}${gaps[1] ?? ""}`;
    };
    const gap = fc.constantFrom(" ", "  ", "\t", " \t ", "   ");
    fc.assert(
      fc.property(
        addressArb,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        fc.array(gap, { minLength: 2, maxLength: 5 }),
        (input, mask, gaps) => {
          const vary = (s: string | undefined) => (s === undefined ? s : respace(flipCase(s, mask), gaps));
          const varied: AddressInput = {
            street: vary(input.street)!,
            unit: vary(input.unit),
            city: vary(input.city),
            region: vary(input.region),
            postalCode: input.postalCode === undefined ? undefined : ` ${flipCase(input.postalCode, mask)} `,
            country: vary(input.country),
          };
          expect(key(varied)).toBe(key(input));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("never throws, even on garbage", () => {
    fc.assert(
      fc.property(
        fc.record({
          street: fc.string(),
          unit: fc.option(fc.string(), { nil: undefined }),
          city: fc.option(fc.string(), { nil: null }),
          region: fc.option(fc.string(), { nil: undefined }),
          postalCode: fc.option(fc.string(), { nil: null }),
          country: fc.option(fc.string(), { nil: undefined }),
        }),
        (input) => {
          const res = normalizeAddress(input);
          expect(typeof res.addressKey).toBe("string");
          expect(res.addressKey.split("|")).toHaveLength(5);
        },
      ),
      { numRuns: 500 },
    );
    expect(() => normalizeAddress(null as unknown as AddressInput)).not.toThrow();
    expect(() => normalizeAddress({ street: 42 as unknown as string, postalCode: {} as unknown as string })).not.toThrow();
  });
});
