import { describe, expect, it } from "vitest";
import { guessCompMapping } from "@/lib/imports/comp-fields";
import { previewCompImport } from "@/lib/imports/comps";
import { CompColumnMapping, toColumnMapping } from "@/lib/imports/schema";

const headers = ["Address", "Zip", "Sale Price", "Close Date", "Bedrooms", "Living Area", "Home Type", "Notes"];

describe("the sold-comps columns", () => {
  it("guesses fields from MLS headers and leaves unknown columns out", () => {
    expect(guessCompMapping(headers)).toEqual({
      Address: "street", Zip: "postalCode", "Sale Price": "soldPrice", "Close Date": "soldAt", Bedrooms: "beds", "Living Area": "sqft", "Home Type": "propertyType", Notes: null,
    });
  });

  it("needs the street, the sold price and the sold date", () => {
    const mapping = toColumnMapping(headers, { ...guessCompMapping(headers), "Sale Price": null, "Close Date": null });
    const result = CompColumnMapping.safeParse(mapping);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(["Map a column to Sold price", "Map a column to Sold date"]);
  });

  it("previews each row as the import checks it, flagging a repeated sale", () => {
    const mapping = toColumnMapping(headers, guessCompMapping(headers));
    const rows = [
      { rowNumber: 2, cells: ["12 Oak St", "75201", "$250k", "2026-05-01", "3", "1400", "Single Family", ""] },
      { rowNumber: 3, cells: ["12 Oak Street", "75201", "251000", "5/1/2026", "3", "1400", "SFR", ""] },
      { rowNumber: 4, cells: ["14 Oak St", "75201", "-5", "2026-05-01", "3", "1400", "SFR", ""] },
      { rowNumber: 5, cells: ["", "", "", "", "", "", "", ""] },
    ];
    const checked = previewCompImport({ kind: "COMPS", headers, rows, mapping });
    expect(checked.map((r) => [r.rowNumber, r.issues.map((i) => i.field), r.duplicates.map((d) => d.rowNumber)])).toEqual([
      [2, [], []],
      [3, [], [2]],
      [4, ["soldPrice"], []],
    ]);
  });
});
