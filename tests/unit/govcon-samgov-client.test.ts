import { describe, expect, it } from "vitest";
import { redactKey, samGovClient, samGovMessage, SamGovError, SamGovThrottled, searchParams, validateSearchQuery } from "@/lib/providers/samgov/client";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("the search query", () => {
  it("sends the window as MM/dd/yyyy, limit 1000 and offset 0 by default, the key last", () => {
    const params = searchParams({ postedFrom: day("2026-01-05"), postedTo: day("2026-03-06") }, "KEY123");
    expect([...params.keys()]).toEqual(["postedFrom", "postedTo", "limit", "offset", "api_key"]);
    expect(params.get("postedFrom")).toBe("01/05/2026");
    expect(params.get("postedTo")).toBe("03/06/2026");
    expect(params.get("limit")).toBe("1000");
    expect(params.get("offset")).toBe("0");
  });

  it("adds ncode, typeOfSetAside, ptype, state and rdlfrom/rdlto only where they narrow", () => {
    const params = searchParams(
      { postedFrom: day("2026-01-05"), postedTo: day("2026-01-06"), ncode: "236220", typeOfSetAside: "SBA", ptype: ["o", "k"], state: "TX", rdlfrom: day("2026-02-01"), rdlto: day("2026-02-28") },
      "k",
    );
    expect(params.get("ncode")).toBe("236220");
    expect(params.get("typeOfSetAside")).toBe("SBA");
    expect(params.get("ptype")).toBe("o,k");
    expect(params.get("state")).toBe("TX");
    expect(params.get("rdlfrom")).toBe("02/01/2026");
    expect(params.get("rdlto")).toBe("02/28/2026");
    const plain = searchParams({ postedFrom: day("2026-01-05"), postedTo: day("2026-01-06"), ncode: " ", ptype: [], state: "" }, "k");
    expect(plain.has("ncode") || plain.has("ptype") || plain.has("state")).toBe(false);
  });

  it.each([
    [{ postedFrom: day("2025-03-06"), postedTo: day("2026-03-06") }, null],
    [{ postedFrom: day("2025-03-05"), postedTo: day("2026-03-06") }, /at most one year apart/],
    [{ postedFrom: day("2026-03-07"), postedTo: day("2026-03-06") }, /not be after/],
    [{ postedFrom: day("2026-03-01"), postedTo: day("2026-03-06"), limit: 1001 }, /limit must be 1 to 1000/],
    [{ postedFrom: day("2026-03-01"), postedTo: day("2026-03-06"), limit: 0 }, /limit/],
    [{ postedFrom: day("2026-03-01"), postedTo: day("2026-03-06"), offset: -1 }, /offset/],
    [{ postedFrom: new Date("x"), postedTo: day("2026-03-06") }, /must be dates/],
  ])("validates %o", (query, error) => {
    if (error) expect(() => validateSearchQuery(query)).toThrow(error);
    else expect(() => validateSearchQuery(query)).not.toThrow();
  });
});

describe("SAM.gov's error messages", () => {
  it.each([
    [403, '{"error":{"code":"API_KEY_INVALID","message":"An invalid api_key was supplied. Get one at https://api.data.gov:443"}}', "An invalid api_key was supplied. Get one at https://api.data.gov:443 (code API_KEY_INVALID)"],
    [429, '{"code":"900804","message":"Message throttled out","description":"You have exceeded your quota .You can access API after 2026-Mar-07 00:00:00+0000 UTC","nextAccessTime":"2026-Mar-07 00:00:00+0000 UTC"}', "Message throttled out: You have exceeded your quota .You can access API after 2026-Mar-07 00:00:00+0000 UTC (code 900804)"],
    [400, '{"errorMessage":"Date range must be null year(s) apart","errorCode":400}', "Date range must be null year(s) apart"],
    [400, '{"title":"Bad Request","detail":"PostedFrom and PostedTo are mandatory"}', "PostedFrom and PostedTo are mandatory"],
    [500, '{"message":"Internal error"}', "Internal error"],
    [404, '{"code":"404","description":"Description Not Found"}', "Description Not Found (code 404)"],
    [502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "502 Bad Gateway"],
    [500, "", "HTTP 500"],
  ])("HTTP %s %s reads as %s", (status, body, message) => {
    expect(samGovMessage(status, body)).toBe(message);
  });

  it("never keeps the key", () => {
    expect(redactKey("GET https://api.sam.gov/x?api_key=SECRETKEY&limit=1 failed", "SECRETKEY")).toBe("GET https://api.sam.gov/x?api_key=***&limit=1 failed");
    expect(redactKey("the key SECRETKEY was refused", "SECRETKEY")).toBe("the key *** was refused");
  });
});

function answering(status: number, body: string, contentType = "application/json"): { fetchImpl: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return new Response(body, { status, headers: { "content-type": contentType } });
  }) as typeof fetch;
  return { fetchImpl, urls };
}

describe("the client", () => {
  const query = { postedFrom: day("2026-03-01"), postedTo: day("2026-03-06") };

  it("turns a 429 into SamGovThrottled and other failures into SamGovError, without the key", async () => {
    const throttled = answering(429, '{"code":"900804","message":"Message throttled out"}');
    await expect(samGovClient({ apiKey: "SECRETKEY", fetchImpl: throttled.fetchImpl }).search(query)).rejects.toBeInstanceOf(SamGovThrottled);
    const rejected = answering(401, '{"error":{"code":"API_KEY_INVALID","message":"bad key SECRETKEY"}}');
    const error = await samGovClient({ apiKey: "SECRETKEY", fetchImpl: rejected.fetchImpl }).search(query).catch((e) => e);
    expect(error).toBeInstanceOf(SamGovError);
    expect(error.status).toBe(401);
    expect(error.message).not.toContain("SECRETKEY");
  });

  it("reads a description answered as JSON or as text, with the key appended to the link", async () => {
    const json = answering(200, '{"description":"<p>Repave lot 4</p>"}');
    expect(await samGovClient({ apiKey: "K", fetchImpl: json.fetchImpl }).fetchDescription("https://api.sam.gov/prod/opportunities/v1/noticedesc?noticeid=abc")).toBe("<p>Repave lot 4</p>");
    expect(json.urls[0]).toBe("https://api.sam.gov/prod/opportunities/v1/noticedesc?noticeid=abc&api_key=K");
    const text = answering(200, "Repave lot 4", "text/plain");
    expect(await samGovClient({ apiKey: "K", fetchImpl: text.fetchImpl }).fetchDescription("https://api.sam.gov/d?noticeid=abc")).toBe("Repave lot 4");
  });

  it("refuses an answer without opportunitiesData", async () => {
    const odd = answering(200, '{"totalRecords":3}');
    await expect(samGovClient({ apiKey: "K", fetchImpl: odd.fetchImpl }).search(query)).rejects.toThrow(/without opportunitiesData/);
  });
});
