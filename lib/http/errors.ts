import { z } from "zod";
import { HTTP_STATUS, isExpectedError } from "@/lib/errors";
import { requestLogger } from "@/lib/observability/logger";
import { toFieldIssues, type FieldIssue } from "./result";

export interface ErrorBody {
  error: string;
  issues?: FieldIssue[];
  reference?: string;
}

/** Maps any thrown value to what a caller may see; the unexpected ones are logged. */
export function describeError(error: unknown, requestId: string | undefined): { status: number; body: ErrorBody } {
  if (isExpectedError(error)) {
    const issues = error.field ? [{ path: error.field, message: error.message }] : undefined;
    return { status: HTTP_STATUS[error.code], body: { error: error.message, issues } };
  }
  if (error instanceof z.ZodError) {
    return { status: 422, body: { error: "Some fields are invalid", issues: toFieldIssues(error) } };
  }
  requestLogger(requestId).error({ err: error }, "unexpected error");
  return {
    status: 500,
    body: { error: "Something went wrong on our side. Quote this reference if it keeps happening.", reference: requestId },
  };
}
