import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_NAMES, htmlToText, parseDealEmail, parseRawEmail, type ParsedDeal } from "@/lib/intake/email";
import { findAddresses, findLocations } from "@/lib/intake/email/address";
import { analyzeMoneyLine, parseAmount } from "@/lib/intake/email/money";
import { classifyType, findBedsBaths, findPropertyType, findSqft, findYearBuilt } from "@/lib/intake/email/property";
import { inferCountry, normalizePostal } from "@/lib/intake/email/region";
import { segmentDeals } from "@/lib/intake/email/segment";

const one = (text: string): ParsedDeal => {
  const { deals } = parseDealEmail({ text });
  expect(deals).toHaveLength(1);
  return deals[0];
};
const money = (line: string) => Object.fromEntries(analyzeMoneyLine(line).findings.map((f) => [f.kind, f.value]));

describe("money", () => {
  it.each([
    ["ARV: $245k", { arv: 245_000 }],
    ["After repair value 245,000", { arv: 245_000 }],
    ["ARV 245K", { arv: 245_000 }],
    ["Asking 150K", { asking: 150_000 }],
    ["Asking price: $150,000", { asking: 150_000 }],
    ["Price: 150k", { asking: 150_000 }],
    ["Rehab ~35k", { repairs: 35_000 }],
    ["Repairs needed: $35,000", { repairs: 35_000 }],
    ["Est. repairs 35-40k", { repairs: 40_000 }],
    ["Price: $1.2M", { asking: 1_200_000 }],
    ["150k asking, 245k ARV, 35k in repairs", { asking: 150_000, arv: 245_000, repairs: 35_000 }],
    ["Asking $55k - ARV 95k - Repairs 15k", { asking: 55_000, arv: 95_000, repairs: 15_000 }],
    ["Prix demandé : 649 000 $", { asking: 649_000 }],
    ["Needs about $55k in repairs", { repairs: 55_000 }],
  ])("%s", (line, expected) => {
    expect(money(line)).toEqual(expected);
  });

  it("parses amounts as written", () => {
    expect(parseAmount("$1.2M")).toBe(1_200_000);
    expect(parseAmount("245k")).toBe(245_000);
    expect(parseAmount("$150,000.00")).toBe(150_000);
    expect(parseAmount("1.15 million")).toBe(1_150_000);
  });

  it("takes the upper bound of a range with lower confidence", () => {
    const [f] = analyzeMoneyLine("Est. repairs 35-40k").findings;
    expect(f).toMatchObject({ kind: "repairs", value: 40_000, isRange: true });
    expect(f.confidence).toBeLessThan(0.8);
    expect(analyzeMoneyLine("ARV: $245,000").findings[0].confidence).toBeGreaterThanOrEqual(0.95);
  });

  it("ignores rent, taxes, HOA, fees and deposits", () => {
    expect(money("Rent $1,200/mo, taxes $3,100/yr, HOA: $410, EMD $5,000, Assignment fee: $10k")).toEqual({});
  });

  it("does not read phone numbers, ZIP codes or years as money", () => {
    expect(money("Price: call 555-123-4567")).toEqual({});
    const d = one("123 Main St, Springfield, IL 62704\nbuilt 1978\nARV 245k");
    expect(d.fields.askingPrice).toBeNull();
    expect(d.fields.arv).toBe(245_000);
  });

  it("reads 'Asking 150' as $150k, with low confidence", () => {
    const [f] = analyzeMoneyLine("Asking 150").findings;
    expect(f.value).toBe(150_000);
    expect(f.confidence).toBeLessThanOrEqual(0.6);
  });

  it("uses a lone unlabeled dollar amount as the price", () => {
    const d = one("3/2 in Dallas, TX for $150k");
    expect(d.fields.askingPrice).toBe(150_000);
    expect(d.provenance.askingPrice?.confidence).toBeLessThan(0.6);
  });
});

