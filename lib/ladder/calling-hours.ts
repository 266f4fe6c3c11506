/**
 * Whether a lead may be called now, and when its calling hours open next: what the inbox
 * shows instead of the tel: link, and what a VA must confirm to log a call made outside
 * them. Pure. The lead's score is no part of the hours, so it is not asked.
 */
import { isContactAllowed, nextAllowedInstant, type PolicyRecord } from "@/lib/policy";

export type CallingHours =
  | { open: true; timeZone: string; localTime: string }
  | {
      open: false;
      /** The zone the answer is read in (the lead's), or null when it is not known. */
      timeZone: string | null;
      localTime: string | null;
      /** The next instant a call is allowed, within a week; null when none is. */
      until: Date | null;
      /** Why, in words, e.g. "02:30 on Monday in America/New_York is outside 09:00-20:00". */
      detail: string;
    };

export function callingHoursAt(policy: PolicyRecord | null, timeZones: readonly string[], at: Date): CallingHours {
  const decision = isContactAllowed({ policy, timeZones, at, channel: "CALL", score: 100 });
  if (decision.ok) return { open: true, timeZone: decision.timeZone!, localTime: decision.localTime! };
  return {
    open: false,
    timeZone: decision.timeZone,
    localTime: decision.localTime,
    until: nextAllowedInstant(policy, timeZones, at, "CALL"),
    detail: decision.detail ?? decision.reason,
  };
}
