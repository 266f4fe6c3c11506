import fc from "fast-check";
import { describe, expect, it } from "vitest";
import noticesFile from "@/fixtures/samgov/notices.json";
import { NOTICE_TYPES, NOTICE_TYPE_NAMES } from "@/lib/govcon/codes";
import { parseSamDate, samQueryDate } from "@/lib/govcon/dates";
import { cycleAt, shiftDate } from "@/lib/providers/samgov/fixture-clock";
import { isShippedNotice, noticeIdInCycle } from "@/lib/providers/samgov/fixture-feed";
import { fixtureSamGovFetch } from "@/lib/providers/samgov/fixture";
import type { SamNotice, SamSearchResponse } from "@/lib/providers/samgov/types";

const FEED = noticesFile as unknown as { anchorDay: string; cycleDays: number; notices: SamNotice[] };
const DAY = 86_400_000;
const NOW = new Date("2026-12-07T15:00:00Z");

function daysBefore(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY);
}

async function search(query: Record<string, string>, now = NOW): Promise<{ status: number; body: SamSearchResponse & { errorMessage?: string } }> {
  const params = new URLSearchParams({ api_key: "local", limit: "1000", ...query });
  const response = await fixtureSamGovFetch(() => now)(`https://api.sam.gov/opportunities/v2/search?${params}`);
  return { status: response.status, body: await response.json() };
}

function window(days: number, now = NOW) {
  return { postedFrom: samQueryDate(daysBefore(now, days)), postedTo: samQueryDate(now) };
}

describe("the shipped SAM.gov feed", () => {
  it("holds 300+ notices in the v2 shape, of every notice type, with amendments", () => {
    const ids = new Set(FEED.notices.map((n) => n.noticeId));
    expect(ids.size).toBeGreaterThanOrEqual(320);
    expect(FEED.notices.length).toBeGreaterThan(ids.size);
    for (const type of NOTICE_TYPE_NAMES) expect(FEED.notices.some((n) => n.type === type), type).toBe(true);
    for (const notice of FEED.notices) {
      expect(notice.noticeId).toMatch(/^[0-9a-f]{32}$/);
      expect(notice.fullParentPathName?.split(".").length).toBeGreaterThanOrEqual(3);
      expect(parseSamDate(notice.postedDate).at).not.toBeNull();
      if (notice.responseDeadLine) expect(parseSamDate(notice.responseDeadLine).at).not.toBeNull();
      if (notice.type === "Award Notice") expect(notice.award?.awardee?.name).toBeTruthy();
    }
    const formats = new Set(FEED.notices.map((n) => (n.responseDeadLine ? n.responseDeadLine.replace(/\d/g, "9") : "null")));
    expect(formats).toEqual(new Set(["null", "9999-99-99", "9999-99-99 99:99:99+99", "9999-99-99T99:99:99-99:99"]));
  });
});