describe("beds, baths, area, year", () => {
  it.each([
    ["3/2", 3, 2],
    ["3bd 2ba", 3, 2],
    ["3 bed / 2 bath", 3, 2],
    ["3 beds, 2.5 baths", 3, 2.5],
    ["3BR/1.5BA", 3, 1.5],
    ["Bed/Bath: 4/2", 4, 2],
    ["Beds: 3\nBaths: 2", 3, 2],
    ["three bedroom two bath", 3, 2],
    ["2+1 beds, 1 bath", 3, 1],
    ["Bathrooms: 2 full, 1 half\nBedrooms: 3", 3, 2.5],
    ["Unit A: 2 bed 1 bath\nTotal 4 bed / 2 bath", 4, 2],
  ])("%s", (text, beds, baths) => {
    const r = findBedsBaths(text);
    expect(r.beds?.value).toBe(beds);
    expect(r.baths?.value).toBe(baths);
  });

  it("does not read dates, fractions or 24/7 as beds/baths", () => {
    for (const text of ["Closing 3/15/2024", "Showings 24/7", "Triplex 3 x 5 1/2", "1/2 bath in basement"]) {
      expect(findBedsBaths(text).beds, text).toBeNull();
    }
  });

  it.each([
    ["1,450 sf", 1450],
    ["1450 sqft", 1450],
    ["Sq Ft: 1,450", 1450],
    ["approx 1,350 sq.ft.", 1350],
    ["Living area: 1,388 sq ft", 1388],
    ["Superficie : 3 300 pi²", 3300],
  ])("sqft %s", (text, value) => {
    expect(findSqft(text)?.value).toBe(value);
  });

  it("ignores lot sizes", () => {
    expect(findSqft("Lot size: 7,500 sq ft")).toBeNull();
    expect(findSqft("on a 10,000 sf lot")).toBeNull();
  });

  it.each([
    ["Built 1978", 1978],
    ["Year built: 1978", 1978],
    ["yr built 1962", 1962],
    ["built in 1950", 1950],
    ["built '78", 1978],
    ["construit en 1925", 1925],
    ["1998 double-wide", 1998],
  ])("year %s", (text, value) => {
    expect(findYearBuilt(text, 2025)?.value).toBe(value);
  });
});

describe("property type", () => {
  it.each([
    ["Single family", "SFR"],
    ["SFR", "SFR"],
    ["SFH", "SFR"],
    ["duplex", "MULTI"],
    ["Triplex", "MULTI"],
    ["fourplex", "MULTI"],
    ["multi-family", "MULTI"],
    ["condo", "CONDO"],
    ["townhouse", "TOWNHOUSE"],
    ["townhome", "TOWNHOUSE"],
    ["vacant lot", "LAND"],
    ["land", "LAND"],
    ["5 acres", "LAND"],
    ["mobile home", "MOBILE"],
    ["manufactured home", "MOBILE"],
    ["commercial", "COMMERCIAL"],
    ["retail building", "COMMERCIAL"],
    ["office building", "COMMERCIAL"],
  ])("%s -> %s", (text, type) => {
    expect(classifyType(text)).toBe(type);
  });

  it("prefers a labeled type and keeps land words from overriding a house", () => {
    expect(findPropertyType("Great duplex potential\nProperty Type: Single Family", true)?.value).toBe("SFR");
    expect(findPropertyType("3/2 SFR on half an acre lot", true)?.value).toBe("SFR");
    expect(findPropertyType("Needs a lot of work, 3 bed house", true)?.value).toBe("SFR");
    expect(findPropertyType("Retail value $250k, 12 acres of raw land", false)?.value).toBe("LAND");
  });
});

