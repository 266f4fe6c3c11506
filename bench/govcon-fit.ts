// Scoring 10,000 SAM.gov notices against a profile with scoreBidFit (pure rule, no database):
// the shipped fixture feed's notices as the demo workspace's sync sees them over a year,
// copied under fresh noticeIds up to the scale, half of them with their description text.
// Baseline in the same process: JSON.parse of the same notices (what reading a page of
// SAM.gov's answer costs). Goal: <= 1,000 ms for 10,000 notices (100 µs a notice), so
// scoring never weighs on a sync of SAM.gov's largest page.
// Usage: npx tsx bench/govcon-fit.ts [--scale 10k] [--json file]
import { readFileSync } from "node:fs";
import { scoreBidFit, type FitNotice } from "@/lib/govcon/fit";
import { profileViewOf } from "@/lib/govcon/profile-document";
import { DEMO_GOVCON_PROFILE } from "@/lib/govcon/profile-demo";
import { noticesPostedIn } from "@/lib/providers/samgov/fixture-feed";
import { parseBenchArgs, writeFigures } from "./database";

const args = parseBenchArgs();
const NOTICES = args.scale ?? Number(args.positional[0] ?? 10_000);
const RUNS = 7;
const GOAL_MS = 1_000;
const DAY_MS = 86_400_000;

function benchNotices(now: Date): FitNotice[] {
  const today = Math.floor(now.getTime() / DAY_MS);
  const feed = noticesPostedIn({ fromDay: today - 365, toDay: today }, now);
  const descriptions = Object.values(JSON.parse(readFileSync("fixtures/samgov/descriptions.json", "utf8")) as Record<string, string[]>).flat();
  return Array.from({ length: NOTICES }, (_, i) => ({
    ...feed[i % feed.length],
    noticeId: `bench-${i}`,
    descriptionText: i % 2 === 0 ? descriptions[i % descriptions.length] : null,
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timeRuns(run: () => number): { ms: number; check: number } {
  let check = 0;
  const times: number[] = [];
  run(); // warm-up: JIT and the weights cache
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    check += run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), check };
}

function main() {
  const now = new Date();
  const notices = benchNotices(now);
  const profile = profileViewOf(DEMO_GOVCON_PROFILE);
  const json = JSON.stringify(notices);

  const baseline = timeRuns(() => (JSON.parse(json) as unknown[]).length);
  const scoring = timeRuns(() => {
    let total = 0;
    for (const notice of notices) total += scoreBidFit(notice, profile, now).score ?? 0;
    return total;
  });

  const fits = notices.map((notice) => scoreBidFit(notice, profile, now).score);
  const scored = fits.filter((f): f is number => f !== null);
  const bands = [[0, 24], [25, 49], [50, 74], [75, 100]].map(([low, high]) => `${low}-${high}: ${scored.filter((f) => f >= low && f <= high).length}`).join(", ");
  const perNoticeUs = (scoring.ms * 1000) / NOTICES;

  console.log(`node ${process.version}, ${NOTICES} notices (${notices.filter((n) => n.descriptionText).length} with description text, ${(json.length / 1e6).toFixed(1)} MB as JSON), demo profile, median of ${RUNS} runs`);
  console.log(`baseline (JSON.parse of the same ${NOTICES} notices): ${baseline.ms.toFixed(1)} ms`);
  console.log(`scoreBidFit over ${NOTICES} notices: ${scoring.ms.toFixed(1)} ms, ${perNoticeUs.toFixed(1)} µs a notice (${(scoring.ms / baseline.ms).toFixed(1)}x baseline), goal <= ${GOAL_MS} ms: ${scoring.ms <= GOAL_MS ? "met" : "MISSED"}`);
  console.log(`fits: ${fits.length - scored.length} award notices not scored; ${bands}`);
  writeFigures(args, "govcon-fit", "none", [
    { what: `scoreBidFit over ${NOTICES} notices`, value: scoring.ms, unit: "ms", goal: `<= ${GOAL_MS}`, met: scoring.ms <= GOAL_MS, baseline: baseline.ms, baselineLabel: `JSON.parse of the same ${NOTICES} notices` },
    { what: "scoreBidFit, one notice", value: perNoticeUs, unit: "µs", baseline: (baseline.ms * 1000) / NOTICES, baselineLabel: "JSON.parse of one notice" },
  ]);
  if (scoring.check < 0 || baseline.check < 0) console.log(scoring.check, baseline.check);
}

main();
