import fc from "fast-check";
import type { MarketPolicyRules } from "@/lib/policy";

/** Minutes since midnight as "HH:MM" (1440 is "24:00", the end of the day). */
export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** A contact window: some weekdays, a start and a length that may run to midnight. */
export const windowArb = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 1, max: 1440 }),
  })
  .map(({ days, start, length }) => ({ days, start: hhmm(start), end: hhmm(Math.min(1440, start + length)) }));

/** Market policy rules: up to four windows, any subset of the channels, any minimum score. */
export function rulesArb(channels: readonly string[]): fc.Arbitrary<MarketPolicyRules> {
  return fc.record({
    contactWindows: fc.array(windowArb, { maxLength: 4 }),
    channelsAllowed: fc.subarray([...channels]),
    minLeadScore: fc.integer({ min: 0, max: 100 }),
  }) as fc.Arbitrary<MarketPolicyRules>;
}
