import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseCsvHead } from "@/lib/imports/csv-head";
import { CsvRecordCounter } from "@/lib/imports/record-counter";
import { isBlankRow, toRecord, validateRow } from "@/lib/imports/rows";

const encode = (text: string) => new TextEncoder().encode(text);

function countRecords(text: string, chunkSize = 7): number {
  const counter = new CsvRecordCounter();
  const bytes = encode(text);
  for (let i = 0; i < bytes.length; i += chunkSize) counter.push(bytes.subarray(i, i + chunkSize));
  return counter.records;
}

describe("parseCsvHead", () => {
  it("reads quoted commas, quotes and line breaks, and drops a record cut off by the slice", () => {
    const text = '\uFEFFAddress,Notes\r\n"12 Main St, Unit 4","said ""call me""\nlater"\r\n9 Elm,"cut off here';
    expect(parseCsvHead(text, 10)).toEqual([["Address", "Notes"], ["12 Main St, Unit 4", 'said "call me"\nlater']]);
  });

  it("keeps the last record without a newline when the text is the whole file", () => {
    expect(parseCsvHead("a,b\n1,2", 10, { complete: true })).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsvHead("a,b\n1,2", 10)).toEqual([["a", "b"]]);
  });

  it("stops at the number of records asked", () => {
    expect(parseCsvHead("a\n1\n2\n3\n", 2)).toEqual([["a"], ["1"]]);
  });

  it("agrees with csv-parse on well-formed files", () => {
    const cell = fc.string({ maxLength: 8 }).map((s) => s.replace(/\r/g, ""));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\n") + "\n";
        expect(parseCsvHead(text, 100)).toEqual(parse(text, { relax_column_count: true }));
      }),
    );
  });
});

describe("CsvRecordCounter", () => {
  it("counts records, not lines, across chunk boundaries", () => {
    expect(countRecords('a,b\n"1\n2",3\n4,5')).toBe(3);
    expect(countRecords("a,b\r\n1,2\r\n")).toBe(2);
  });

  it("does not count blank lines or rows of bare commas", () => {
    expect(countRecords("a,b\n\n1,2\n,,\n \n")).toBe(2);
  });

  it("gives the data rows after the header", () => {
    const counter = new CsvRecordCounter();
    counter.push(encode("h\n1\n2\n"));
    expect(counter.dataRows).toBe(2);
  });
});

describe("rows", () => {
  it("keys cells by header, the first of a repeated header winning, and pads short rows", () => {
    expect(toRecord(["a", "b", "a"], ["1", "2", "3"])).toEqual({ a: "1", b: "2" });
    expect(toRecord(["a", "b"], ["1"])).toEqual({ a: "1", b: "" });
    // Headers are user data: names of Object.prototype's members are columns like any other.
    const record = toRecord(["constructor", "__proto__", "toString"], ["1", "2", "3"]);
    expect(Object.entries(record)).toEqual([["constructor", "1"], ["__proto__", "2"], ["toString", "3"]]);
  });

  it("knows a blank row", () => {
    expect(isBlankRow(["", " ", ""])).toBe(true);
    expect(isBlankRow(["", "x"])).toBe(false);
  });

  it("reports each problem with its field", () => {
    const result = validateRow({ Address: "", Zip: "90210", Price: "lots", Email: "nope" }, { Address: "street", Zip: "postalCode", Price: "askingPrice", Email: "contactEmail" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field).sort()).toEqual(["askingPrice", "contactEmail", "street"]);
  });
});
