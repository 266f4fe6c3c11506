/**
 * SAM.gov's daily request budget, counted per key and UTC day in ProviderQuota before each
 * request is sent. A plain non-federal key allows 10 requests a day, a key with an entity
 * role 1,000; the shipped fixture feed gets 1,000 so the demo and tests are never starved.
 */
import { createHash } from "node:crypto";
import { SAM_GOV_DEFAULT_DAILY_BUDGET } from "@/lib/credentials/schema";
import { readLatestProviderAnswer, readProviderQuota, recordProviderAnswer, takeProviderRequest, type QuotaKey } from "@/lib/db/provider-quota";
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials } from "@/lib/providers/credentials";

export const SAM_GOV_PROVIDER = "samgov";
export const FIXTURE_KEY = "fixture";
export const FIXTURE_DAILY_BUDGET = 1000;

type Env = Record<string, string | undefined>;

/** Which key a sync uses and the budget it lives within. The key itself never leaves here but to the client. */
export interface SamGovAccount {
  source: "workspace" | "environment" | "fixture";
  apiKey: string;
  keyHash: string;
  budget: number;
}

export interface SamGovUsage {
  source: SamGovAccount["source"];
  budget: number;
  used: number;
  left: number;
  /** No request before this time (a 429 marked the day spent). */
  exhaustedUntil: Date | null;
  lastStatus: number | null;
  lastMessage: string | null;
  /** The UTC day counted, YYYY-MM-DD. */
  day: string;
}

/** sha256 of the key, first 16 hex digits: enough to tell keys apart, useless to call with. */
export function hashSamGovKey(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
}

export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** 00:00 UTC after `now`: when SAM.gov's daily limits reset. */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** The workspace's SAM.gov key (its own, else the installation's), or the fixture feed's. */
export async function resolveSamGovAccount(db: TenantDb, env: Env = process.env): Promise<SamGovAccount> {
  const resolved = await resolveProviderCredentials(db, "SAM_GOV", env);
  if (resolved.source === "local") return { source: "fixture", apiKey: FIXTURE_KEY, keyHash: FIXTURE_KEY, budget: FIXTURE_DAILY_BUDGET };
  const { apiKey, dailyBudget } = resolved.credentials;
  return { source: resolved.source, apiKey, keyHash: hashSamGovKey(apiKey), budget: dailyBudget ?? SAM_GOV_DEFAULT_DAILY_BUDGET };
}

const quotaKey = (account: SamGovAccount, now: Date): QuotaKey => ({ provider: SAM_GOV_PROVIDER, keyHash: account.keyHash, day: utcDay(now) });

export type QuotaTake = { ok: true; used: number; left: number } | { ok: false; reason: "spent" | "throttled"; exhaustedUntil: Date | null; used: number; budget: number };

/** Takes one request of today's budget before it is sent; refuses once it is spent or throttled. */
export async function takeSamGovRequest(db: TenantDb, account: SamGovAccount, now: Date): Promise<QuotaTake> {
  const key = quotaKey(account, now);
  const taken = await takeProviderRequest(db, key, account.budget, now);
  if (taken) return { ok: true, used: taken.requests, left: Math.max(0, taken.budget - taken.requests) };
  const row = await readProviderQuota(db, key);
  const throttled = !!row?.exhaustedUntil && row.exhaustedUntil > now;
  return { ok: false, reason: throttled ? "throttled" : "spent", exhaustedUntil: throttled ? row!.exhaustedUntil : null, used: row?.requests ?? 0, budget: account.budget };
}

/** Records SAM.gov's answer; a 429 marks the day spent until 00:00 UTC. */
export async function recordSamGovAnswer(db: TenantDb, account: SamGovAccount, answer: { status: number; message: string | null }, now: Date): Promise<void> {
  const exhaustedUntil = answer.status === 429 ? nextUtcMidnight(now) : null;
  await recordProviderAnswer(db, quotaKey(account, now), { ...answer, exhaustedUntil }, now);
}

/** Today's use of the workspace's SAM.gov budget, for the settings page, the engine and the CLI. */
export async function readSamGovUsage(db: TenantDb, now = new Date(), env: Env = process.env): Promise<SamGovUsage> {
  const account = await resolveSamGovAccount(db, env);
  return usageOf(db, account, now);
}

export async function usageOf(db: TenantDb, account: SamGovAccount, now: Date): Promise<SamGovUsage> {
  const key = quotaKey(account, now);
  const row = await readProviderQuota(db, key);
  // A key rejected yesterday is still rejected today: show its last answer until a new one.
  const answer = row?.lastStatus != null ? row : await readLatestProviderAnswer(db, SAM_GOV_PROVIDER, account.keyHash);
  const used = row?.requests ?? 0;
  const exhaustedUntil = row?.exhaustedUntil && row.exhaustedUntil > now ? row.exhaustedUntil : null;
  return {
    source: account.source,
    budget: account.budget,
    used,
    left: exhaustedUntil ? 0 : Math.max(0, account.budget - used),
    exhaustedUntil,
    lastStatus: answer?.lastStatus ?? null,
    lastMessage: answer?.lastMessage ?? null,
    day: key.day,
  };
}
