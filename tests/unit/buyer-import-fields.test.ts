import { describe, expect, it } from "vitest";
import { applyBuyerMapping, guessBuyerMapping, MULTI_COLUMN_BUYER_FIELDS, unmappedRequiredBuyerFields } from "@/lib/imports/buyer-fields";
import { buyerImportKeys, checkBuyerPreviewRows } from "@/lib/imports/buyer-rows";
import { assignColumn } from "@/lib/imports/mapping";
import { ImportPreviewRequest } from "@/lib/imports/preview";
import { BuyerColumnMapping } from "@/lib/imports/schema";

describe("guessBuyerMapping", () => {
  it("maps the usual buyer-list headers, whatever their case and punctuation", () => {
    const headers = ["Buyer Name", "Phone", "Cell", "E-mail", "Markets", "Zips", "Min. Price ($)", "MAX PRICE", "Favorite color"];
    expect({ ...guessBuyerMapping(headers) }).toEqual({
      "Buyer Name": "name",
      Phone: "phones",
      Cell: "phones",
      "E-mail": "emails",
      Markets: "markets",
      Zips: "postalCodes",
      "Min. Price ($)": "priceMin",
      "MAX PRICE": "priceMax",
      "Favorite color": null,
    });
  });

  it("gives a single-column field to the best-named column only", () => {
    expect({ ...guessBuyerMapping(["Contact", "Buyer Name"]) }).toEqual({ Contact: null, "Buyer Name": "name" });
  });

  it("says the name is missing until a column fills it", () => {
    expect(unmappedRequiredBuyerFields(guessBuyerMapping(["Phone"])).map((f) => f.field)).toEqual(["name"]);
    expect(unmappedRequiredBuyerFields(guessBuyerMapping(["Name", "Phone"]))).toEqual([]);
  });
});

describe("applyBuyerMapping", () => {
  it("joins the cells of the columns that fill one field, skipping blanks", () => {
    const mapping = { Name: "name", Phone: "phones", Cell: "phones", Other: "phones" } as const;
    expect(applyBuyerMapping({ Name: "Ann", Phone: "713-555-0100", Cell: "", Other: "832-555-0101" }, mapping)).toEqual({ name: "Ann", phones: "713-555-0100; 832-555-0101" });
  });
});

describe("assignColumn with multi-column fields", () => {
  it("leaves the other phone columns alone, but still moves a single-column field", () => {
    const mapping = { Phone: "phones", Cell: null, Name: "name", Contact: null };
    expect(assignColumn(mapping, "Cell", "phones", MULTI_COLUMN_BUYER_FIELDS)).toEqual({ Phone: "phones", Cell: "phones", Name: "name", Contact: null });
    expect(assignColumn(mapping, "Contact", "name", MULTI_COLUMN_BUYER_FIELDS)).toEqual({ Phone: "phones", Cell: null, Name: null, Contact: "name" });
  });
});

describe("buyerImportKeys", () => {
  it("keys a buyer by every phone and email, and by the name only without either", () => {
    expect(buyerImportKeys({ name: "Ann", phones: ["+17135550100"], emails: ["Ann@X.test"] })).toEqual(["phone:+17135550100", "email:ann@x.test"]);
    expect(buyerImportKeys({ name: "  Ann   LEE ", phones: [], emails: [] })).toEqual(["name:ann lee"]);
  });
});

describe("BuyerColumnMapping", () => {
  it("takes several phone columns but not two name columns, and needs a name", () => {
    expect(BuyerColumnMapping.safeParse([{ header: "N", field: "name" }, { header: "P", field: "phones" }, { header: "C", field: "phones" }]).success).toBe(true);
    expect(BuyerColumnMapping.safeParse([{ header: "N", field: "name" }, { header: "M", field: "name" }]).success).toBe(false);
    expect(BuyerColumnMapping.safeParse([{ header: "P", field: "phones" }]).error?.issues[0].message).toMatch(/Buyer name/);
  });
});

describe("checkBuyerPreviewRows", () => {
  const headers = ["Name", "Phone", "Email", "Zips"];
  const mapping = { Name: "name", Phone: "phones", Email: "emails", Zips: "postalCodes" } as const;
  it("flags bad rows with their field and rows repeating an earlier phone or email", () => {
    const rows = [
      { rowNumber: 2, cells: ["Ann", "713-555-0100", "ann@x.test", "77002"] },
      { rowNumber: 3, cells: ["Bob", "not a phone", "", ""] },
      { rowNumber: 4, cells: ["Ann L.", "", "ANN@x.test", ""] },
      { rowNumber: 5, cells: ["", "", "", ""] },
      { rowNumber: 6, cells: ["Cy", "", "", "123"] },
    ];
    const checked = checkBuyerPreviewRows(headers, rows, mapping);
    expect(checked.map((row) => row.rowNumber)).toEqual([2, 3, 4, 6]);
    expect(checked[0]).toEqual({ rowNumber: 2, issues: [], duplicates: [], consent: null });
    expect(checked[1].issues).toEqual([{ field: "phones", message: '"not a phone" is not a phone number (use +1 713 555 0100)' }]);
    expect(checked[2].duplicates).toEqual([{ rowNumber: 2, by: "email", message: "Same email as row 2 (ann@x.test): skipped as a duplicate" }]);
    expect(checked[3].issues.map((i) => i.field)).toEqual(["postalCodes"]);
  });

  it("is what the preview route answers for a BUYERS body, while a body without kind stays a lead list", () => {
    const buyers = ImportPreviewRequest.parse({ kind: "BUYERS", headers, rows: [], mapping: [{ header: "Name", field: "name" }] });
    expect(buyers.kind).toBe("BUYERS");
    const leads = ImportPreviewRequest.parse({ headers: ["Address"], rows: [], mapping: [{ header: "Address", field: "street" }] });
    expect(leads.kind).toBe("DEALS");
    expect(ImportPreviewRequest.safeParse({ kind: "BUYERS", headers, rows: [], mapping: [{ header: "Name", field: "street" }] }).success).toBe(false);
  });
});