describe("addresses and postal codes", () => {
  const addr = (text: string) => {
    const [a] = findAddresses(text);
    return a && { street: a.street, unit: a.unit, city: a.city, region: a.region, postal: a.postal, country: a.country };
  };

  it("reads a US address", () => {
    expect(addr("123 Main St, Springfield, IL 62704")).toEqual({
      street: "123 Main St", unit: null, city: "Springfield", region: "IL", postal: "62704", country: "US",
    });
  });

  it("reads a Canadian address with a unit", () => {
    expect(addr("Address: 45 Oak Ave Apt 3, Toronto, ON M5V 2T6")).toEqual({
      street: "45 Oak Ave", unit: "3", city: "Toronto", region: "ON", postal: "M5V 2T6", country: "CA",
    });
  });

  it("reads Canadian postal codes with or without the space", () => {
    expect(findLocations("Calgary AB T2P1J9")[0]).toMatchObject({ city: "Calgary", region: "AB", postal: "T2P 1J9", country: "CA" });
    expect(normalizePostal("t2p 1j9")).toEqual({ code: "T2P 1J9", country: "CA" });
    expect(normalizePostal("62704-1234")).toEqual({ code: "62704", country: "US" });
    expect(normalizePostal("12345678")).toBeNull();
  });

  it("handles street names that contain type words, and the city after them", () => {
    expect(addr("123 Oak Park Dr, Springfield, IL")?.street).toBe("123 Oak Park Dr");
    expect(addr("123 Main St Lake Park, FL 33403")).toMatchObject({ street: "123 Main St", city: "Lake Park" });
    expect(addr("4 Blueberry Lane\nSt. John's, NL A1B 3X5")).toMatchObject({ street: "4 Blueberry Lane", city: "St. John's", region: "NL" });
  });

  it("reads French, numbered-road and Canadian unit-first forms", () => {
    expect(addr("2150 rue Beaubien Est, Montréal, QC H2G 1M4")).toMatchObject({ street: "2150 rue Beaubien Est", city: "Montréal" });
    expect(addr("12 Highway 7, Sharbot Lake, ON")).toMatchObject({ street: "12 Highway 7", region: "ON" });
    expect(addr("1203-88 Harbour St, Toronto ON M5J 0B8")).toMatchObject({ street: "88 Harbour St", unit: "1203" });
    expect(addr("Unit 5 - 220 King St W, Kitchener, Ontario N2G 1A8")).toMatchObject({ street: "220 King St W", unit: "5", region: "ON" });
  });

  it("does not take numbers in prose for streets", () => {
    expect(findAddresses("needs 30 days close, 3 bed 2 bath, 1450 sqft, built 1978 on a quiet street")).toEqual([]);
  });

  it("decides the country from postal code, then region", () => {
    expect(inferCountry("CA", "90018")).toBe("US"); // California
    expect(inferCountry("CA", null)).toBe("US");
    expect(inferCountry("NS", null)).toBe("CA"); // only Canada has NS
    expect(inferCountry(null, "B3K 1E5")).toBe("CA");
    expect(inferCountry(null, null)).toBeNull();
  });

  it("fills the province from a Canadian postal code when none is written", () => {
    const d = one("GTA deal: 3890 Grand Park Dr, Mississauga L5B 4M6\nAsking $789,000");
    expect(d.fields).toMatchObject({ city: "Mississauga", region: "ON", postalCode: "L5B 4M6", country: "CA" });
    expect(d.provenance.region!.confidence).toBeLessThan(0.9);
  });
});

describe("multi-deal emails", () => {
  const streets = (text: string) => parseDealEmail({ text }).deals.map((d) => d.fields.street);

  it("splits numbered lists", () => {
    expect(streets("Deals in Cleveland, OH:\n1) 3412 W 105th St - 3/1 - $55k - ARV 95k\n2) 891 E 140th St - 2/1 - $48k - ARV 85k")).toEqual([
      "3412 W 105th St",
      "891 E 140th St",
    ]);
  });

  it("splits 'Property 1:' and 'Deal #2' headings", () => {
    const text = "Property 1:\n12 Elm St, Dayton, OH 45402\nAsking 50k\n\nProperty 2:\n34 Oak St, Dayton, OH 45402\nAsking 60k";
    expect(streets(text)).toEqual(["12 Elm St", "34 Oak St"]);
    expect(streets(text.replace(/Property /g, "Deal #"))).toEqual(["12 Elm St", "34 Oak St"]);
  });

  it("splits '---' separated blocks and blank-line separated paragraphs", () => {
    const blocks = ["12 Elm St, Dayton, OH 45402\n3/1, Asking 50k", "34 Oak St, Dayton, OH 45402\n3/2, Asking 60k"];
    expect(streets(blocks.join("\n---\n"))).toEqual(["12 Elm St", "34 Oak St"]);
    expect(streets(blocks.join("\n\n"))).toEqual(["12 Elm St", "34 Oak St"]);
  });

  it("shares the intro's city and the signature's contact with every deal", () => {
    const { deals } = parseDealEmail({
      text: "3 rentals in Cleveland, OH:\n1) 12 Elm St - 3/1 - Asking $55k\n2) 34 Oak St - 2/1 - Asking $48k\n\nTony Russo\n216-555-0112",
    });
    expect(deals.map((d) => [d.fields.city, d.fields.region, d.fields.contactName, d.fields.contactPhone])).toEqual([
      ["Cleveland", "OH", "Tony Russo", "+12165550112"],
      ["Cleveland", "OH", "Tony Russo", "+12165550112"],
    ]);
  });

  it("does not split one deal's numbered feature list or comps", () => {
    const text =
      "Address: 12 Elm St, Dayton, OH 45402\nAsking 50k, ARV 120k\nUpdates:\n1) New roof 2019\n2) New HVAC\n\nComps:\n14 Elm St - sold $125,000\n20 Elm St - sold $118,000";
    expect(segmentDeals(text).segments).toHaveLength(1);
    expect(one(text).fields).toMatchObject({ street: "12 Elm St", askingPrice: 50_000, arv: 120_000 });
  });
});

