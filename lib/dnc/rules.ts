/**
 * Whether a phone number on a do-not-call registry may be texted or called, pure.
 *
 * - LITIGATOR and INTERNAL lists block always: no consent outweighs them.
 * - A national registry (US_NATIONAL, CA_NATIONAL) blocks unless the consent on the channel
 *   (opted in) has a basis that exempts it: PRIOR_EXPRESS_WRITTEN always; ESTABLISHED_RELATIONSHIP
 *   for its window after the consent was given: 90 days for the US registry (the Telemarketing
 *   Sales Rule's inquiry window; an 18-month purchase window exists, but the app cannot tell a
 *   purchase from an inquiry, so it takes the shorter) and 180 days for Canada's DNCL (the
 *   CRTC's six-month inquiry exemption).
 * - A Canadian number (its area code, lib/dnc/area-codes.ts) needs, unless its consent exempts
 *   it from the DNCL as above, a DNCL copy downloaded no more than 31 days before the send;
 *   with no copy loaded the send is refused too (fail closed: an unchecked number is treated
 *   as a listed one).
 */
import type { DncRegistryKind } from "@/generated/prisma/enums";

export type ConsentBasis = "PRIOR_EXPRESS_WRITTEN" | "ESTABLISHED_RELATIONSHIP" | "NONE";

export interface RegistryConsent {
  basis: ConsentBasis;
  /** When the consent was given (else recorded); the relationship window runs from it. */
  givenAt: Date | null;
}

export interface RegistryCheck {
  kind: DncRegistryKind;
  name: string;
  /** When the copy in force was downloaded; null when the registry has no copy. */
  downloadedAt: Date | null;
  /** The number is on the copy in force. */
  listed: boolean;
}

export interface RegistryFacts {
  /** The number is in a Canadian area code. */
  canadian: boolean;
  /** Every registry of the tenant, with or without a copy. */
  registries: readonly RegistryCheck[];
}

export type RegistryBlockReason = "dnc_litigator" | "dnc_internal" | "dnc_national" | "dncl_missing" | "dncl_stale";

export type RegistryDecision =
  | { allowed: true }
  | { allowed: false; reason: RegistryBlockReason; registry: { kind: DncRegistryKind; name: string; ageDays: number | null } | null; detail: string };

export const DNCL_MAX_AGE_DAYS = 31;
const DAY_MS = 86_400_000;
const RELATIONSHIP_WINDOW_DAYS: Record<"US_NATIONAL" | "CA_NATIONAL", number> = { US_NATIONAL: 90, CA_NATIONAL: 180 };
const KIND_WORDS: Record<DncRegistryKind, string> = {
  US_NATIONAL: "the US National Do Not Call Registry",
  CA_NATIONAL: "Canada's National DNCL",
  LITIGATOR: "a litigator list",
  INTERNAL: "the internal do-not-call list",
};

/** Whole days between the copy's download and `at` (0 on the day itself). */
export function copyAgeDays(downloadedAt: Date, at: Date): number {
  return Math.floor((at.getTime() - downloadedAt.getTime()) / DAY_MS);
}

/** The consent exempts the number from this national registry at `at`. */
export function consentExempts(kind: "US_NATIONAL" | "CA_NATIONAL", consent: RegistryConsent | null, at: Date): boolean {
  if (!consent) return false;
  if (consent.basis === "PRIOR_EXPRESS_WRITTEN") return true;
  if (consent.basis !== "ESTABLISHED_RELATIONSHIP" || !consent.givenAt) return false;
  const age = at.getTime() - consent.givenAt.getTime();
  return age >= 0 && age <= RELATIONSHIP_WINDOW_DAYS[kind] * DAY_MS;
}

function refuse(reason: RegistryBlockReason, check: RegistryCheck | null, at: Date, detail: string): RegistryDecision {
  const registry = check ? { kind: check.kind, name: check.name, ageDays: check.downloadedAt ? copyAgeDays(check.downloadedAt, at) : null } : null;
  return { allowed: false, reason, registry, detail };
}

export function decideRegistries(facts: RegistryFacts, consent: RegistryConsent | null, at: Date): RegistryDecision {
  const listedOn = (kind: DncRegistryKind) => facts.registries.find((r) => r.kind === kind && r.downloadedAt && r.listed) ?? null;
  for (const kind of ["LITIGATOR", "INTERNAL"] as const) {
    const hit = listedOn(kind);
    if (hit) return refuse(kind === "LITIGATOR" ? "dnc_litigator" : "dnc_internal", hit, at, `The number is on ${KIND_WORDS[kind]} "${hit.name}"`);
  }
  if (facts.canadian && !consentExempts("CA_NATIONAL", consent, at)) {
    const copies = facts.registries.filter((r) => r.kind === "CA_NATIONAL" && r.downloadedAt);
    if (copies.length === 0) return refuse("dncl_missing", null, at, "No copy of Canada's National DNCL is loaded, so Canadian numbers cannot be checked");
    // Every DNCL copy must be fresh: the oldest one decides.
    const oldest = copies.reduce((a, b) => (a.downloadedAt! <= b.downloadedAt! ? a : b));
    const age = copyAgeDays(oldest.downloadedAt!, at);
    if (age > DNCL_MAX_AGE_DAYS) {
      return refuse("dncl_stale", oldest, at, `The DNCL copy "${oldest.name}" is ${age} days old; Canada requires one no older than ${DNCL_MAX_AGE_DAYS} days`);
    }
  }
  for (const kind of ["US_NATIONAL", "CA_NATIONAL"] as const) {
    const hit = listedOn(kind);
    if (hit && !consentExempts(kind, consent, at)) {
      return refuse("dnc_national", hit, at, `The number is on ${KIND_WORDS[kind]} ("${hit.name}") and its consent does not exempt it`);
    }
  }
  return { allowed: true };
}
