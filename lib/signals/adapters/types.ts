/**
 * What a CRM webhook adapter makes of a payload: signals without their person yet. The
 * person is resolved afterwards (lib/signals/webhook.ts) from what the payload names.
 */
import type { Prisma } from "@/generated/prisma/client";
import { ExpectedError } from "@/lib/errors";
import type { SignalSource, SignalType } from "../types";

/** Whatever the payload says about who this is, most specific first. */
export interface PersonHint {
  dealId?: string;
  buyerId?: string;
  /** CRM record ids (account, opportunity, deal, contact) a deal may carry as its sourceRef. */
  crmIds?: string[];
  email?: string;
  phone?: string;
}

export interface NormalizedSignal {
  type: SignalType;
  occurredAt: Date;
  dedupeKey: string;
  payload: Prisma.InputJsonObject;
  person: PersonHint;
  /** The payload field that names the person, for a 422 when nobody matches. */
  personField: string;
}

export interface SignalAdapter {
  provider: string;
  source: SignalSource;
  /** Pure: the payload to signals, or ExpectedError("invalid") naming the field that is wrong. */
  normalize(body: unknown, now: Date): NormalizedSignal[];
}

/** A payload field that is missing or wrong, as a 422 naming it. */
export function invalidField(field: string, message: string): ExpectedError {
  return new ExpectedError("invalid", message, field);
}

/** The first issue of a failed zod parse, as a 422 naming its field (`[0].objectId`, `occurredAt`). */
export function fromZodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ExpectedError {
  const issue = issues[0];
  const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[") || "body";
  return invalidField(field, issue.message);
}

/**
 * A timestamp as CRMs send it: ISO 8601 (Salesforce writes "+0000" without the colon),
 * or Unix milliseconds. Null when it is not one.
 */
export function parseCrmTime(value: unknown): Date | null {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? new Date(value) : null;
  if (typeof value !== "string" || !value.trim()) return null;
  const text = value.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A time in the future is when we heard of it at the latest: signals dated ahead would wait to count. */
export function notAfter(date: Date, now: Date): Date {
  return date.getTime() > now.getTime() ? now : date;
}
