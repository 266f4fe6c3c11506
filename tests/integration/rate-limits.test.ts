import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listDeals } from "@/app/api/v1/deals/route";
import { POST as twilioStatus } from "@/app/api/webhooks/twilio/[tenantSlug]/status/route";
import { API_SCOPES, createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { PLAN_LIMITS, PUBLIC_IP_RATES } from "@/lib/plans/plans";
import { takeToken, type BucketState } from "@/lib/ratelimit/bucket";
import { pruneIdleBuckets, takeFromStore } from "@/lib/ratelimit/store";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
const actor = { actorId: null, actorEmail: "owner@example.test", requestId: "req-rate" };

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
});
afterAll(() => database.close());

/** Fills a bucket's row as if `tokens` were left just now. */
async function setBucket(key: string, tokens: number, atMs = Date.now()) {
  await database.prisma.rateLimitBucket.upsert({ where: { key }, update: { tokens, refilledAtMs: atMs }, create: { key, tokens, refilledAtMs: atMs } });
}

describe("the shared bucket store", () => {
  it("decides exactly as the pure rule, take after take", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ capacity: fc.integer({ min: 1, max: 50 }), refillPerSecond: fc.constantFrom(0.2, 1, 3, 20) }),
        fc.array(fc.integer({ min: -1_000, max: 5_000 }), { minLength: 1, maxLength: 25 }),
        async (policy, gaps) => {
          const key = `prop:${run++}`;
          let state: BucketState | null = null;
          let now = 1_800_000_000_000;
          for (const gap of gaps) {
            now += gap;
            const expected = takeToken(state, policy, now);
            const actual = await takeFromStore(database.prisma, key, policy, now);
            expect(actual).toEqual(expected);
            state = expected.state;
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("never grants more than the capacity to concurrent takes", async () => {
    const policy = { capacity: 7, refillPerSecond: 0.001 };
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, () => takeFromStore(database.prisma, "concurrent", policy, now)));
    expect(results.filter((r) => r.granted)).toHaveLength(7);
  });

  it("prunes buckets idle for a day", async () => {
    const now = Date.now();
    await setBucket("idle", 0, now - 25 * 3_600_000);
    await setBucket("busy", 0, now - 60_000);
    await pruneIdleBuckets(database.prisma, now);
    expect(await database.prisma.rateLimitBucket.findUnique({ where: { key: "idle" } })).toBeNull();
    expect(await database.prisma.rateLimitBucket.findUnique({ where: { key: "busy" } })).not.toBeNull();
  });
});

describe("limits on the API and public endpoints", () => {
  it("answers 429 with Retry-After and the limit named once an API key's bucket is empty", async () => {
    const tenant = await provisionTenant(database.prisma, { slug: "rate-free", name: "Rate", timeZone: "America/Chicago", country: "US", plan: "FREE" }, [
      { email: "o@rate.test", name: "O", password: "correct horse battery", role: "owner" },
    ]);
    const db = scopeToTenant(database.prisma, tenant.id);
    const { key, record } = await createApiKey(db, { name: "crm", scopes: [...API_SCOPES] }, actor);
    expect((await callRoute(listDeals, "/api/v1/deals", { key })).status).toBe(200);

    await setBucket(`api-key:${record.id}`, 0.5);
    const refused = await callRoute(listDeals, "/api/v1/deals", { key });
    expect(refused.status).toBe(429);
    // Half a token short at one a second (Free): one second.
    expect(refused.headers.get("retry-after")).toBe("1");
    const json = (await refused.json()) as { error: string; limit: { kind: string; name: string; limit: number } };
    expect(json.limit).toMatchObject({ kind: "rate", name: "api-key", limit: PLAN_LIMITS.FREE.apiKeyRate.capacity });
    expect(json.error).toContain("Retry in 1 s");

    // The bucket refills at the plan's rate: a second later the key is served again.
    await setBucket(`api-key:${record.id}`, 0.5, Date.now() - 1_000);
    expect((await callRoute(listDeals, "/api/v1/deals", { key })).status).toBe(200);
  });

  it("limits a webhook per client address, not per forged X-Forwarded-For", async () => {
    const peer = "203.0.113.9";
    await setBucket(`ip:webhook:${peer}`, 0);
    const call = (forwardedFor: string) =>
      callRoute(twilioStatus, "/api/webhooks/twilio/nobody/status", {
        method: "POST",
        body: "MessageSid=SM1",
        params: { tenantSlug: "nobody" },
        headers: { [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": forwardedFor, "content-type": "application/x-www-form-urlencoded" },
      });
    const refused = await call("198.51.100.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBe(Math.ceil(1 / PUBLIC_IP_RATES.webhook.refillPerSecond));
    expect((await call("198.51.100.2")).status).toBe(429);
    // Another client is not held back by the first one's bucket.
    const other = await callRoute(twilioStatus, "/api/webhooks/twilio/nobody/status", {
      method: "POST", body: "MessageSid=SM1", params: { tenantSlug: "nobody" }, headers: { [PEER_ADDRESS_HEADER]: "203.0.113.10", "content-type": "application/x-www-form-urlencoded" },
    });
    expect(other.status).not.toBe(429);
  });
});
