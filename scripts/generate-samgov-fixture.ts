/**
 * Writes the shipped SAM.gov and USAspending feeds (fixtures/samgov/notices.json,
 * fixtures/samgov/descriptions.json, fixtures/usaspending/awards.json) from a fixed seed:
 * the same files on every run. Dates are written for one cycle starting at ANCHOR_DAY; the
 * local transports repeat the cycle (lib/providers/samgov/fixture-clock.ts).
 *
 *   npx tsx scripts/generate-samgov-fixture.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NOTICE_TYPE_NAMES } from "@/lib/govcon/codes";
import { dayNumber } from "@/lib/providers/samgov/fixture-clock";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { generateAwards } from "./samgov-fixture/awards";
import { CONTRACTORS } from "./samgov-fixture/catalog";
import { generateNotice, type GeneratedNotice } from "./samgov-fixture/notices";
import { Random } from "./samgov-fixture/random";

const SEED = 18_2026;
const ANCHOR_DAY = "2026-09-01";
const CYCLE_DAYS = 120;
const NOTICES = 340;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const random = new Random(SEED);

const generated: GeneratedNotice[] = [];
for (let i = 0; i < NOTICES; i++) {
  // The first few are one of each notice type, so every type is in the feed.
  generated.push(generateNotice(random, dayNumber(ANCHOR_DAY), CYCLE_DAYS, NOTICE_TYPE_NAMES[i]));
}
for (const notice of generated) {
  const award = notice.versions[0].award;
  if (award?.awardee) award.awardee.name = random.pick(CONTRACTORS[notice.family]);
}

const versions: SamNotice[] = generated.flatMap((notice) => notice.versions);
versions.sort((a, b) => (a.postedDate ?? "").localeCompare(b.postedDate ?? "") || (a.noticeId ?? "").localeCompare(b.noticeId ?? ""));
const descriptions = Object.fromEntries(generated.map((notice) => [notice.versions[0].noticeId!, notice.descriptions]));
const awards = generateAwards(random, generated, ANCHOR_DAY);

function write(path: string, value: unknown): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 1)}\n`);
}

write("fixtures/samgov/notices.json", { anchorDay: ANCHOR_DAY, cycleDays: CYCLE_DAYS, notices: versions });
write("fixtures/samgov/descriptions.json", descriptions);
write("fixtures/usaspending/awards.json", { anchorDay: ANCHOR_DAY, cycleDays: CYCLE_DAYS, awards });

const amended = generated.filter((notice) => notice.versions.length > 1).length;
console.log(JSON.stringify({ notices: generated.length, versions: versions.length, amended, awards: awards.length, incumbents: awards.filter((a) => a.solicitation_identifier).length }));
