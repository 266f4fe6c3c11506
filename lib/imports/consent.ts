/**
 * Consent in a lead list: per-row columns (given, source, date, wording) and the default the
 * user chose for the whole file in the wizard. A cell wins over the default; a consent
 * cell that is neither yes nor no rejects the row, since texting someone on a guess is
 * exactly what the law forbids.
 */
import { z } from "zod";
import { CONSENT_BASES, parseBasisCell } from "@/lib/outbound/consent-rules";
import type { IntakeConsent } from "@/lib/outbound/intake-consent";
import type { ConsentField } from "./mapping";

const YES = new Set(["yes", "y", "true", "t", "1", "opted in", "opt in", "opted-in", "opt-in", "x"]);
const NO = new Set(["no", "n", "false", "f", "0", "opted out", "opt out", "opted-out", "opt-out", "none"]);

/** "Yes", "TRUE", "1" → true; "no", "false", "0" → false; blank → null; anything else → "invalid". */
export function parseConsentCell(cell: string | null | undefined): boolean | null | "invalid" {
  const value = (cell ?? "").trim().toLowerCase();
  if (value === "") return null;
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return "invalid";
}

/**
 * "2026-03-01", "2026-03-01T14:05:00Z", "3/1/2026" (US month first) → a Date; blank → null;
 * anything else, or a date after `now`, → "invalid".
 */
export function parseConsentDate(cell: string | null | undefined, now = new Date()): Date | null | "invalid" {
  const value = (cell ?? "").trim();
  if (value === "") return null;
  let date: Date | null = null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (us) {
    const [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
    const candidate = new Date(Date.UTC(year, month - 1, day));
    if (candidate.getUTCMonth() === month - 1 && candidate.getUTCDate() === day) date = candidate;
  } else if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    const candidate = new Date(value.length === 10 ? `${value}T00:00:00Z` : value.replace(" ", "T"));
    if (!Number.isNaN(candidate.getTime())) date = candidate;
  }
  if (!date || date.getTime() > now.getTime() + 24 * 3600_000 || date.getUTCFullYear() < 1990) return "invalid";
  return date;
}

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The wizard's answer for the whole file: "These contacts gave written consent". */
export const ImportConsentDefault = z
  .object({
    given: z.enum(["yes", "no"], { error: "Choose yes or no" }),
    source: z.preprocess(blank, z.string().trim().max(100, "Keep the source under 100 characters").optional()),
    wording: z.preprocess(blank, z.string().trim().max(2000, "Keep the wording under 2000 characters").optional()),
    /** Left out, consent with wording is prior express written consent. */
    basis: z.preprocess(blank, z.enum(CONSENT_BASES, { error: "Choose a consent basis" }).optional()),
  })
  .refine((d) => d.given === "no" || Boolean(d.source), { message: "Say where the consent came from", path: ["source"] });
export type ImportConsentDefault = z.output<typeof ImportConsentDefault>;

export interface ConsentIssue {
  field: ConsentField;
  message: string;
}

/** The consent a row records, from its cells and the file's default; issues reject the row. */
export function rowConsent(
  cells: Partial<Record<ConsentField, string>>,
  fallback: ImportConsentDefault | null,
  now = new Date(),
): { consent: IntakeConsent | null; issues: ConsentIssue[] } {
  const issues: ConsentIssue[] = [];
  const given = parseConsentCell(cells.consentGiven);
  if (given === "invalid") issues.push({ field: "consentGiven", message: "Consent must be yes or no (also true/false, 1/0)" });
  const givenAt = parseConsentDate(cells.consentGivenAt, now);
  if (givenAt === "invalid") issues.push({ field: "consentGivenAt", message: "Consent date must be a past date like 2026-03-01 or 3/1/2026" });
  const source = cells.consentSource?.trim().slice(0, 100) || fallback?.source;
  const wording = cells.consentWording?.trim().slice(0, 2000) || fallback?.wording;
  const basisCell = parseBasisCell(cells.consentBasis);
  if (basisCell === "invalid") issues.push({ field: "consentBasis", message: "Consent basis must be written (PEWC), relationship (EBR) or none" });
  const basis = (basisCell === "invalid" ? null : basisCell) ?? fallback?.basis;
  const evidence = cells.consentEvidence?.trim().slice(0, 500);
  const isGiven = given === "invalid" ? null : typeof given === "boolean" ? given : fallback ? fallback.given === "yes" : null;
  if (isGiven && basis === "PRIOR_EXPRESS_WRITTEN" && !wording) {
    issues.push({ field: "consentWording", message: "Prior express written consent needs the words agreed to" });
  }
  if (issues.length) return { consent: null, issues };
  if (isGiven === null) return { consent: null, issues };
  return {
    consent: {
      given: isGiven,
      source: source || "import",
      ...(givenAt instanceof Date ? { givenAt } : {}),
      ...(wording ? { wording } : {}),
      ...(basis ? { basis } : {}),
      ...(evidence ? { evidence } : {}),
    },
    issues,
  };
}