describe("threads and signatures", () => {
  it("takes the contact from the signature but not its office address", () => {
    const d = one(
      "Property: 7302 Bellfort Ave, Houston, TX 77087\nAsking: $142,500\n\nBest regards,\n\nJessica Moore\nLone Star Realty\n1200 Congress Ave, Suite 400, Austin, TX 78701\nOffice: 512-555-0100 | Cell: 512-555-0133\njessica@lonestarri.com",
    );
    expect(d.fields).toMatchObject({
      street: "7302 Bellfort Ave",
      city: "Houston",
      contactName: "Jessica Moore",
      contactPhone: "+15125550133",
      contactEmail: "jessica@lonestarri.com",
    });
  });

  it("reads 'Thanks, Mike' and '- Rachel' sign-offs", () => {
    expect(one("1108 Chester Ave, Nashville, TN 37206\nAsking 239k\n\nThanks, Mike\n615-555-0109").fields.contactName).toBe("Mike");
    expect(one("12 Elm St, Dayton, OH 45402\nAsking 50k\nText me at 602-555-0148 - Rachel").fields.contactName).toBe("Rachel");
  });

  it("reads the deal and its sender from a forwarded message, not the forwarder", () => {
    const d = one(
      "FYI see below\n\nJim\n555-201-0000\n\n---------- Forwarded message ---------\nFrom: Carlos Rivera <carlos@peach.com>\nDate: Mon, Mar 4, 2024\nSubject: Atlanta deal\nTo: <list@peach.com>\n\n1847 Westview Dr SW, Atlanta, GA 30310\nPrice: $135,000\nARV: $290K",
    );
    expect(d.fields).toMatchObject({ street: "1847 Westview Dr SW", askingPrice: 135_000, contactName: "Carlos Rivera", contactEmail: "carlos@peach.com" });
    expect(d.fields.contactPhone).toBeNull();
  });

  it("reads '> ' quoted deals and applies a newer price from the reply", () => {
    const d = one(
      "PRICE DROP - now $139k\n\nOn Mon, Mar 18, 2024 at 2:30 PM Paula Grant <paula@gulf.com> wrote:\n> 1209 Dauphin Island Pkwy, Mobile, AL 36605\n> Asking $155,000\n> ARV $230,000",
    );
    expect(d.fields).toMatchObject({ street: "1209 Dauphin Island Pkwy", askingPrice: 139_000, arv: 230_000, contactName: "Paula Grant" });
  });

  it("uses the From header when the body names nobody", () => {
    const { deals } = parseDealEmail({ from: '"Sam Patel" <Sam@PhillyJV.com>', text: "5624 N Front St, Philadelphia, PA 19120\nAsking $119,000" });
    expect(deals[0].fields).toMatchObject({ contactName: "Sam Patel", contactEmail: "sam@phillyjv.com" });
    expect(deals[0].provenance.contactName!.confidence).toBeLessThan(0.8);
  });

  it("finds no deal in a buyer's criteria", () => {
    const r = parseDealEmail({ text: "Looking for 3/2 houses under $100k in South City. Let me know,\nPaul" });
    expect(r.deals).toEqual([]);
    expect(r.warnings).toContain("no deal found in this email");
  });
});

