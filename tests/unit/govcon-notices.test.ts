import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffNotices } from "@/lib/govcon/notice-diff";
import { matchesProfile, noticeFields, noticeIdOf } from "@/lib/govcon/notice-fields";
import type { SamNotice } from "@/lib/providers/samgov/types";

const notice: SamNotice & { noticeId: string } = {
  noticeId: "a1b2c3",
  title: "Parking lot repaving, Building 12",
  solicitationNumber: "W912-26-Q-0042",
  fullParentPathName: "DEPT OF DEFENSE.DEPT OF THE ARMY.W7NR USA CONTRACTING CMD",
  postedDate: "2026-03-02 14:05:00+00",
  type: "Solicitation",
  baseType: "Solicitation",
  typeOfSetAside: "SBA",
  typeOfSetAsideDescription: "Total Small Business Set-Aside (FAR 19.5)",
  responseDeadLine: "2026-03-30T14:00:00-05:00",
  naicsCode: "237310",
  classificationCode: "Z2LB",
  active: "Yes",
  award: null,
  pointOfContact: [{ type: "primary", fullName: "Dana Ortiz", email: "dana.ortiz@army.mil", phone: "555-0100" }],
  description: "https://api.sam.gov/prod/opportunities/v1/noticedesc?noticeid=a1b2c3",
  placeOfPerformance: { city: { name: "Fort Hood" }, state: { code: "tx" }, zip: "76544" },
  uiLink: "https://sam.gov/opp/a1b2c3/view",
  resourceLinks: ["https://sam.gov/files/1/download", "https://sam.gov/files/2/download"],
};

describe("a notice's fields", () => {
  it("reads the agency path, dates with their raw text, place and contacts", () => {
    const fields = noticeFields(notice);
    expect(fields).toMatchObject({
      noticeId: "a1b2c3",
      agency: "DEPT OF DEFENSE",
      subTier: "DEPT OF THE ARMY",
      office: "W7NR USA CONTRACTING CMD",
      naicsCode: "237310",
      pscCode: "Z2LB",
      setAside: "SBA",
      placeState: "TX",
      placeCity: "Fort Hood",
      active: true,
      responseDeadlineRaw: "2026-03-30T14:00:00-05:00",
      descriptionUrl: "https://api.sam.gov/prod/opportunities/v1/noticedesc?noticeid=a1b2c3",
      attachments: ["https://sam.gov/files/1/download", "https://sam.gov/files/2/download"],
    });
    expect(fields.responseDeadline?.toISOString()).toBe("2026-03-30T19:00:00.000Z");
    expect(fields.postedAt?.toISOString()).toBe("2026-03-02T14:05:00.000Z");
    expect(fields.pointsOfContact).toEqual([{ type: "primary", fullName: "Dana Ortiz", title: null, email: "dana.ortiz@army.mil", phone: "555-0100", fax: null }]);
  });

  it("survives a notice of nulls and odd shapes", () => {
    const odd = { noticeId: "x", title: null, naicsCodes: ["", "561730"], typeOfSetAside: "NONE", pointOfContact: "none", resourceLinks: null, award: { amount: "$1,200.50", awardee: { name: " Acme LLC " } }, active: "No" } as unknown as SamNotice & { noticeId: string };
    const fields = noticeFields(odd);
    expect(fields).toMatchObject({ title: "Untitled notice", noticeType: "Unknown", naicsCode: "561730", setAside: null, pointsOfContact: [], attachments: [], awardAmountDollars: 1200.5, awardee: "Acme LLC", active: false, postedAt: null, postedRaw: null });
  });

  it("takes no notice without a noticeId", () => {
    expect(noticeIdOf({ title: "x" })).toBeNull();
    expect(noticeIdOf({ noticeId: "  " })).toBeNull();
    expect(noticeIdOf({ noticeId: " abc " })).toBe("abc");
  });
});

describe("which notices a sync keeps", () => {
  const profile = (naicsCodes: string[], keywords: string[]) => ({ naicsCodes, keywords });
  it.each([
    [null, true],
    [profile([], []), true],
    [profile(["2373"], []), true],
    [profile(["237310"], []), true],
    [profile(["236"], []), false],
    [profile(["236"], ["REPAVING"]), true],
    [profile(["236"], ["roofing"]), false],
  ])("profile %o keeps it: %s", (p, kept) => {
    expect(matchesProfile(notice, p)).toBe(kept);
  });
});

describe("what makes an amendment", () => {
  it("an identical notice, or the same deadline written another way, is no amendment", () => {
    expect(diffNotices(notice, { ...notice })).toEqual([]);
    expect(diffNotices(notice, { ...notice, responseDeadLine: "2026-03-30 19:00:00+00", postedDate: "2026-03-05" })).toEqual([]);
  });

  it("names each changed field with its before and after in words", () => {
    const changes = diffNotices(notice, {
      ...notice,
      responseDeadLine: "2026-04-06T14:00:00-05:00",
      title: "Parking lot repaving, Buildings 12 and 14",
      typeOfSetAside: null,
      type: "Combined Synopsis/Solicitation",
      resourceLinks: ["https://sam.gov/files/1/download", "https://sam.gov/files/3/download", "https://sam.gov/files/4/download"],
    });
    expect(changes).toEqual([
      { field: "Response deadline", before: "2026-03-30 19:00 UTC", after: "2026-04-06 19:00 UTC" },
      { field: "Title", before: "Parking lot repaving, Building 12", after: "Parking lot repaving, Buildings 12 and 14" },
      { field: "Set-aside", before: "Total Small Business Set-Aside (FAR 19.5) (SBA)", after: "open to all" },
      { field: "Notice type", before: "Solicitation", after: "Combined Synopsis/Solicitation" },
      { field: "Attachments", before: "2 attachments", after: "3 attachments (2 added, 1 removed)" },
    ]);
  });

  it("a new description link, or a changed description text, is an amendment", () => {
    expect(diffNotices(notice, { ...notice, description: "https://api.sam.gov/prod/opportunities/v1/noticedesc?noticeid=zz" })[0].field).toBe("Description");
    expect(diffNotices(notice, notice, { before: "Old scope", after: "New scope" })).toEqual([{ field: "Description", before: "Old scope", after: "New scope" }]);
  });

  it("fields it does not watch (contacts, posted date, place) change nothing", () => {
    expect(diffNotices(notice, { ...notice, pointOfContact: [], postedDate: "2026-03-09", placeOfPerformance: null })).toEqual([]);
  });

  it("is empty exactly when the watched fields are equal", () => {
    const watched = fc.record({
      title: fc.constantFrom("A", "B"),
      responseDeadLine: fc.constantFrom("2026-03-30", "2026-04-01", null),
      typeOfSetAside: fc.constantFrom("SBA", "8A", null),
      type: fc.constantFrom("Solicitation", "Sources Sought"),
      resourceLinks: fc.constantFrom<string[]>(["u1"], ["u1", "u2"], []),
    });
    fc.assert(
      fc.property(watched, watched, (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(diffNotices({ ...notice, ...a }, { ...notice, ...b }).length === 0).toBe(same);
      }),
      { numRuns: 300 },
    );
  });
});
