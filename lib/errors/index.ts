/**
 * An error meant for the user: its message is shown as is. Anything else is logged with
 * the request id and shown as a generic message with that reference.
 */
export class ExpectedError extends Error {
  constructor(
    readonly code: "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "invalid" | "too_large" | "unsupported_media_type" | "rate_limited",
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
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

export function isExpectedError(error: unknown): error is ExpectedError {
  return error instanceof ExpectedError;
}

/** Which limit a request ran into, as the 429 body names it. */
export interface LimitDescription {
  /** "rate" for a token bucket, "quota" for a plan's monthly allowance. */
  kind: "rate" | "quota";
  /** What is limited: "api-key", "user", "ip:webhook", "monthly-properties"... */
  name: string;
  limit: number;
  /** Used so far in the period (quotas). */
  used?: number;
  /** When the limit lets the next request through: the refill (rate) or the new month (quota). */
  resetsAt: string;
}

/**
 * A rate limit or plan quota reached: 429 with a Retry-After header, the body naming the
 * limit, its use and when it resets. Quotas answer 429 too (not 402), so every "not now,
 * later" refusal looks the same to a client.
 */
export class LimitExceededError extends ExpectedError {
  constructor(
    message: string,
    readonly limit: LimitDescription,
    readonly retryAfterSeconds: number,
    field?: string,
  ) {
    super("rate_limited", message, field);
    this.name = "LimitExceededError";
  }
}
