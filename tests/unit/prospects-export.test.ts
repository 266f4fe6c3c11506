import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProspectExportQuery, EXPORT_COLUMN_IDS } from "@/lib/prospects/export-params";
import { EXPORT_COLUMNS, exportColumns, exportHeader, exportRow, type ExportDeal } from "@/lib/prospects/filter-export";
import { parseCsv } from "../helpers/csv";

/** Text that tries hard to be a formula: the trigger characters, full-width forms, spaces and control characters up front. */
const nasty = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom("", " ", "\t", "\r", "\n", "\u0001", "  \n"), fc.constantFrom("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"), fc.string()).map(([lead, trigger, rest]) => lead + trigger + rest),
  fc.constantFrom("=SUM(A1:A9)", "+1-555", "-2+3", "@cmd", '=HYPERLINK("http://x","y")', "a,b", 'say "hi"', "line\r\nbreak"),
);
const text = fc.option(nasty, { nil: null });
const money = fc.option(fc.integer({ min: -2_000_000, max: 2_000_000 }), { nil: null });

const deal: fc.Arbitrary<ExportDeal> = fc.record({
  id: nasty, street: text, unit: text, city: text, region: text, postalCode: text, country: fc.constantFrom("US", "CA"), market: text,
  status: fc.constantFrom("NEW", "DEAD"), strategy: fc.constantFrom(null, "FLIP"), source: fc.constantFrom("CSV", "API"),
  askingPrice: money, arv: money, mao: money, spread: money, spreadRatio: fc.option(fc.double({ min: -5, max: 5, noNaN: true }), { nil: null }),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), intentScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  listCount: fc.integer({ min: 0, max: 9 }), qualityFlags: fc.array(nasty, { maxLength: 3 }), ownerId: fc.constant(null), contactPhone: text,
  createdAt: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
}) as fc.Arbitrary<ExportDeal>;

const FORMULA_TRIGGER = /^[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const allColumns = exportColumns(undefined);

describe("exportRow", () => {
  it("never writes a cell a spreadsheet would run: each starts with = + - @ only behind an apostrophe", () => {
    fc.assert(
      fc.property(deal, nasty, (row, owner) => {
        const [cells] = parseCsv(`${exportRow(row, owner, allColumns)}\r\n`);
        expect(cells).toHaveLength(exportHeader(allColumns).split(",").length);
        for (const cell of cells) {
          expect(FORMULA_TRIGGER.test(cell) || /^[\t\r]/.test(cell)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every value otherwise as it was: the apostrophe is the only change", () => {
    fc.assert(
      fc.property(deal, text, (row, owner) => {
        const [cells] = parseCsv(`${exportRow(row, owner, allColumns)}\r\n`);
        const raw = allColumns.flatMap((id) => EXPORT_COLUMNS[id].cells(row, owner)).map((value) => value ?? "");
        cells.forEach((cell, i) => expect(cell === raw[i] || cell === `'${raw[i]}`).toBe(true));
      }),
      { numRuns: 200 },
    );
  });

  it("writes a negative spread behind an apostrophe, a positive one as it is", () => {
    const base = { id: "d1", street: "1 Main St", unit: null, city: "Dallas", region: "TX", postalCode: "75201", country: "US", market: "Dallas", status: "NEW", strategy: null, source: "CSV", askingPrice: 100_000, arv: 200_000, mao: 90_000, spread: -10_000, spreadRatio: -0.05, score: 40, intentScore: null, listCount: 2, qualityFlags: ["ARV_BELOW_ASK"], ownerId: null, contactPhone: "+12145550100", createdAt: new Date("2026-06-01T00:00:00Z") } as unknown as ExportDeal;
    const columns = exportColumns(["spread", "askingPrice", "lists", "quality"]);
    expect(exportHeader(columns)).toBe("id,street,unit,city,region,postal_code,country,asking_price,spread,lists,quality_flags");
    expect(exportRow(base, null, columns)).toBe("d1,1 Main St,,Dallas,TX,75201,US,100000,'-10000,2,ARV_BELOW_ASK");
    // The contact phone starts with "+": neutralized too.
    expect(exportRow(base, null, exportColumns(["phone"]))).toBe("d1,1 Main St,,Dallas,TX,75201,US,'+12145550100");
  });
});

describe("exportColumns", () => {
  it("keeps the table's order and always the address", () => {
    expect(exportColumns(["createdAt", "score"])).toEqual(["address", "score", "createdAt"]);
    expect(exportColumns(undefined)).toEqual([...EXPORT_COLUMN_IDS]);
  });

  it("accepts known columns only, with the field and reason", () => {
    const parsed = ProspectExportQuery.safeParse({ columns: "score,password" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path[0]).toBe("columns");
    expect(ProspectExportQuery.parse({ columns: "score,arv", page: "3" })).not.toHaveProperty("page");
  });
});
