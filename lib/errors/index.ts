/**
 * An error meant for the user: its message is shown as is. Anything else is logged with
 * the request id and shown as a generic message with that reference.
 */
export class ExpectedError extends Error {
  constructor(
    readonly code: "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited",
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}

export const HTTP_STATUS: Record<ExpectedError["code"], number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
};

export function isExpectedError(error: unknown): error is ExpectedError {
  return error instanceof ExpectedError;
}
