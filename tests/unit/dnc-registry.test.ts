import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBlocks, encodeBlocks } from "@/lib/dnc/codec";
import { CompactNumberSet, NumberCollector } from "@/lib/dnc/number-set";
import { RegistryLineParser } from "@/lib/dnc/parse";
import { decideRegistries, type RegistryCheck, type RegistryConsent } from "@/lib/dnc/rules";

/** 10-digit North American numbers, clustered on a few prefixes so groups fill up. */
const nanp = fc.tuple(fc.integer({ min: 200, max: 209 }), fc.integer({ min: 200, max: 203 }), fc.integer({ min: 0, max: 9999 })).map(([npa, nxx, line]) => npa * 1e7 + nxx * 1e4 + line);
const spread = fc.integer({ min: 200, max: 999 }).chain((npa) => fc.integer({ min: 2_000_000, max: 9_999_999 }).map((rest) => npa * 1e7 + rest));

function setOf(numbers: number[]): CompactNumberSet {
  const collector = new NumberCollector();
  numbers.forEach((n) => collector.add(n));
  return CompactNumberSet.fromSorted(collector.sortedDistinct());
}

describe("the compact number set", () => {
  it("finds every inserted number and no other, before and after a round trip through storage", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(nanp, spread), { maxLength: 3000 }), fc.array(fc.oneof(nanp, spread), { maxLength: 300 }), (inserted, probes) => {
        const expected = new Set(inserted);
        const set = setOf(inserted);
        const stored = decodeBlocks(encodeBlocks(set));
        expect(set.size).toBe(expected.size);
        expect(stored.size).toBe(expected.size);
        for (const n of [...inserted, ...probes]) {
          expect(set.has(n)).toBe(expected.has(n));
          expect(stored.has(n)).toBe(expected.has(n));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("uses the flat prefix index for many prefixes and still answers exactly", () => {
    const numbers = Array.from({ length: 30_000 }, (_, i) => (200_000 + i * 7) * 1e4 + (i % 10_000));
    const set = setOf(numbers);
    expect(set.prefixes.length).toBe(30_000);
    for (const n of numbers.slice(0, 2000)) expect(set.has(n)).toBe(true);
    expect(set.has(numbers[0]! + 1)).toBe(false);
    expect(set.has(2_000_010_000)).toBe(false);
  });

  it("stores a prefix of 10,000 numbers at about 2 bytes a number and never splits a group across blocks", () => {
    const numbers = Array.from({ length: 40_000 }, (_, i) => (212_555 + Math.floor(i / 10_000)) * 1e4 + (i % 10_000));
    const blocks = encodeBlocks(setOf(numbers));
    const bytes = blocks.reduce((sum, b) => sum + b.byteLength, 0);
    expect(bytes / numbers.length).toBeLessThan(2.01);
    expect(blocks.length).toBe(2);
    expect(decodeBlocks(blocks).size).toBe(40_000);
  });

  it("refuses a damaged block", () => {
    const [block] = encodeBlocks(setOf([2125550100, 2125550101]));
    expect(() => decodeBlocks([block!.subarray(0, block!.byteLength - 1)])).toThrow(/damaged/);
  });
});

function parse(text: string, chunk = 7) {
  const numbers: number[] = [];
  const parser = new RegistryLineParser((n) => numbers.push(n));
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
  return { numbers, summary: parser.end() };
}

describe("reading a registry download", () => {
  it("reads plain numbers, area-code CSV, a header and the common ways numbers are written, in any chunking", () => {
    const text = "AreaCode,PhoneNumber\r\n212,5550100\r\n2125550101\n\n(416) 555-0102\n1-604-555-0103\n\"905\",\"5550104\"\n+1 514 555 0105";
    for (const chunk of [1, 3, 64]) {
      const { numbers, summary } = parse(text, chunk);
      expect(numbers).toEqual([2125550100, 2125550101, 4165550102, 6045550103, 9055550104, 5145550105]);
      expect(summary).toMatchObject({ numbers: 6, invalid: 0 });
    }
  });

  it("counts and samples invalid lines: wrong length, bad area code or exchange, letters after the header", () => {
    const { numbers, summary } = parse("2125550100\n212555010\n1125550100\n2121550100\nabc\n21255501000\n2125550199");
    expect(numbers).toEqual([2125550100, 2125550199]);
    expect(summary.invalid).toBe(5);
    expect(summary.samples.map((s) => s.line)).toEqual([2, 3, 4, 5, 6]);
    expect(summary.samples[0]!.text).toBe("212555010");
  });

  it("finds any valid number written in a file, whatever the chunk boundaries", () => {
    fc.assert(
      fc.property(fc.array(spread, { maxLength: 200 }), fc.integer({ min: 1, max: 50 }), (list, chunk) => {
        const { numbers, summary } = parse(list.map((n) => (n % 2 ? `${n}` : `${Math.floor(n / 1e7)},${n % 1e7}`)).join("\n"), chunk);
        expect(numbers).toEqual(list);
        expect(summary.invalid).toBe(0);
      }),
      { numRuns: 80 },
    );
  });
});

const AT = new Date("2026-03-10T15:00:00Z");
const daysAgo = (days: number) => new Date(AT.getTime() - days * 86_400_000);
const registry = (kind: RegistryCheck["kind"], listed: boolean, downloadedDaysAgo: number | null = 3): RegistryCheck => ({
  kind,
  name: kind,
  listed,
  downloadedAt: downloadedDaysAgo === null ? null : daysAgo(downloadedDaysAgo),
});
const PEWC: RegistryConsent = { basis: "PRIOR_EXPRESS_WRITTEN", givenAt: daysAgo(900) };
const ebr = (days: number): RegistryConsent => ({ basis: "ESTABLISHED_RELATIONSHIP", givenAt: daysAgo(days) });
const NONE: RegistryConsent = { basis: "NONE", givenAt: daysAgo(1) };

describe("the registry rules", () => {
  it.each([
    { name: "litigator blocks even with written consent", regs: [registry("LITIGATOR", true)], consent: PEWC, canadian: false, reason: "dnc_litigator" },
    { name: "internal blocks even with written consent", regs: [registry("INTERNAL", true)], consent: PEWC, canadian: false, reason: "dnc_internal" },
    { name: "US national blocks without consent", regs: [registry("US_NATIONAL", true)], consent: null, canadian: false, reason: "dnc_national" },
    { name: "US national blocks with basis NONE", regs: [registry("US_NATIONAL", true)], consent: NONE, canadian: false, reason: "dnc_national" },
    { name: "US national allows written consent", regs: [registry("US_NATIONAL", true)], consent: PEWC, canadian: false, reason: null },
    { name: "US national allows a relationship of 90 days", regs: [registry("US_NATIONAL", true)], consent: ebr(90), canadian: false, reason: null },
    { name: "US national blocks a relationship of 91 days", regs: [registry("US_NATIONAL", true)], consent: ebr(91), canadian: false, reason: "dnc_national" },
    { name: "an unlisted US number passes", regs: [registry("US_NATIONAL", false)], consent: null, canadian: false, reason: null },
    { name: "a US number needs no DNCL", regs: [], consent: null, canadian: false, reason: null },
    { name: "a Canadian number without a DNCL copy is refused", regs: [registry("US_NATIONAL", false)], consent: NONE, canadian: true, reason: "dncl_missing" },
    { name: "a registry row without a copy is no copy", regs: [registry("CA_NATIONAL", false, null)], consent: NONE, canadian: true, reason: "dncl_missing" },
    { name: "a DNCL copy of 31 days is fresh", regs: [registry("CA_NATIONAL", false, 31)], consent: NONE, canadian: true, reason: null },
    { name: "a DNCL copy of 32 days is stale", regs: [registry("CA_NATIONAL", false, 32)], consent: NONE, canadian: true, reason: "dncl_stale" },
    { name: "the oldest DNCL copy decides", regs: [registry("CA_NATIONAL", false, 2), registry("CA_NATIONAL", false, 40)], consent: NONE, canadian: true, reason: "dncl_stale" },
    { name: "written consent exempts from a stale DNCL", regs: [registry("CA_NATIONAL", true, 40)], consent: PEWC, canadian: true, reason: null },
    { name: "a relationship of 180 days exempts from the DNCL", regs: [registry("CA_NATIONAL", true, 40)], consent: ebr(180), canadian: true, reason: null },
    { name: "a relationship of 181 days does not", regs: [registry("CA_NATIONAL", true, 3)], consent: ebr(181), canadian: true, reason: "dnc_national" },
    { name: "a listed Canadian number is refused", regs: [registry("CA_NATIONAL", true)], consent: NONE, canadian: true, reason: "dnc_national" },
    { name: "a relationship given in the future exempts nothing", regs: [registry("US_NATIONAL", true)], consent: ebr(-1), canadian: false, reason: "dnc_national" },
  ])("$name", ({ regs, consent, canadian, reason }) => {
    const decision = decideRegistries({ canadian, registries: regs }, consent, AT);
    expect(decision.allowed ? null : decision.reason).toBe(reason);
  });

  it("never allows a number on a litigator or internal list, whatever else holds", () => {
    const check = fc.record({
      kind: fc.constantFrom("US_NATIONAL" as const, "CA_NATIONAL" as const, "LITIGATOR" as const, "INTERNAL" as const),
      name: fc.constant("x"),
      listed: fc.boolean(),
      downloadedAt: fc.option(fc.integer({ min: 0, max: 90 }).map(daysAgo)),
    });
    const consent = fc.option(fc.record({ basis: fc.constantFrom("PRIOR_EXPRESS_WRITTEN" as const, "ESTABLISHED_RELATIONSHIP" as const, "NONE" as const), givenAt: fc.option(fc.integer({ min: -5, max: 400 }).map(daysAgo)) }));
    fc.assert(
      fc.property(fc.array(check, { maxLength: 5 }), consent, fc.boolean(), (registries, basis, canadian) => {
        const decision = decideRegistries({ canadian, registries }, basis, AT);
        const ownListed = registries.some((r) => (r.kind === "LITIGATOR" || r.kind === "INTERNAL") && r.listed && r.downloadedAt);
        if (ownListed) expect(decision.allowed).toBe(false);
        const anyListed = registries.some((r) => r.listed && r.downloadedAt);
        if (!anyListed && !canadian) expect(decision.allowed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
