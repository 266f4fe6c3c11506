/**
 * The unauthenticated requests campaign emails cause: the open pixel, the click redirect and
 * RFC 8058 one-click unsubscribe. Each verifies its signed token first; a bad one changes nothing.
 */
import { tenantDbFor } from "@/lib/db/edge";
import type { TenantDb } from "@/lib/db/tenant";
import { unsubscribeEmail } from "@/lib/outbound";
import { unsubscribeSecret, verifyUnsubscribeToken } from "@/lib/outbound/unsubscribe";
import { noteCampaignUnsubscribe, recordTrackedEngagement } from "./engagement";
import { isTrackableUrl, verifyTrackingToken } from "./tracking";

export interface TrackedRequestOptions {
  /** The app's signing secret; defaults to AUTH_SECRET. */
  secret?: string | null;
  now?: Date;
  /** The scoped client of the workspace a token names; defaults to the app's database. */
  dbFor?: (tenantId: string) => Promise<TenantDb>;
}

function resolve(options: TrackedRequestOptions) {
  return { secret: options.secret === undefined ? unsubscribeSecret() : options.secret, now: options.now ?? new Date(), dbFor: options.dbFor ?? tenantDbFor };
}

/** Records an open; false (answer 404) when the token is not genuine. */
export async function trackOpen(token: string, options: TrackedRequestOptions = {}): Promise<boolean> {
  const { secret, now, dbFor } = resolve(options);
  const claim = verifyTrackingToken("open", token, secret);
  if (!claim) return false;
  await recordTrackedEngagement(await dbFor(claim.tenantId), claim.recipientId, "OPENED", now);
  return true;
}

/** Records a click and returns where to send the reader; null (answer 404) unless the token signs this URL. */
export async function trackClick(token: string, url: string | null, options: TrackedRequestOptions = {}): Promise<string | null> {
  const { secret, now, dbFor } = resolve(options);
  if (!url || !isTrackableUrl(url)) return null;
  const claim = verifyTrackingToken("click", token, secret, url);
  if (!claim) return null;
  await recordTrackedEngagement(await dbFor(claim.tenantId), claim.recipientId, "CLICKED", now);
  return url;
}

/** RFC 8058: a one-click request is a POST whose form body says exactly this. */
export function isOneClickBody(body: string): boolean {
  return new URLSearchParams(body).get("List-Unsubscribe") === "One-Click";
}

/**
 * One-click unsubscribe: the address opts out of the workspace's email exactly as the
 * unsubscribe page's button does, and its latest campaign email records UNSUBSCRIBED.
 * Repeating it changes nothing more. Null when the token is not genuine.
 */
export async function oneClickUnsubscribe(token: string, options: TrackedRequestOptions = {}): Promise<{ changed: boolean } | null> {
  const { secret, now, dbFor } = resolve(options);
  const claim = verifyUnsubscribeToken(token, secret);
  if (!claim) return null;
  const db = await dbFor(claim.tenantId);
  const tenant = await db.tenant.findUnique({ where: { id: db.tenantId }, select: { id: true } });
  if (!tenant) return null;
  const result = await unsubscribeEmail(db, claim.address);
  const marked = await noteCampaignUnsubscribe(db, result.address, now);
  return { changed: result.changed || marked };
}
