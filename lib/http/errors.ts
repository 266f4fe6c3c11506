import { z } from "zod";
import { HTTP_STATUS, isExpectedError, LimitExceededError, type LimitDescription } from "@/lib/errors";
import { requestLogger } from "@/lib/observability/logger";
import { toFieldIssues, type FieldIssue } from "./result";

export interface ErrorBody {
  error: string;
  issues?: FieldIssue[];
  reference?: string;
  /** A 429's limit: what it is, how much is used, when it resets. */
  limit?: LimitDescription;
  retryAfterSeconds?: number;
}

/** The headers an error answer carries: Retry-After on a 429. */
export function errorHeaders(error: unknown): Record<string, string> {
  return error instanceof LimitExceededError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
}

/**
 * PostgreSQL's refusals of text it cannot store: 22021 (a NUL in a text value) and 22P05 (a
 * NUL escape in jsonb), raised by the database and carried as the driver error's cause; and
 * Prisma's own refusal to serialize an unpaired surrogate. Inputs are checked where they
 * enter (lib/validation/text.ts), so reaching one of these means a path that was missed: it
 * is still the caller's text, a 400, not a 500.
 */
const UNSTORABLE_TEXT_SQLSTATES = new Set(["22021", "22P05"]);

export function isUnstorableTextError(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, originalCode, message, cause } = current as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };
    if (UNSTORABLE_TEXT_SQLSTATES.has(String(originalCode ?? code))) return true;
    if (typeof message === "string" && /JSON Error: unexpected end of hex escape|lone (leading|trailing) surrogate/.test(message)) return true;
    current = cause;
  }
  return false;
}

/** Maps any thrown value to what a caller may see; the unexpected ones are logged. */
export function describeError(error: unknown, requestId: string | undefined): { status: number; body: ErrorBody } {
  if (error instanceof LimitExceededError) {
    const issues = error.field ? [{ path: error.field, message: error.message }] : undefined;
    return { status: 429, body: { error: error.message, issues, limit: error.limit, retryAfterSeconds: error.retryAfterSeconds } };
  }
  if (isExpectedError(error)) {
    const issues = error.field ? [{ path: error.field, message: error.message }] : undefined;
    return { status: HTTP_STATUS[error.code], body: { error: error.message, issues } };
  }
  if (error instanceof z.ZodError) {
    return { status: 422, body: { error: "Some fields are invalid", issues: toFieldIssues(error) } };
  }
  if (isUnstorableTextError(error)) {
    requestLogger(requestId).warn({ err: error }, "unstorable text reached the database");
    return { status: 400, body: { error: "The request contains a NUL character or an unpaired surrogate, which cannot be stored" } };
  }
  requestLogger(requestId).error({ err: error }, "unexpected error");
  return {
    status: 500,
    body: { error: "Something went wrong on our side. Quote this reference if it keeps happening.", reference: requestId },
  };
}
