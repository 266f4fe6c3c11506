/**
 * Runs the deal-email parser over the hand-labeled corpus in tests/fixtures/emails and
 * reports field accuracy: correctly extracted fields / all expected fields, over every deal.
 * A fixture whose deal count is wrong scores zero on all of its deals' fields.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIELD_NAMES, parseDealEmail, parseRawEmail, type FieldName, type ParsedDealFields, type ParseResult } from "@/lib/intake/email";

const DIR = path.resolve(import.meta.dirname, "../fixtures/emails");

interface Fixture {
  name: string;
  file: string;
  expected: ParsedDealFields[];
}

function loadFixtures(): Fixture[] {
  const files = readdirSync(DIR);
  return files
    .filter((f) => /\.(txt|html|eml)$/.test(f))
    .sort()
    .map((file) => {
      const name = file.replace(/\.(txt|html|eml)$/, "");
      const expected = JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as { deals: ParsedDealFields[] };
      return { name, file, expected: expected.deals };
    });
}

async function run(fixture: Fixture): Promise<ParseResult> {
  const full = path.join(DIR, fixture.file);
  if (fixture.file.endsWith(".eml")) return parseRawEmail(readFileSync(full));
  const content = readFileSync(full, "utf8");
  return fixture.file.endsWith(".html") ? parseDealEmail({ html: content }) : parseDealEmail({ text: content });
}

/** Text compares the way a reviewer would: case, periods, commas and spacing don't matter. */
const normText = (v: string) => v.toLowerCase().replace(/[.,]/g, "").replace(/\s+/g, " ").trim();

function same(field: FieldName, actual: unknown, expected: unknown): boolean {
  if (expected === null || actual === null || actual === undefined) return expected === (actual ?? null);
  if (typeof expected === "number") return actual === expected;
  if (["street", "unit", "city", "contactName"].includes(field)) return normText(String(actual)) === normText(String(expected));
  return actual === expected;
}

const fixtures = loadFixtures();
const results = new Map<string, ParseResult>();

beforeAll(async () => {
  for (const f of fixtures) results.set(f.name, await run(f));
});

describe("deal email corpus", () => {
  it("has a realistic corpus (at least 45 fixtures, every expectation file present)", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s yields the expected number of deals", (_name, fixture) => {
    expect(results.get(fixture.name)?.deals.length).toBe(fixture.expected.length);
  });

  it("extracts at least 95% of all fields correctly", () => {
    const perField = new Map<FieldName, { correct: number; total: number }>(FIELD_NAMES.map((f) => [f, { correct: 0, total: 0 }]));
    const misses: string[] = [];
    for (const fixture of fixtures) {
      const deals = results.get(fixture.name)?.deals ?? [];
      const countOk = deals.length === fixture.expected.length;
      const n = Math.max(deals.length, fixture.expected.length);
      for (let i = 0; i < n; i++) {
        for (const field of FIELD_NAMES) {
          const stat = perField.get(field)!;
          stat.total++;
          const expected = fixture.expected[i]?.[field] ?? null;
          const actual = deals[i]?.fields[field] ?? null;
          if (countOk && same(field, actual, expected)) stat.correct++;
          else if (countOk) misses.push(`${fixture.name}#${i + 1} ${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
        }
      }
      if (!countOk) misses.push(`${fixture.name}: expected ${fixture.expected.length} deal(s), got ${deals.length}`);
    }
    let correct = 0;
    let total = 0;
    const rows = FIELD_NAMES.map((field) => {
      const s = perField.get(field)!;
      correct += s.correct;
      total += s.total;
      return `${field.padEnd(14)} ${String(s.correct).padStart(4)} / ${String(s.total).padEnd(4)} ${((100 * s.correct) / Math.max(1, s.total)).toFixed(1).padStart(6)}%`;
    });
    const overall = correct / Math.max(1, total);
    console.log(
      [
        `Email parser corpus: ${fixtures.length} fixtures, ${fixtures.reduce((n, f) => n + f.expected.length, 0)} deals`,
        "field          correct/total  accuracy",
        ...rows,
        `${"OVERALL".padEnd(14)} ${String(correct).padStart(4)} / ${String(total).padEnd(4)} ${(100 * overall).toFixed(1).padStart(6)}%`,
        ...(misses.length ? ["", "misses:", ...misses.map((m) => `  ${m}`)] : []),
      ].join("\n"),
    );
    expect(overall).toBeGreaterThanOrEqual(0.95);
  });
});
