import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@/generated/prisma/client";
import { AUDIT_CSV_COLUMNS, auditCsvRow, csvField } from "@/lib/audit/csv";

/** A tiny RFC 4180 reader: records separated by CRLF (or LF), fields by commas. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (ch === ",") {
      record.push(field);
      field = "";
      fieldStarted = false;
      i += 1;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      fieldStarted = false;
      i += 2;
    } else if (ch === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      fieldStarted = false;
      i += 1;
    } else {
      if (ch === '"') throw new Error(`Bare quote inside an unquoted field at ${i}`);
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new Error("Unterminated quoted field");
  if (fieldStarted || field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const TRIGGERS = ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"];
const LEADERS = [" ", "\n", "\r", "\t", "\u000b", "\f", "\u00a0", "\u3000", "\u2028", "\u0001"];

/** The oracle, char by char: spreadsheets skip leading blanks and control characters before a formula sign. */
function startsFormula(value: string): boolean {
  if (value.startsWith("\t") || value.startsWith("\r")) return true;
  for (const ch of value) {
    if (TRIGGERS.includes(ch)) return true;
    if (ch.trim() !== "" && ch.charCodeAt(0) >= 32) return false;
  }
  return false;
}
const FORMULA_START = { test: startsFormula };

describe("csvField", () => {
  it("leaves plain text as is", () => {
    expect(csvField("hello")).toBe("hello");
    expect(csvField("jane@example.com")).toBe("jane@example.com");
    expect(csvField("")).toBe("");
  });

  it("renders null and undefined as an empty cell", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes fields with commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(csvField('"')).toBe('""""');
  });

  it.each(["=", "+", "-", "@"])("neutralises a cell starting with %s", (prefix) => {
    expect(csvField(`${prefix}SUM(A1:A9)`)).toBe(`'${prefix}SUM(A1:A9)`);
  });

  it("neutralises tab and carriage-return prefixes too", () => {
    expect(csvField("\t=1+1")).toBe("'\t=1+1");
    expect(csvField("\r=1+1")).toBe(`"'\r=1+1"`);
  });

  it("neutralises and quotes a formula that also contains a comma", () => {
    expect(csvField('=HYPERLINK("http://evil",  "x")')).toBe(`"'=HYPERLINK(""http://evil"",  ""x"")"`);
  });

  it.each([" =1+1", "  @SUM(A1)", "\n=1", "\r\n+1", " \t-1", "\u00a0=1", "\u3000=1", "\uff1dSUM(A1)"])("neutralises %j, a sign after leading blanks", (value) => {
    expect(parseCsv(`${csvField(value)}\r\n`)[0][0]).toBe(`'${value}`);
  });

  it("property: blanks or control characters before a formula sign never hide it", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LEADERS), { maxLength: 4 }), fc.constantFrom(...TRIGGERS), fc.string(), (leaders, sign, rest) => {
        const value = `${leaders.join("")}${sign}${rest}`;
        const [[read]] = parseCsv(`${csvField(value)}\r\n`);
        expect(read).toBe(`'${value}`);
      }),
      { numRuns: 500 },
    );
  });

  it("does not neutralise a formula character that is not at the start", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("x-1")).toBe("x-1");
  });

  it("property: a reader gets the value back (with the neutralising quote where applied)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "Z", "1", ",", '"', "\n", "\r", "=", "+", "-", "@", "\t", " ", "'", "é", "\u00a0", "\uff1d") }), (value) => {
        const cell = csvField(value);
        // Wrap it in a record with a neighbour on each side: the cell must not bleed into them.
        const parsed = parseCsv(`left,${cell},right\r\n`);
        expect(parsed).toHaveLength(1);
        expect(parsed[0]).toHaveLength(3);
        expect(parsed[0][0]).toBe("left");
        expect(parsed[0][2]).toBe("right");
        const read = parsed[0][1];
        if (FORMULA_START.test(value)) {
          expect(read).toBe(`'${value}`);
          expect(read.slice(1)).toBe(value);
        } else {
          expect(read).toBe(value);
        }
        // Whatever was read never starts a formula.
        expect(FORMULA_START.test(read)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("property: arbitrary unicode strings round-trip", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        const [[read]] = parseCsv(`${csvField(value)}\r\n`).concat([[""]]);
        expect(FORMULA_START.test(value) ? read.slice(1) : read).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});

function event(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: "evt_1",
    tenantId: "tenant_1",
    actorId: "user_1",
    actorEmail: "owner@example.com",
    action: "member.role_changed",
    entity: "Membership",
    entityId: "mem_1",
    before: { email: "va@example.com", role: "va" },
    after: { email: "va@example.com", role: "admin" },
    requestId: "req-12345678",
    createdAt: new Date("2026-03-04T05:06:07.089Z"),
    ...overrides,
  } as AuditEvent;
}

describe("auditCsvRow", () => {
  it("has the documented column order", () => {
    expect([...AUDIT_CSV_COLUMNS]).toEqual(["time", "actor", "action", "entity", "entity_id", "before", "after", "request_id", "id"]);
  });

  it("writes the event's fields in the columns' order", () => {
    const [row] = parseCsv(auditCsvRow(event()));
    expect(row).toHaveLength(AUDIT_CSV_COLUMNS.length);
    const byColumn = Object.fromEntries(AUDIT_CSV_COLUMNS.map((c, i) => [c, row[i]]));
    expect(byColumn).toEqual({
      time: "2026-03-04T05:06:07.089Z",
      actor: "owner@example.com",
      action: "member.role_changed",
      entity: "Membership",
      entity_id: "mem_1",
      before: JSON.stringify({ email: "va@example.com", role: "va" }),
      after: JSON.stringify({ email: "va@example.com", role: "admin" }),
      request_id: "req-12345678",
      id: "evt_1",
    });
  });

  it("leaves missing actor, entity id, before, after and request id empty", () => {
    const row = auditCsvRow(event({ actorId: null, actorEmail: null, entityId: null, before: null, after: null, requestId: null }));
    expect(row).toBe("2026-03-04T05:06:07.089Z,,member.role_changed,Membership,,,,,evt_1");
  });

  it("neutralises a formula smuggled in through an actor email or a JSON value", () => {
    const [row] = parseCsv(auditCsvRow(event({ actorEmail: "=cmd|' /C calc'!A0", after: "-2+3" as never })));
    expect(row[1]).toBe("'=cmd|' /C calc'!A0");
    // A JSON string is written with its quotes, so it does not start a formula.
    expect(row[6]).toBe('"-2+3"');
  });
});
