import { describe, expect, it } from "vitest";
import awardsFile from "@/fixtures/usaspending/awards.json";
import noticesFile from "@/fixtures/samgov/notices.json";
import { incumbentSearch, pickIncumbent, similarSearch, similarWithout, toptierAgencyName, type OpportunityForAwards } from "@/lib/govcon/award-matching";
import { usaSpendingSource } from "@/lib/govcon/awards";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { awardSearchBody, awardsOf, usaSpendingClient, UsaSpendingError, usaSpendingMessage, type AwardSummary } from "@/lib/providers/usaspending/client";
import { fixtureUsaSpendingFetch } from "@/lib/providers/usaspending/fixture";
import type { FixtureAwardsFile } from "@/lib/providers/usaspending/fixture-types";

const AWARDS = awardsFile as unknown as FixtureAwardsFile;
const NOTICES = (noticesFile as unknown as { notices: SamNotice[] }).notices;
const NOW = new Date("2026-12-07T15:00:00Z");
const client = usaSpendingClient({ fetchImpl: fixtureUsaSpendingFetch(() => NOW) });

function award(overrides: Partial<AwardSummary>): AwardSummary {
  return { awardId: "X", recipient: "ACME LLC", amountDollars: 1, startDate: null, endDate: null, agency: null, subAgency: null, naics: null, psc: null, url: null, ...overrides };
}

describe("toptierAgencyName", () => {
  it.each([
    ["VETERANS AFFAIRS, DEPARTMENT OF", "Department of Veterans Affairs"],
    ["HEALTH AND HUMAN SERVICES, DEPARTMENT OF", "Department of Health and Human Services"],
    ["INTERIOR, DEPARTMENT OF THE", "Department of the Interior"],
    ["DEPT OF DEFENSE", "Department of Defense"],
    ["DEPT OF DEFENSE.DEPT OF THE ARMY.USACE", "Department of Defense"],
    ["GENERAL SERVICES ADMINISTRATION", "General Services Administration"],
    ["NATIONAL AERONAUTICS AND SPACE ADMINISTRATION", "National Aeronautics and Space Administration"],
    ["AGENCY FOR INTERNATIONAL DEVELOPMENT", "Agency for International Development"],
    ["", null],
    [null, null],
  ])("%s is %s", (sam, usaSpending) => {
    expect(toptierAgencyName(sam)).toBe(usaSpending);
  });
});

describe("the searches an opportunity needs", () => {
  const opportunity: OpportunityForAwards = { solicitationNumber: "36C25026Q0123", awardNumber: null, naicsCode: "238220", pscCode: "J041", agency: "VETERANS AFFAIRS, DEPARTMENT OF" };

  it("looks the incumbent up by solicitation and award number, or not at all", () => {
    expect(incumbentSearch(opportunity)?.keywords).toEqual(["36C25026Q0123"]);
    expect(incumbentSearch({ ...opportunity, awardNumber: "36C25025C0045" })?.keywords).toEqual(["36C25026Q0123", "36C25025C0045"]);
    expect(incumbentSearch({ ...opportunity, solicitationNumber: null })).toBeNull();
  });

  it("compares with five years of the same NAICS code (else PSC) and agency", () => {
    expect(similarSearch(opportunity, NOW)).toMatchObject({ naicsCodes: ["238220"], awardingAgency: "Department of Veterans Affairs", timePeriod: { startDate: "2021-12-07", endDate: "2026-12-07" } });
    expect(similarSearch({ ...opportunity, naicsCode: null }, NOW)).toMatchObject({ pscCodes: ["J041"] });
    expect(similarSearch({ ...opportunity, naicsCode: null, pscCode: null }, NOW)).toBeNull();
  });

  it("takes the award named by the solicitation or PIID as incumbent, else the first match", () => {
    const named = award({ awardId: "36c250-26-q-0123", amountDollars: 5 });
    expect(pickIncumbent([award({ awardId: "OTHER", amountDollars: 9 }), named], opportunity)).toBe(named);
    expect(pickIncumbent([award({ awardId: "OTHER" })], opportunity)?.awardId).toBe("OTHER");
    expect(pickIncumbent([], opportunity)).toBeNull();
  });

  it("lists similar awards largest first, without the incumbent, five at most", () => {
    const list = [1, 7, 3, 9, 5, 8].map((amount) => award({ awardId: `A${amount}`, amountDollars: amount }));
    expect(similarWithout(list, list[3]).map((a) => a.awardId)).toEqual(["A8", "A7", "A5", "A3", "A1"]);
  });
});