describe("fixtureSamGovFetch: search", () => {
  it("answers a month's window with open and closed deadlines, newest first", async () => {
    const { status, body } = await search(window(30));
    expect(status).toBe(200);
    expect(body.totalRecords).toBe(body.opportunitiesData.length);
    expect(body.totalRecords).toBeGreaterThan(40);
    const deadlines = body.opportunitiesData.map((n) => parseSamDate(n.responseDeadLine).at).filter((at): at is Date => at !== null);
    expect(deadlines.some((at) => at > NOW)).toBe(true);
    expect(deadlines.some((at) => at < NOW)).toBe(true);
    const posted = body.opportunitiesData.map((n) => n.postedDate!.slice(0, 10));
    expect(posted).toEqual([...posted].sort().reverse());
    // Nothing posted after now is out yet.
    for (const notice of body.opportunitiesData) expect(parseSamDate(notice.postedDate).at!.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it("pages with limit and offset over a stable total", async () => {
    const all = (await search(window(90))).body;
    const pages: SamNotice[] = [];
    for (let offset = 0; offset < all.totalRecords; offset += 100) {
      const page = (await search({ ...window(90), limit: "100", offset: String(offset) })).body;
      expect(page.totalRecords).toBe(all.totalRecords);
      expect(page.offset).toBe(offset);
      pages.push(...page.opportunitiesData);
    }
    expect(pages.map((n) => n.noticeId)).toEqual(all.opportunitiesData.map((n) => n.noticeId));
    expect(new Set(pages.map((n) => n.noticeId)).size).toBe(pages.length);
  });

  it("narrows by notice type, NAICS, set-aside, state, deadline, solicitation and notice id", async () => {
    const base = window(120);
    const all = (await search(base)).body.opportunitiesData;
    const solicitations = (await search({ ...base, ptype: "o" })).body.opportunitiesData;
    expect(solicitations.length).toBeGreaterThan(0);
    expect(solicitations.every((n) => n.type === "Solicitation")).toBe(true);
    const two = (await search({ ...base, ptype: `${NOTICE_TYPES["Sources Sought"]},${NOTICE_TYPES.Presolicitation}` })).body.opportunitiesData;
    expect(two.length).toBe(all.filter((n) => n.type === "Sources Sought" || n.type === "Presolicitation").length);

    const sample = all.find((n) => n.typeOfSetAside && n.placeOfPerformance?.state?.code && n.responseDeadLine)!;
    const byNaics = (await search({ ...base, ncode: sample.naicsCode! })).body.opportunitiesData;
    expect(byNaics.length).toBe(all.filter((n) => n.naicsCode === sample.naicsCode).length);
    const bySetAside = (await search({ ...base, typeOfSetAside: sample.typeOfSetAside! })).body.opportunitiesData;
    expect(bySetAside.every((n) => n.typeOfSetAside === sample.typeOfSetAside)).toBe(true);
    const byState = (await search({ ...base, state: sample.placeOfPerformance!.state!.code! })).body.opportunitiesData;
    expect(byState.every((n) => n.placeOfPerformance?.state?.code === sample.placeOfPerformance!.state!.code)).toBe(true);

    const deadlineDay = sample.responseDeadLine!.slice(0, 10);
    const deadline = new Date(`${deadlineDay}T00:00:00Z`);
    const byDeadline = (await search({ ...base, rdlfrom: samQueryDate(deadline), rdlto: samQueryDate(deadline) })).body.opportunitiesData;
    expect(byDeadline.map((n) => n.noticeId)).toContain(sample.noticeId);
    expect(byDeadline.every((n) => n.responseDeadLine?.startsWith(deadlineDay))).toBe(true);

    expect((await search({ ...base, solnum: sample.solicitationNumber! })).body.opportunitiesData.map((n) => n.noticeId)).toContain(sample.noticeId);
    expect((await search({ ...base, noticeid: sample.noticeId! })).body.opportunitiesData).toHaveLength(1);
  });

  it("refuses a window SAM.gov refuses, with its message", async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{}, 400, /PostedFrom and PostedTo are mandatory/],
      [{ postedFrom: "2026-11-01", postedTo: "12/01/2026" }, 400, /MM\/dd\/yyyy/],
      [{ postedFrom: "02/30/2026", postedTo: "12/01/2026" }, 400, /MM\/dd\/yyyy/],
      [{ postedFrom: "11/30/2025", postedTo: "12/01/2026" }, 400, /1 year/],
      [{ postedFrom: "12/02/2026", postedTo: "12/01/2026" }, 400, /earlier/],
      [{ ...window(10), limit: "1001" }, 400, /Limit valid range/],
      [{ ...window(10), ptype: "z" }, 400, /ptype/],
    ];
    for (const [query, status, message] of cases) {
      const params = new URLSearchParams({ api_key: "local", ...query });
      if (!("limit" in query)) params.set("limit", "10");
      const response = await fixtureSamGovFetch(() => NOW)(`https://api.sam.gov/opportunities/v2/search?${params}`);
      expect(response.status, JSON.stringify(query)).toBe(status);
      expect((await response.json()).errorMessage).toMatch(message);
    }
    // A year apart to the day is allowed.
    expect((await search({ postedFrom: "12/07/2025", postedTo: "12/07/2026" })).status).toBe(200);
  });

  it("wants an api_key, answers 404 off its paths, and takes any base URL", async () => {
    const local = fixtureSamGovFetch(() => NOW);
    const noKey = await local(`https://api.sam.gov/opportunities/v2/search?postedFrom=11/01/2026&postedTo=12/01/2026`);
    expect(noKey.status).toBe(403);
    expect((await noKey.json()).error.code).toBe("API_KEY_MISSING");
    expect((await local("https://api.sam.gov/entity-information/v3/entities?api_key=x")).status).toBe(404);
    const proxied = await local(new URL(`http://localhost:9999/sam/opportunities/v2/search?api_key=x&limit=5&postedFrom=11/01/2026&postedTo=12/01/2026`));
    expect(proxied.status).toBe(200);
  });
});