describe("HTML", () => {
  it("renders tables as 'cell | cell' lines and blocks as lines", () => {
    const text = htmlToText(
      "<style>p{color:red}</style><script>alert(1)</script><p>Hi&nbsp;there &amp; welcome</p><div>a<br>b</div><ul><li>one</li><li>two</li></ul><table><tr><th>ARV</th><td>$245,000</td></tr><tr><td>Beds</td><td>3</td></tr></table>",
    );
    expect(text.split("\n").filter(Boolean)).toEqual(["Hi there & welcome", "a", "b", "one", "two", "ARV | $245,000", "Beds | 3"]);
    expect(htmlToText("&lt;b&gt; &#36;150&#x2C;000 &eacute;")).toBe("<b> $150,000 é");
  });

  it("reads a label/value table", () => {
    const { deals } = parseDealEmail({
      html: "<table><tr><td>Address</td><td>2714 Pennsylvania Ave, Dallas, TX 75215</td></tr><tr><td>Bed/Bath</td><td>3/1</td></tr><tr><td>Asking</td><td>$118,000</td></tr><tr><td>ARV</td><td>$215,000</td></tr></table>",
    });
    expect(deals[0].fields).toMatchObject({ street: "2714 Pennsylvania Ave", beds: 3, baths: 1, askingPrice: 118_000, arv: 215_000 });
    expect(deals[0].provenance.arv).toEqual({ confidence: 0.95, source: "ARV: $215,000" });
  });

  it("reads one deal per row of a header-row table", () => {
    const { deals } = parseDealEmail({
      html: "<table><tr><th>Address</th><th>Asking</th><th>ARV</th></tr><tr><td>12 Elm St, Dayton, OH 45402</td><td>$50,000</td><td>$120,000</td></tr><tr><td>34 Oak St, Dayton, OH 45402</td><td>$60,000</td><td>$130,000</td></tr></table>",
    });
    expect(deals.map((d) => [d.fields.street, d.fields.askingPrice, d.fields.arv])).toEqual([
      ["12 Elm St", 50_000, 120_000],
      ["34 Oak St", 60_000, 130_000],
    ]);
  });
});

describe("raw RFC 822", () => {
  it("decodes a multipart/alternative quoted-printable message", async () => {
    const raw = [
      "From: Wei Chen <wei@west.ca>",
      "Subject: =?UTF-8?Q?Townhouse_=E2=80=93_East_Van?=",
      "Message-ID: <abc@west.ca>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Address: 2721 E 22nd Ave, Vancouver, BC V5M 2Y3",
      "Townhouse, 3 bed 2.5 bath. ARV: $1.32M, Repairs: 25k (cosmetic =E2=80=93 floors=",
      " and paint)",
      "--b",
      "Content-Type: text/html; charset=UTF-8",
      "",
      "<p>Address: 2721 E 22nd Ave, Vancouver, BC V5M 2Y3</p><p>Townhouse, 3 bed 2.5 bath. ARV: $1.32M, Repairs: 25k</p>",
      "--b--",
      "",
    ].join("\r\n");
    const r = await parseRawEmail(raw);
    expect(r).toMatchObject({ messageId: "<abc@west.ca>", subject: "Townhouse – East Van", from: "Wei Chen <wei@west.ca>" });
    expect(r.deals[0].fields).toMatchObject({ city: "Vancouver", region: "BC", country: "CA", arv: 1_320_000, repairs: 25_000, propertyType: "TOWNHOUSE", contactEmail: "wei@west.ca" });
  });

  it("reports unreadable input instead of throwing", async () => {
    const r = await parseRawEmail("");
    expect(r.deals).toEqual([]);
  });
});

describe("provenance", () => {
  it("gives every non-null field a confidence in 0..1 and the text it came from", () => {
    const d = one("Address: 123 Main St, Springfield, IL 62704\nARV: $245,000\nasking 150k\n3/2");
    for (const field of FIELD_NAMES) {
      const p = d.provenance[field];
      if (d.fields[field] === null) expect(p).toBeUndefined();
      else {
        expect(p!.confidence).toBeGreaterThan(0);
        expect(p!.confidence).toBeLessThanOrEqual(1);
        expect(p!.source.length).toBeGreaterThan(0);
      }
    }
    expect(d.provenance.arv).toEqual({ confidence: 0.95, source: "ARV: $245,000" });
    expect(d.provenance.beds!.confidence).toBeLessThan(0.9); // a bare "3/2"
  });
});

