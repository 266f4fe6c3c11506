// computeOffer throughput (ops/s) against a trivial arithmetic baseline in the same process.
// Usage: npx tsx bench/underwriting.ts [--json file]
import { computeOffer, DEFAULT_OFFER_TERMS } from "@/lib/underwriting/rules";
import { parseBenchArgs, writeFigures } from "./database";

const inputs = Array.from({ length: 4096 }, (_, i) => ({ arv: 100_000 + i * 97, repairs: (i * 131) % 80_000, askingPrice: 60_000 + ((i * 389) % 200_000) }));

function opsPerSecond(run: (i: number) => unknown, seconds = 1.5): number {
  let sink = 0;
  for (let i = 0; i < 50_000; i++) sink += Number(Boolean(run(i & 4095)));
  let ops = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (let i = 0; i < 10_000; i++) sink += Number(Boolean(run((ops + i) & 4095)));
    ops += 10_000;
  }
  if (sink < 0) console.log(sink);
  return ops / ((performance.now() - started) / 1000);
}

const baseline = opsPerSecond((i) => inputs[i].arv * 0.7 - inputs[i].repairs - 2500 - inputs[i].askingPrice);
const offer = opsPerSecond((i) => computeOffer(inputs[i], DEFAULT_OFFER_TERMS));
const fmt = (n: number) => `${(n / 1e6).toFixed(2)}M ops/s`;
console.log(`baseline (inline MAO arithmetic): ${fmt(baseline)}`);
console.log(`computeOffer (MAO, spread, ratio, strategy): ${fmt(offer)}  (${(offer / baseline).toFixed(2)}x baseline)`);
writeFigures(parseBenchArgs(), "underwriting", "none", [
  { what: "computeOffer (MAO, spread, ratio, strategy)", value: offer / 1e6, unit: "M ops/s", baseline: baseline / 1e6, baselineLabel: "inline MAO arithmetic" },
]);