describe("fixtureSamGovFetch: time", () => {
  // The notice amended first (after its original posting), in the feed's own dates.
  const versionsById = new Map<string, SamNotice[]>();
  for (const notice of FEED.notices) versionsById.set(notice.noticeId!, [...(versionsById.get(notice.noticeId!) ?? []), notice]);
  const [amendedId, versions] = [...versionsById].find(([, list]) => list.length > 1 && list[1].responseDeadLine !== list[0].responseDeadLine)!;
  const firstPosted = parseSamDate(versions[0].postedDate).at!;
  const amendedPosted = parseSamDate(versions[1].postedDate).at!;

  it("releases an amendment once its posted date has come", async () => {
    const before = new Date(amendedPosted.getTime() - DAY);
    const after = new Date(amendedPosted.getTime() + DAY);
    const query = { postedFrom: samQueryDate(daysBefore(firstPosted, 1)), postedTo: samQueryDate(after), noticeid: amendedId };
    const early = (await search(query, before)).body.opportunitiesData;
    expect(early).toHaveLength(1);
    expect(early[0].responseDeadLine).toBe(versions[0].responseDeadLine);
    const late = (await search(query, after)).body.opportunitiesData;
    expect(late[0].responseDeadLine).toBe(versions[1].responseDeadLine);
    expect(late[0].resourceLinks!.length).toBe((versions[0].resourceLinks ?? []).length + 1);

    const describe = async (now: Date) => (await (await fixtureSamGovFetch(() => now)(`${early[0].description}&api_key=x`)).json()).description as string;
    expect(await describe(before)).not.toMatch(/Amendment 0001/);
    expect(await describe(after)).toMatch(/Amendment 0001/);
    // Not yet posted: not served, and its description not found.
    const unposted = await fixtureSamGovFetch(() => daysBefore(firstPosted, 1))(`${early[0].description}&api_key=x`);
    expect(unposted.status).toBe(404);
  });

  it("serves the next cycle's copy with every date moved by the cycle and its own notice id", async () => {
    const later = new Date(amendedPosted.getTime() + (FEED.cycleDays + 1) * DAY);
    const shiftedFirst = new Date(firstPosted.getTime() + FEED.cycleDays * DAY);
    const cycle = cycleAt(FEED, shiftedFirst);
    const copyId = noticeIdInCycle(amendedId, cycle);
    expect(copyId).toMatch(/^[0-9a-f]{32}$/);
    expect(copyId).not.toBe(amendedId);
    const { body } = await search({ postedFrom: samQueryDate(daysBefore(shiftedFirst, 1)), postedTo: samQueryDate(later), noticeid: copyId }, later);
    expect(body.opportunitiesData).toHaveLength(1);
    const copy = body.opportunitiesData[0];
    const latest = versions[versions.length - 1];
    expect(copy.responseDeadLine).toBe(shiftDate(latest.responseDeadLine, FEED.cycleDays));
    expect(copy.title).toBe(latest.title);
    expect(copy.uiLink).toBe(`https://sam.gov/opp/${copyId}/view`);
    const description = await fixtureSamGovFetch(() => later)(`${copy.description}&api_key=x`);
    expect(description.status).toBe(200);
    expect(isShippedNotice(copyId, later)).toBe(true);
    expect(isShippedNotice(amendedId, later)).toBe(true);
    expect(isShippedNotice("0123456789abcdef0123456789abcdef", later)).toBe(false);
  });

  it("keeps a served notice unchanged from one sync to the next unless amended", async () => {
    const first = (await search(window(20))).body.opportunitiesData;
    const nextDay = new Date(NOW.getTime() + 2 * DAY);
    const second = new Map((await search({ postedFrom: window(20).postedFrom, postedTo: samQueryDate(nextDay) }, nextDay)).body.opportunitiesData.map((n) => [n.noticeId, n]));
    expect(first.every((n) => second.has(n.noticeId))).toBe(true);
    // Only an amendment (a later posted date) changes a notice; whether it is active follows its archive date.
    const unamended = first.filter((n) => second.get(n.noticeId)!.postedDate === n.postedDate);
    expect(unamended.length).toBeGreaterThan(first.length / 2);
    for (const notice of unamended) expect({ ...second.get(notice.noticeId)!, active: notice.active }).toEqual(notice);
  });
});

describe("shiftDate", () => {
  const formats = fc.constantFrom("2026-09-04", "2026-09-04 13:05:22+00", "2026-09-04T16:00:00-05:00", "2027-02-28T10:00:00-06:00");
  it("moves the instant by whole days and keeps the format", () => {
    fc.assert(
      fc.property(formats, fc.integer({ min: -800, max: 800 }), (raw, days) => {
        const moved = shiftDate(raw, days);
        expect(moved.length).toBe(raw.length);
        expect(moved.slice(10)).toBe(raw.slice(10));
        expect(parseSamDate(moved).at!.getTime() - parseSamDate(raw).at!.getTime()).toBe(days * DAY);
        expect(shiftDate(moved, -days)).toBe(raw);
      }),
      { numRuns: 200 },
    );
  });

  it("leaves null and unknown formats alone", () => {
    expect(shiftDate(null, 5)).toBeNull();
    expect(shiftDate(undefined, 5)).toBeUndefined();
    expect(shiftDate("05/07/2018", 5)).toBe("05/07/2018");
  });
});