describe("the USAspending client", () => {
  it("asks for contracts with the documented filters, fields and sort", () => {
    const body = awardSearchBody({ naicsCodes: ["236220"], awardingAgency: "Department of Veterans Affairs", timePeriod: { startDate: "2021-01-01", endDate: "2026-01-01" }, keywords: ["36C25026Q0123"], limit: 6 });
    expect(body).toEqual({
      filters: {
        award_type_codes: ["A", "B", "C", "D"],
        naics_codes: ["236220"],
        agencies: [{ type: "awarding", tier: "toptier", name: "Department of Veterans Affairs" }],
        time_period: [{ start_date: "2021-01-01", end_date: "2026-01-01" }],
        keywords: ["36C25026Q0123"],
      },
      fields: ["Award ID", "Recipient Name", "Award Amount", "Start Date", "End Date", "Awarding Agency", "Awarding Sub Agency", "NAICS", "PSC", "generated_internal_id"],
      sort: "Award Amount",
      order: "desc",
      limit: 6,
      page: 1,
    });
  });

  it("reads rows of either NAICS shape and skips rows without an award ID or recipient", () => {
    const rows = [
      { "Award ID": "W912QR21C0001", "Recipient Name": "ACME", "Award Amount": 1200.5, "Start Date": "2021-01-01", NAICS: { code: "236220", description: "X" }, generated_internal_id: "CONT_AWD_W912QR21C0001_2100_-NONE-_-NONE-" },
      { "Award ID": "N4008522C0002", "Recipient Name": "BETA", "Award Amount": "300", "NAICS Code": "238220", "PSC Code": "Z2DA" },
      { "Award ID": null, "Recipient Name": "GAMMA" },
      { "Award ID": "X", "Recipient Name": "  " },
    ];
    const awards = awardsOf(rows);
    expect(awards).toHaveLength(2);
    expect(awards[0]).toMatchObject({ naics: "236220", amountDollars: 1200.5, url: "https://www.usaspending.gov/award/CONT_AWD_W912QR21C0001_2100_-NONE-_-NONE-" });
    expect(awards[1]).toMatchObject({ naics: "238220", psc: "Z2DA", amountDollars: 300, url: null });
  });

  it.each([
    [JSON.stringify({ detail: "Missing value: 'fields' is a required field" }), "Missing value: 'fields' is a required field"],
    [JSON.stringify({ messages: ["Too many requests.", "Retry later."] }), "Too many requests. Retry later."],
    ["<html><body>Bad Gateway</body></html>", "Bad Gateway"],
    ["", "HTTP 502"],
  ])("reads the error %s", (body, message) => {
    expect(usaSpendingMessage(502, body)).toBe(message);
  });

  it("throws USAspending's own message on a refused request", async () => {
    const refusing: typeof fetch = async () => new Response(JSON.stringify({ detail: "Field 'limit' value '500' is above max '100'" }), { status: 422 });
    const error = await usaSpendingClient({ fetchImpl: refusing }).searchAwards({ limit: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsaSpendingError);
    expect(error).toMatchObject({ status: 422, message: "Field 'limit' value '500' is above max '100'" });
    const offline: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    await expect(usaSpendingClient({ fetchImpl: offline }).searchAwards({})).rejects.toMatchObject({ status: 0, message: /could not be reached/ });
  });
});

describe("fixtureUsaSpendingFetch", () => {
  it("has an incumbent for about 40% of the recompeted requirements and one for every award notice", () => {
    const bySolicitation = new Set(AWARDS.awards.map((a) => a.solicitation_identifier).filter(Boolean));
    const open = NOTICES.filter((n) => ["Solicitation", "Presolicitation", "Combined Synopsis/Solicitation", "Sources Sought"].includes(n.type!));
    const share = new Set(open.filter((n) => bySolicitation.has(n.solicitationNumber!)).map((n) => n.noticeId)).size / new Set(open.map((n) => n.noticeId)).size;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    const awardNumbers = new Set(AWARDS.awards.map((a) => a["Award ID"]));
    for (const notice of NOTICES.filter((n) => n.type === "Award Notice")) expect(awardNumbers.has(notice.award!.number!)).toBe(true);
  });

  it("finds a notice's incumbent by its solicitation number", async () => {
    const incumbent = AWARDS.awards.find((a) => a.solicitation_identifier && a.award_type_code !== "A")!;
    const { awards } = await client.searchAwards({ keywords: [incumbent.solicitation_identifier!] });
    expect(awards[0]).toMatchObject({ awardId: incumbent["Award ID"], recipient: incumbent["Recipient Name"], amountDollars: incumbent["Award Amount"] });
    expect(awards[0].url).toContain(incumbent.generated_internal_id);
  });

  it("narrows by NAICS, agency and period, largest first, and pages", async () => {
    const sample = AWARDS.awards.find((a) => a.NAICS.code === "561720")!;
    const search = { naicsCodes: ["561720"], awardingAgency: sample["Awarding Agency"], timePeriod: { startDate: "2021-12-07", endDate: "2026-12-07" } };
    const all = await client.searchAwards({ ...search, limit: 100 });
    expect(all.awards.length).toBeGreaterThan(2);
    for (const found of all.awards) {
      expect(found.naics).toBe("561720");
      expect(found.agency).toBe(sample["Awarding Agency"]);
      expect(found.endDate! >= "2021-12-07" && found.startDate! <= "2026-12-07").toBe(true);
    }
    const amounts = all.awards.map((a) => a.amountDollars!);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const first = await client.searchAwards({ ...search, limit: 2 });
    const second = await client.searchAwards({ ...search, limit: 2, page: 2 });
    expect(first.hasNext).toBe(true);
    expect([...first.awards, ...second.awards].map((a) => a.awardId)).toEqual(all.awards.slice(0, 4).map((a) => a.awardId));
    // A prefix matches the codes under it, as on USAspending.
    expect((await client.searchAwards({ naicsCodes: ["5617"], limit: 100 })).awards.some((a) => a.naics === "561730")).toBe(true);
  });

  it("refuses what USAspending refuses, with its detail", async () => {
    const local = fixtureUsaSpendingFetch(() => NOW);
    const post = (body: unknown) => local("https://api.usaspending.gov/api/v2/search/spending_by_award/", { method: "POST", body: JSON.stringify(body) });
    const noTypes = await post({ filters: {}, fields: ["Award ID", "Award Amount"] });
    expect(noTypes.status).toBe(422);
    expect((await noTypes.json()).detail).toMatch(/award_type_codes/);
    expect((await post({ filters: { award_type_codes: ["A"] }, fields: ["Award ID", "Award Amount"], limit: 101 })).status).toBe(422);
    expect((await post({ filters: { award_type_codes: ["A"] }, fields: ["Award ID"], sort: "Award Amount" })).status).toBe(422);
    expect((await post({ filters: { award_type_codes: ["A"] }, fields: ["Award ID", "Award Amount"] })).status).toBe(200);
    expect((await local("https://api.usaspending.gov/api/v2/search/spending_by_award/", { method: "GET" })).status).toBe(405);
    expect((await local("https://api.usaspending.gov/api/v2/awards/X/", { method: "POST", body: "{}" })).status).toBe(404);
  });
});

describe("usaSpendingSource", () => {
  it("uses the shipped awards for the shipped feed's notices unless live USAspending is asked for or pointed at", () => {
    expect(usaSpendingSource({}, true)).toEqual({ source: "fixture", baseUrl: null });
    expect(usaSpendingSource({ USASPENDING_LIVE: "1" }, true)).toEqual({ source: "usaspending", baseUrl: null });
    expect(usaSpendingSource({ USASPENDING_API_URL: "http://localhost:8080/" }, true)).toEqual({ source: "usaspending", baseUrl: "http://localhost:8080/" });
  });

  it("never matches a real SAM.gov notice against the sample", () => {
    expect(usaSpendingSource({}, false)).toEqual({ source: "usaspending", baseUrl: null });
  });
});
