/**
 * The default ladder's schedule for a lead under the seeded market policies, without a
 * database: what `dealflow ladder-schedule` prints for scripting and checks. Pure.
 */
import { z } from "zod";
import { resolveGeo } from "@/lib/geo";
import { regionTimeZones } from "@/lib/geo/regions";
import { defaultPolicyRecord, isKnownTimeZone, RegionCode } from "@/lib/policy";
import { formatLocal, zoneClock } from "@/lib/policy/zone-clock";
import { scheduleLadder } from "./schedule";
import { DEFAULT_LADDER_STEPS, type LadderChannel } from "./schema";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const LadderScheduleQuery = z.object({
  region: RegionCode,
  postalCode: z.preprocess(blankToUndefined, z.string().trim().min(3, "Use a ZIP or postal code").max(12, "Use a ZIP or postal code").optional()),
  timeZone: z.preprocess(
    blankToUndefined,
    z.string().trim().refine(isKnownTimeZone, "Use an IANA time zone, e.g. America/Toronto").optional(),
  ),
  start: z.iso.datetime({ offset: true, error: "Use an ISO instant, e.g. 2026-03-09T14:30:00Z" }).transform((s) => new Date(s)),
  /** The lead's score; by default the policy's minimum, a lead that just qualifies. */
  score: z.preprocess(blankToUndefined, z.coerce.number({ error: "Give a score from 0 to 100" }).min(0, "Give a score from 0 to 100").max(100, "Give a score from 0 to 100").optional()),
});
export type LadderScheduleQuery = z.output<typeof LadderScheduleQuery>;

export interface LadderSchedulePreview {
  steps: { step: number; channel: LadderChannel; at: string | null; skipped?: string }[];
}

/** Why the query cannot be answered (an unknown postal code), for a one-line usage error. */
export class LadderScheduleInputError extends Error {
  constructor(
    readonly field: "postalCode",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Each step of the default ladder with its due instant, written in the lead's local time
 * with its offset ("2026-11-30T09:00:00-05:00"): the given zone, else the postal code's, else
 * the region's (every zone of a multi-zone region must be open; times read in the first).
 */
export function previewDefaultLadder(query: LadderScheduleQuery): LadderSchedulePreview {
  const zoneFromPostal = query.postalCode ? resolveGeo({ postalCode: query.postalCode }).timeZone : null;
  if (query.postalCode && !zoneFromPostal) throw new LadderScheduleInputError("postalCode", `"${query.postalCode}" is not a known ZIP or postal code`);
  const timeZones = query.timeZone ? [query.timeZone] : zoneFromPostal ? [zoneFromPostal] : [...regionTimeZones(query.region)];
  const policy = defaultPolicyRecord(query.region);
  const score = query.score ?? policy?.rules.minLeadScore ?? 100;
  const clock = timeZones.length > 0 ? zoneClock(timeZones[0]) : null;
  const local = (at: Date) => (clock ? formatLocal(at.getTime(), clock.offsetAt(at.getTime())) : at.toISOString());
  return {
    steps: scheduleLadder(query.start, DEFAULT_LADDER_STEPS, { policy, timeZones, score }).map((s) =>
      s.skipped ? { step: s.step, channel: s.channel, at: null, skipped: `${s.reason}: ${s.detail}` } : { step: s.step, channel: s.channel, at: local(s.dueAt) },
    ),
  };
}
