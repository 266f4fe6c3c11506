import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DealInput } from "@/lib/intake/schema";
import { applyMapping, assignColumn, DEAL_FIELD_NAMES, DEAL_FIELDS, guessMapping, normalizeHeader, unmappedRequiredFields } from "@/lib/imports/mapping";
import { ColumnMapping, toColumnMapping, toHeaderMapping } from "@/lib/imports/schema";

describe("guessMapping", () => {
  it.each([
    ["Property Address", "street"],
    ["Address", "street"],
    ["Street", "street"],
    ["Site Address", "street"],
    ["Zip", "postalCode"],
    ["Zip Code", "postalCode"],
    ["Postal Code", "postalCode"],
    ["Property Zip", "postalCode"],
    ["State", "region"],
    ["Province", "region"],
    ["City", "city"],
    ["Asking", "askingPrice"],
    ["Asking Price", "askingPrice"],
    ["Price", "askingPrice"],
    ["List Price", "askingPrice"],
    ["ARV", "arv"],
    ["After Repair Value", "arv"],
    ["Est. Repairs", "repairs"],
    ["Rehab", "repairs"],
    ["Beds", "beds"],
    ["Bedrooms", "beds"],
    ["Baths", "baths"],
    ["SqFt", "sqft"],
    ["Sq. Ft.", "sqft"],
    ["Living Area", "sqft"],
    ["Year Built", "yearBuilt"],
    ["Type", "propertyType"],
    ["Property Type", "propertyType"],
    ["Owner Name", "contactName"],
    ["Phone", "contactPhone"],
    ["Owner Phone", "contactPhone"],
    ["Email", "contactEmail"],
    ["E-mail", "contactEmail"],
    ["  ZIP CODE ", "postalCode"],
  ] as const)("%s -> %s", (header, field) => {
    expect(guessMapping([header])[header]).toBe(field);
  });

  it.each(["Notes", "Last Sale Date", "APN", "Lot Size", "Equity %", ""])("leaves %j unmapped", (header) => {
    expect(guessMapping([header])[header]).toBeNull();
  });

  it("maps a typical lead list", () => {
    const headers = ["Property Address", "City", "State", "Zip", "Asking Price", "ARV", "Est. Repairs", "Beds", "Baths", "SqFt", "Owner Name", "Owner Phone"];
    expect(guessMapping(headers)).toEqual({
      "Property Address": "street",
      City: "city",
      State: "region",
      Zip: "postalCode",
      "Asking Price": "askingPrice",
      ARV: "arv",
      "Est. Repairs": "repairs",
      Beds: "beds",
      Baths: "baths",
      SqFt: "sqft",
      "Owner Name": "contactName",
      "Owner Phone": "contactPhone",
    });
  });

  it("prefers the property address over the mailing address, in any column order", () => {
    const headers = ["Mailing Address", "Mailing City", "Mailing State", "Mailing Zip", "Address", "City", "State", "Zip"];
    const mapping = guessMapping(headers);
    expect(mapping).toMatchObject({ Address: "street", City: "city", State: "region", Zip: "postalCode" });
    expect([mapping["Mailing Address"], mapping["Mailing City"], mapping["Mailing State"], mapping["Mailing Zip"]]).toEqual([null, null, null, null]);
  });

  it("does not mix a property street with the owner's mailing city", () => {
    const mapping = guessMapping(["Property Address", "Mailing City", "Mailing Zip"]);
    expect(mapping).toEqual({ "Property Address": "street", "Mailing City": null, "Mailing Zip": null });
  });

  it("falls back to the mailing address when it is the only address", () => {
    expect(guessMapping(["Mailing Address", "Mailing Zip", "Owner Name"])).toEqual({
      "Mailing Address": "street",
      "Mailing Zip": "postalCode",
      "Owner Name": "contactName",
    });
  });

  it("uses each field once: the better-named column wins, else the first", () => {
    expect(guessMapping(["Price", "Asking Price"])).toEqual({ Price: null, "Asking Price": "askingPrice" });
    expect(guessMapping(["Phone", "Phone"])).toEqual({ Phone: "contactPhone" });
    expect(guessMapping(["Zip", "Postal Code"])).toEqual({ Zip: "postalCode", "Postal Code": null });
  });

  it("is injective and maps every header to a field or null", () => {
    const known = DEAL_FIELDS.flatMap((f) => [f.label, f.field]).concat(["Address", "Zip", "Mailing Zip", "Property City", "Owner Phone", "Rehab"]);
    const header = fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(header, { maxLength: 30 }), (headers) => {
        const mapping = guessMapping(headers);
        expect(Object.keys(mapping).sort()).toEqual([...new Set(headers)].sort());
        const used = Object.values(mapping).filter((f) => f !== null);
        expect(new Set(used).size).toBe(used.length);
        for (const field of used) expect(DEAL_FIELD_NAMES).toContain(field);
      }),
    );
  });

  it("maps headers it does not know to null", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{3,12}$/), { maxLength: 10 }), (words) => {
        const headers = words.map((w) => `zz ${w} col`);
        for (const field of Object.values(guessMapping(headers))) expect(field).toBeNull();
      }),
    );
  });
});

describe("normalizeHeader", () => {
  it("ignores case, punctuation and spacing", () => {
    expect(normalizeHeader("  Est. Repairs ($) ")).toBe("est repairs");
    expect(normalizeHeader("Sq.Ft")).toBe("sq ft");
  });
});

describe("applyMapping", () => {
  it("builds a DealInput-shaped object that DealInput accepts", () => {
    const record = { "Property Address": "12 Main St", Zip: "90210", "Asking Price": "$150k", Notes: "call after 5" };
    const deal = applyMapping(record, guessMapping(Object.keys(record)));
    expect(deal).toEqual({ street: "12 Main St", postalCode: "90210", askingPrice: "$150k" });
    expect(DealInput.parse(deal)).toMatchObject({ street: "12 Main St", askingPrice: 150_000 });
  });

  it("skips unmapped and missing columns, and keeps the first column of a field", () => {
    expect(applyMapping({ A: "1", B: "2" }, { A: "beds", B: "beds", C: "baths" })).toEqual({ beds: "1" });
  });
});

describe("assignColumn", () => {
  it("moves a field taken by another column, so the mapping stays injective", () => {
    const mapping = { Price: "askingPrice", Asking: null, Zip: "postalCode" } as const;
    expect(assignColumn(mapping, "Asking", "askingPrice")).toEqual({ Price: null, Asking: "askingPrice", Zip: "postalCode" });
    expect(assignColumn(mapping, "Zip", null)).toEqual({ Price: "askingPrice", Asking: null, Zip: null });
  });
});

describe("column mapping", () => {
  it("round-trips headers in file order and flags what is missing", () => {
    const headers = ["Zip", "Address", "Notes"];
    const columns = toColumnMapping(headers, guessMapping(headers));
    expect(columns).toEqual([
      { header: "Zip", field: "postalCode" },
      { header: "Address", field: "street" },
      { header: "Notes", field: null },
    ]);
    expect(toHeaderMapping(columns)).toEqual({ Zip: "postalCode", Address: "street", Notes: null });
    expect(unmappedRequiredFields({ Zip: "postalCode" }).map((f) => f.field)).toEqual(["street"]);
  });

  it("refuses a field used twice and a mapping without a street", () => {
    expect(ColumnMapping.safeParse([{ header: "A", field: "street" }, { header: "B", field: "street" }]).success).toBe(false);
    expect(ColumnMapping.safeParse([{ header: "A", field: "city" }]).success).toBe(false);
  });
});
