import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSamDate, samQueryDate } from "@/lib/govcon/dates";

describe("parseSamDate reads SAM.gov's mixed formats", () => {
  it.each([
    ["2018-05-09 23:45:22+00", "2018-05-09T23:45:22.000Z"],
    ["2018-05-09 23:45:22.5+00", "2018-05-09T23:45:22.500Z"],
    ["2018-05-04", "2018-05-04T00:00:00.000Z"],
    ["2018-05-07T20:00:00-05:00", "2018-05-08T01:00:00.000Z"],
    ["2018-05-07T20:00:00+0530", "2018-05-07T14:30:00.000Z"],
    ["2018-05-07T20:00:00Z", "2018-05-07T20:00:00.000Z"],
    ["2018-05-07T20:00:00", "2018-05-07T20:00:00.000Z"],
    ["2018-05-07T20:00", "2018-05-07T20:00:00.000Z"],
    ["05/07/2018", "2018-05-07T00:00:00.000Z"],
    ["5/7/2018", "2018-05-07T00:00:00.000Z"],
    ["05/07/2018 14:30", "2018-05-07T14:30:00.000Z"],
    ["  2018-05-04  ", "2018-05-04T00:00:00.000Z"],
  ])("%s is %s, the raw text kept", (raw, iso) => {
    const parsed = parseSamDate(raw);
    expect(parsed.at?.toISOString()).toBe(iso);
    expect(parsed.raw).toBe(raw);
  });

  it.each([
    [null, null],
    [undefined, null],
    ["", null],
    ["   ", "   "],
    ["TBD", "TBD"],
    ["2018-02-30", "2018-02-30"],
    ["13/01/2018", "13/01/2018"],
    ["2018-05-07T25:00:00", "2018-05-07T25:00:00"],
    ["2018-05-07T20:00:00+99:00", "2018-05-07T20:00:00+99:00"],
    ["May 7, 2018", "May 7, 2018"],
  ])("%s is no instant (raw %s)", (value, raw) => {
    const parsed = parseSamDate(value);
    expect(parsed.at).toBeNull();
    expect(parsed.raw).toBe(raw);
  });

  it("accepts the 29th of February only in a leap year", () => {
    expect(parseSamDate("2024-02-29").at?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseSamDate("2023-02-29").at).toBeNull();
  });

  it("never throws, and always keeps a non-empty string as raw", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const parsed = parseSamDate(value);
        expect(parsed.raw).toBe(value === "" ? null : value);
        if (parsed.at) expect(Number.isNaN(parsed.at.getTime())).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("reads back every instant it writes as an ISO string or a SAM.gov timestamp", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-01-01T00:00:00Z"), noInvalidDate: true }), (at) => {
        const whole = new Date(Math.floor(at.getTime() / 1000) * 1000);
        expect(parseSamDate(whole.toISOString()).at?.getTime()).toBe(whole.getTime());
        const samStyle = `${whole.toISOString().slice(0, 19).replace("T", " ")}+00`;
        expect(parseSamDate(samStyle).at?.getTime()).toBe(whole.getTime());
      }),
      { numRuns: 200 },
    );
  });
});

describe("samQueryDate", () => {
  it("writes MM/dd/yyyy of the UTC day", () => {
    expect(samQueryDate(new Date("2026-03-04T23:59:59Z"))).toBe("03/04/2026");
    expect(samQueryDate(new Date("2026-12-31T00:00:00Z"))).toBe("12/31/2026");
  });
});
