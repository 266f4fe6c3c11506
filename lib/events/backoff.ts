/** First retry after a failed dispatch, doubled per attempt up to the cap. */
export const DISPATCH_BACKOFF_BASE_MS = 2_000;
/** Capped low: a lead created while Inngest is down should get its ladder soon after it is back. */
export const DISPATCH_BACKOFF_CAP_MS = 60_000;

/** Wait before the next attempt after `attempts` failed ones (attempts >= 1). */
export function dispatchBackoffMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(30, Math.floor(attempts) - 1));
  return Math.min(DISPATCH_BACKOFF_CAP_MS, DISPATCH_BACKOFF_BASE_MS * 2 ** exponent);
}