describe("properties (fast-check)", () => {
  const withCommas = (n: number) => n.toLocaleString("en-US");

  it("round-trips any dollar amount written as $X, X, Xk or X,XXX with any label separator", () => {
    fc.assert(
      fc.property(
        // From 3k: a bare 1900-2099 is read as a year ("Built 2004"), which is the better bet in a deal email.
        fc.integer({ min: 3, max: 9_999 }),
        fc.constantFrom("$X", "X", "Xk", "XK", "$Xk", "$X,XXX", "X,XXX", "$ X,XXX"),
        fc.constantFrom(": ", " ", " - ", " = ", ":  ~", " of ", " is "),
        fc.constantFrom("ARV", "Asking price", "Repairs", "After repair value", "Rehab"),
        (thousands, format, sep, label) => {
          const dollars = thousands * 1000;
          const amount = format
            .replace("X,XXX", withCommas(dollars))
            .replace(/X/, format.includes("k") || format.includes("K") ? String(thousands) : String(dollars));
          const [f] = analyzeMoneyLine(`${label}${sep}${amount}`).findings;
          expect(f?.value).toBe(dollars);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("round-trips M-suffixed amounts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (tenths) => {
        const text = `Price: $${(tenths / 10).toString()}M`;
        expect(parseAmount(text.slice(7))).toBe(tenths * 100_000);
        expect(analyzeMoneyLine(text).findings[0]?.value).toBe(tenths * 100_000);
      }),
    );
  });

  const checkShape = (deals: ParsedDeal[]) => {
    for (const d of deals) {
      for (const field of FIELD_NAMES) {
        const v = d.fields[field];
        const numeric = ["askingPrice", "arv", "repairs", "beds", "baths", "sqft", "yearBuilt"].includes(field);
        if (numeric) expect(v === null || (typeof v === "number" && Number.isFinite(v) && v >= 0)).toBe(true);
        else expect(v === null || typeof v === "string").toBe(true);
        const p = d.provenance[field];
        if (p) expect(p.confidence >= 0 && p.confidence <= 1 && typeof p.source === "string").toBe(true);
      }
    }
  };

  it("never throws on arbitrary text, subjects or HTML, and returns numbers or null", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 60 }), (text, subject) => {
        const r = parseDealEmail({ text, subject, html: `<p>${text}</p><table><tr><td>${subject}</td></tr></table>` });
        expect(Array.isArray(r.deals)).toBe(true);
        checkShape(r.deals);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on deal-like fragments in any order", () => {
    const fragment = fc.constantFrom(
      "123 Main St", "Springfield, IL 62704", "Toronto, ON M5V 2T6", "ARV: $245k", "Asking 150", "3/2", "3 bed 2 bath",
      "1,450 sf", "Built 1978", "Duplex", "lot", "---", "1)", "Property 2:", "> ", "Thanks,", "--", "Call Mike 555-123-4567",
      "mike@x.com", "\n", "\n\n", "|", "$", "k", "-", "Est. repairs 35-40k", "On Mon, Jan 1, 2024 John <j@x.com> wrote:",
      "---------- Forwarded message ---------", "From: A <a@b.co>", "Comps:", "sold $1", "#1 -", "Unit 4", "ñ", "🏠",
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.array(fc.constantFrom(" ", "", ", ", "\n"), { minLength: 40, maxLength: 40 }), (parts, seps) => {
        const text = parts.map((p, i) => p + seps[i]).join("");
        checkShape(parseDealEmail({ text, subject: parts.slice(0, 5).join(" ") }).deals);
      }),
      { numRuns: 300 },
    );
  });

  it("stays fast on large inputs", () => {
    const block = "Address: 123 Main St, Springfield, IL 62704\n3 bed 2 bath 1,450 sqft built 1978\nAsking $150k ARV 245k repairs 35k\n\n";
    const noise = "1 2 3 4 5 6 7 8 9 10 lorem ipsum St Ave Rd, IL ON CA 12345 $1 2k 3/2 ".repeat(200);
    const started = Date.now();
    parseDealEmail({ text: block.repeat(40) + noise });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
