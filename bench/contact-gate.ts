/**
 * Micro-benchmark of the can-contact gate: `npx tsx bench/contact-gate.ts [--json file]`.
 *
 * Prints ops/s of isContactAllowed (one zone, three zones) next to two baselines measured in
 * the same process: a trivial function call (the loop's own cost) and a naive gate that reads
 * the local time with luxon on every call.
 */
import { DateTime } from "luxon";
import { defaultPolicyRecord, isContactAllowed, minutesOfDay, nextAllowedInstant, type PolicyRecord } from "../lib/policy";
import { parseBenchArgs, writeFigures } from "./database";
import { INSTANTS_2026, consumed, measureOps } from "./support";

const policy = defaultPolicyRecord("NU") as PolicyRecord;
const ONE_ZONE = ["America/Toronto"];
const THREE_ZONES = ["America/Iqaluit", "America/Rankin_Inlet", "America/Cambridge_Bay"];

const INSTANTS = INSTANTS_2026;

/** The naive way: luxon on every call, windows parsed on every call. */
function naiveLuxonGate(p: PolicyRecord, zones: readonly string[], at: Date, channel: string, score: number): boolean {
  if (!p.enabled || !p.rules.channelsAllowed.includes(channel as "SMS") || score < p.rules.minLeadScore) return false;
  for (const zone of zones) {
    const local = DateTime.fromJSDate(at, { zone });
    if (!local.isValid) return false;
    const day = local.weekday - 1;
    const minute = local.hour * 60 + local.minute;
    const inside = p.rules.contactWindows.some(
      (w) => w.days.includes(day) && minute >= minutesOfDay(w.start) && minute < minutesOfDay(w.end),
    );
    if (!inside) return false;
  }
  return true;
}

function trivial(p: PolicyRecord, zones: readonly string[], at: Date, channel: string, score: number): boolean {
  return p.enabled && zones.length > 0 && at.getTime() > 0 && channel.length > 0 && score > 0;
}

const measure = (name: string, run: (at: Date) => boolean, minMs?: number) => measureOps(name, run, { unit: "ops/s", minMs });

const gate = (zones: string[]) => (at: Date) => isContactAllowed({ policy, timeZones: zones, at, channel: "SMS", score: 80 }).ok;

console.log(`node ${process.version}, ${INSTANTS.length} instants over 2026, policy ${policy.region}/ALL\n`);
const baseline = measure("baseline: trivial function call", (at) => trivial(policy, ONE_ZONE, at, "SMS", 80));
const luxonOne = measure("baseline: naive luxon gate, 1 zone", (at) => naiveLuxonGate(policy, ONE_ZONE, at, "SMS", 80));
const luxonThree = measure("baseline: naive luxon gate, 3 zones", (at) => naiveLuxonGate(policy, THREE_ZONES, at, "SMS", 80));
const one = measure("isContactAllowed, 1 zone", gate(ONE_ZONE));
const three = measure("isContactAllowed, 3 zones", gate(THREE_ZONES));

measure("nextAllowedInstant, 3 zones (informational)", (at) => nextAllowedInstant(policy, THREE_ZONES, at, "SMS") !== null, 800);

const allowedShare = INSTANTS.filter((at) => gate(ONE_ZONE)(at)).length / INSTANTS.length;
console.log(`\n(${Math.round(allowedShare * 100)}% of the instants are inside a window in ${ONE_ZONE[0]}; refusals carry a detail string)`);
console.log(`isContactAllowed 1 zone : ${(one / luxonOne).toFixed(1)}x the naive luxon gate, ${(baseline / one).toFixed(1)}x slower than a trivial call`);
console.log(`isContactAllowed 3 zones: ${(three / luxonThree).toFixed(1)}x the naive luxon gate, ${(baseline / three).toFixed(1)}x slower than a trivial call`);
console.log(`target >= 1,000,000 ops/s (1 zone): ${one >= 1_000_000 ? "met" : "NOT met"}`);
writeFigures(parseBenchArgs(), "contact-gate", "none", [
  { what: "isContactAllowed, 1 zone", value: one / 1e6, unit: "M ops/s", goal: ">= 1", baseline: luxonOne / 1e6, baselineLabel: "a naive luxon gate", met: one >= 1_000_000 },
  { what: "isContactAllowed, 3 zones", value: three / 1e6, unit: "M ops/s", baseline: luxonThree / 1e6, baselineLabel: "a naive luxon gate" },
]);
if (consumed() < 0) console.log(consumed());
