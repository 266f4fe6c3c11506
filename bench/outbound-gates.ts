/**
 * Micro-benchmark of the outbound gate decision: `npx tsx bench/outbound-gates.ts [--json file]`.
 *
 * Prints decisions per second of decideOutbound (the whole gate sequence, market policy
 * included) for a message every gate allows, for refusals at the first and at the last gate,
 * and for a mix, next to a trivial baseline measured in the same process.
 */
import { defaultPolicyRecord, type PolicyRecord } from "../lib/policy";
import { decideOutbound, type OutboundFacts } from "../lib/outbound/gates";
import { parseBenchArgs, writeFigures } from "./database";
import { INSTANTS_2026, consumed, measureOps } from "./support";

const policy = defaultPolicyRecord("NY") as PolicyRecord;
const ALWAYS = {
  ...policy,
  rules: { ...policy.rules, contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }] },
} as PolicyRecord;

const INSTANTS = INSTANTS_2026;

const base: Omit<OutboundFacts, "at"> = {
  channel: "SMS",
  address: "+12125550100",
  consent: "OPTED_IN",
  onDoNotContact: false,
  areaBlacklist: null,
  registries: { canadian: false, registries: [] },
  consentBasis: null,
  policy: ALWAYS,
  timeZones: ["America/New_York"],
  score: 80,
  postalAddress: "1 Main St, Albany, NY 12207",
  canLinkUnsubscribe: true,
  sentToday: 10,
  dailyCap: 500,
};

// The mix: a quarter each of allowed, opted out, outside the window (default NY policy) and over the cap.
const MIX: Omit<OutboundFacts, "at">[] = [
  base,
  { ...base, consent: "OPTED_OUT" },
  { ...base, policy },
  { ...base, sentToday: 500 },
];

function trivial(facts: Omit<OutboundFacts, "at">, at: Date): boolean {
  return facts.consent === "OPTED_IN" && !facts.onDoNotContact && at.getTime() > 0 && facts.sentToday < facts.dailyCap;
}

const measure = (name: string, run: (at: Date) => boolean, minMs?: number) => measureOps(name, run, { unit: "decisions/s", minMs });

/** One facts object per scenario whose instant is set before each decision: no allocation in the loop. */
function scenario(facts: Omit<OutboundFacts, "at">): (at: Date) => boolean {
  const current: OutboundFacts = { ...facts, at: INSTANTS[0] };
  return (at) => {
    current.at = at;
    return decideOutbound(current).allowed;
  };
}

const mixed = MIX.map(scenario);
let turn = 0;

console.log(`node ${process.version}, ${INSTANTS.length} instants over 2026, policy ${policy.region}/ALL\n`);
const baseline = measure("baseline: trivial function call", (at) => trivial(base, at));
const allowed = measure("decideOutbound, allowed (every gate asked)", scenario(base));
const firstGate = measure("decideOutbound, refused at consent (gate 2)", scenario({ ...base, consent: "OPTED_OUT" }));
const lastGate = measure("decideOutbound, refused at the daily cap (last)", scenario({ ...base, sentToday: 500 }));
const windows = measure("decideOutbound, default NY windows", scenario({ ...base, policy }));
const mix = measure("decideOutbound, mix of the four above", (at) => mixed[turn++ & 3](at));

console.log(`\nallowed decisions: ${(baseline / allowed).toFixed(1)}x slower than a trivial call; mix: ${(baseline / mix).toFixed(1)}x`);
console.log(`refusal at consent is ${(firstGate / allowed).toFixed(1)}x as fast as a full allowed decision; at the cap ${(lastGate / allowed).toFixed(2)}x; windows ${(windows / allowed).toFixed(2)}x`);
console.log(`target >= 1,000,000 decisions/s (allowed): ${allowed >= 1_000_000 ? "met" : "NOT met"}`);
writeFigures(parseBenchArgs(), "outbound-gates", "none", [
  { what: "decideOutbound, allowed (every gate asked)", value: allowed / 1e6, unit: "M decisions/s", goal: ">= 1", baseline: baseline / 1e6, baselineLabel: "a trivial function call", met: allowed >= 1_000_000 },
  { what: "decideOutbound, mix of allowed and refused", value: mix / 1e6, unit: "M decisions/s", baseline: baseline / 1e6, baselineLabel: "a trivial function call" },
]);
if (consumed() < 0) console.log(consumed());
