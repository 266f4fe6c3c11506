/**
 * The shipped SAM.gov feed (fixtures/samgov, written by scripts/generate-samgov-fixture.ts)
 * as SAM.gov would serve it at a given moment: each notice in its latest version posted by
 * then (an amendment is out once its posted date has come), in every cycle of the repeating
 * feed (fixture-clock.ts) that the window reaches. Pure: `now` is an argument.
 */
import { createHash } from "node:crypto";
import descriptionsFile from "@/fixtures/samgov/descriptions.json";
import noticesFile from "@/fixtures/samgov/notices.json";
import { parseSamDate } from "@/lib/govcon/dates";
import { cycleAt, dayNumber, shiftDate, type FixtureCalendar } from "./fixture-clock";
import type { SamNotice } from "./types";

interface NoticesFile extends FixtureCalendar {
  notices: SamNotice[];
}

const FEED = noticesFile as unknown as NoticesFile;
/** Each notice's description, one text per version. */
const DESCRIPTIONS = descriptionsFile as unknown as Record<string, string[]>;

export const FIXTURE_CALENDAR: FixtureCalendar = { anchorDay: FEED.anchorDay, cycleDays: FEED.cycleDays };

/** Versions of each noticeId, oldest first, in the feed's own dates. */
let grouped: Map<string, SamNotice[]> | null = null;
function versionsById(): Map<string, SamNotice[]> {
  if (grouped) return grouped;
  grouped = new Map();
  for (const notice of FEED.notices) {
    const list = grouped.get(notice.noticeId!) ?? [];
    list.push(notice);
    grouped.set(notice.noticeId!, list);
  }
  return grouped;
}

/** The noticeId of a notice's copy in cycle k: the feed's own in cycle 0, a stable 32-hex digest otherwise. */
export function noticeIdInCycle(noticeId: string, cycle: number): string {
  return cycle === 0 ? noticeId : createHash("sha256").update(`${noticeId}:${cycle}`).digest("hex").slice(0, 32);
}

function withId(notice: SamNotice, id: string, days: number, now: Date): SamNotice {
  const archiveDay = notice.archiveDate ? dayNumber(shiftDate(notice.archiveDate, days).slice(0, 10)) : null;
  const today = Math.floor(now.getTime() / 86_400_000);
  return {
    ...notice,
    noticeId: id,
    postedDate: shiftDate(notice.postedDate, days),
    responseDeadLine: shiftDate(notice.responseDeadLine, days),
    archiveDate: shiftDate(notice.archiveDate, days),
    // Archived notices stay in search answers, marked inactive.
    active: archiveDay !== null && archiveDay < today ? "No" : "Yes",
    award: notice.award ? { ...notice.award, date: shiftDate(notice.award.date, days) } : notice.award,
    description: `https://api.sam.gov/prod/opportunities/v1/noticedesc?noticeid=${id}`,
    uiLink: `https://sam.gov/opp/${id}/view`,
    links: [{ rel: "self", href: `https://api.sam.gov/prod/opportunities/v2/search?noticeid=${id}&limit=1` }],
  };
}

/** The index of the latest version posted by `now` in a cycle, or -1 when none is out yet. */
function releasedIndex(versions: SamNotice[], days: number, now: Date): number {
  let index = -1;
  versions.forEach((version, i) => {
    const posted = parseSamDate(shiftDate(version.postedDate, days)).at;
    if (posted && posted.getTime() <= now.getTime()) index = i;
  });
  return index;
}

export interface PostedWindow {
  /** UTC day numbers, both included. */
  fromDay: number;
  toDay: number;
}

/** Every notice posted in the window as it stands at `now`, newest first. */
export function noticesPostedIn(window: PostedWindow, now: Date): SamNotice[] {
  const { cycleDays } = FIXTURE_CALENDAR;
  const firstCycle = cycleAt(FIXTURE_CALENDAR, new Date(window.fromDay * 86_400_000)) - 1;
  const lastCycle = Math.min(cycleAt(FIXTURE_CALENDAR, new Date(window.toDay * 86_400_000)), cycleAt(FIXTURE_CALENDAR, now));
  const served: SamNotice[] = [];
  for (let cycle = firstCycle; cycle <= lastCycle; cycle++) {
    const days = cycle * cycleDays;
    for (const [noticeId, versions] of versionsById()) {
      const index = releasedIndex(versions, days, now);
      if (index < 0) continue;
      const notice = withId(versions[index], noticeIdInCycle(noticeId, cycle), days, now);
      const postedDay = dayNumber(notice.postedDate!.slice(0, 10));
      if (postedDay >= window.fromDay && postedDay <= window.toDay) served.push(notice);
    }
  }
  return served.sort((a, b) => b.postedDate!.slice(0, 10).localeCompare(a.postedDate!.slice(0, 10)) || a.noticeId!.localeCompare(b.noticeId!));
}

/** The feed notice and cycle a served noticeId is a copy of, or null when the feed never served it. */
function servedCopy(noticeId: string, now: Date): { baseId: string; cycle: number } | null {
  const current = cycleAt(FIXTURE_CALENDAR, now);
  // A search reaches back at most a year, so a served copy is from one of the last few cycles.
  const reach = Math.ceil(366 / FIXTURE_CALENDAR.cycleDays) + 1;
  for (let cycle = current; cycle >= current - reach; cycle--) {
    for (const baseId of versionsById().keys()) {
      if (noticeIdInCycle(baseId, cycle) === noticeId) return { baseId, cycle };
    }
  }
  return null;
}

/** The description of a served noticeId at `now` (of its latest version out), or null when there is none. */
export function descriptionAt(noticeId: string, now: Date): string | null {
  const copy = servedCopy(noticeId, now);
  if (!copy) return null;
  const index = releasedIndex(versionsById().get(copy.baseId)!, copy.cycle * FIXTURE_CALENDAR.cycleDays, now);
  return index < 0 ? null : (DESCRIPTIONS[copy.baseId]?.[index] ?? null);
}

/** Whether a noticeId came from the shipped feed (in any cycle served within the last year). */
export function isShippedNotice(noticeId: string, now: Date): boolean {
  return servedCopy(noticeId, now) !== null;
}

/** How many distinct notices the feed holds (each served once per cycle). */
export function fixtureNoticeCount(): number {
  return versionsById().size;
}
