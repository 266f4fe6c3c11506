import { describe, expect, it } from "vitest";
import { API_OPERATIONS, buildOpenApiDocument, LimitBody } from "@/lib/api/openapi";
import { describeError, errorHeaders } from "@/lib/http/errors";
import { PLAN_LIMITS } from "@/lib/plans/plans";
import { propertyQuotaExceeded } from "@/lib/plans/quota";
import { takeToken } from "@/lib/ratelimit/bucket";
import { rateLimitExceeded } from "@/lib/ratelimit/limits";

interface ResponseDoc {
  description: string;
  headers?: Record<string, { schema: { type: string } }>;
  content?: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } };
}
const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, ResponseDoc> }>> };
const responsesOf = (op: (typeof API_OPERATIONS)[number]) => doc.paths[op.path][op.method].responses;

describe("the OpenAPI document's refusals", () => {
  it.each(API_OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))("%s documents 429 with Retry-After and the limit body", (_name, op) => {
    const tooMany = responsesOf(op)["429"];
    expect(tooMany.headers?.["Retry-After"].schema.type).toBe("integer");
    const schema = tooMany.content!["application/json"].schema;
    expect(schema.required).toEqual(["error", "limit", "retryAfterSeconds"]);
    expect(Object.keys(schema.properties.limit as object)).toContain("properties");
  });

  it.each(API_OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))("%s documents the session-cookie refusals where they apply", (_name, op) => {
    const responses = responsesOf(op);
    if (op.method === "get") expect(responses["403"].description).not.toMatch(/another site/);
    else expect(responses["403"].description).toMatch(/session cookie and no API key, it came from another site/);
    if (op.body) expect(responses["415"].description).toMatch(/not application\/json/);
    else expect(responses["415"]).toBeUndefined();
  });

  it("names the property quota on the routes that create properties", () => {
    const quotaRoutes = API_OPERATIONS.filter((op) => /monthly property quota/.test(responsesOf(op)["429"].description)).map((op) => `${op.method} ${op.path}`);
    expect(quotaRoutes).toEqual(["post /api/v1/deals", "post /api/v1/deals/batch"]);
  });

  it("describes the body and header a real 429 carries, for a rate limit and for the quota", () => {
    const policy = PLAN_LIMITS.FREE.apiKeyRate;
    const empty = { tokens: 0, refilledAtMs: 0 };
    const rate = rateLimitExceeded("api-key", "api-key", policy, takeToken(empty, policy, 0), 0);
    const quota = propertyQuotaExceeded({ plan: "FREE", quota: 100, used: 100, remaining: 0, resetsAt: new Date("2027-01-01T00:00:00Z") }, new Date("2026-12-31T23:00:00Z"));
    for (const error of [rate, quota]) {
      const { status, body: answered } = describeError(error, "req-1");
      const body = JSON.parse(JSON.stringify(answered)) as { retryAfterSeconds: number };
      expect(status).toBe(429);
      // Strict: a field the answer has and the document does not is a mismatch too.
      expect(LimitBody.strict().parse(body)).toEqual(body);
      expect(errorHeaders(error)["Retry-After"]).toBe(String(body.retryAfterSeconds));
    }
  });
});
