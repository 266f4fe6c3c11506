/**
 * Open pixel and click redirect links, signed per recipient with HMAC-SHA256 under the app's
 * secret: a token names the workspace and the recipient, and a click's signature also covers
 * the URL, so links cannot be forged, enumerated or turned into an open redirect.
 */
import { readClaimToken, signClaimToken } from "@/lib/security/signed-token";
import { escapeHtml } from "@/lib/security/escape-html";

export interface TrackingClaim {
  tenantId: string;
  recipientId: string;
}

export type TrackingKind = "open" | "click";

/** A click's signature also covers its URL, so a token cannot redirect anywhere else. */
const coveringUrl = (kind: TrackingKind, url: string) => (payload: string) => `${kind}\n${payload}\n${url}`;

/** The token of one recipient's open pixel, or (with its URL) of one link. */
export function signTrackingToken(kind: TrackingKind, claim: TrackingClaim, secret: string, url = ""): string {
  return signClaimToken("tracking", { t: claim.tenantId, r: claim.recipientId }, secret, coveringUrl(kind, url));
}

/** The claim of a genuine token for this kind (and URL); null for anything else. */
export function verifyTrackingToken(kind: TrackingKind, token: string, secret: string | null, url = ""): TrackingClaim | null {
  if (url.length > 4000) return null;
  const data = readClaimToken("tracking", token, secret, { maxLength: 1000, signed: coveringUrl(kind, url) });
  return data && typeof data.t === "string" && typeof data.r === "string" ? { tenantId: data.t, recipientId: data.r } : null;
}

export function openPixelUrl(baseUrl: string, claim: TrackingClaim, secret: string): string {
  return `${baseUrl}/api/t/o/${signTrackingToken("open", claim, secret)}`;
}

export function clickUrl(baseUrl: string, claim: TrackingClaim, secret: string, url: string): string {
  return `${baseUrl}/api/t/c/${signTrackingToken("click", claim, secret, url)}?u=${encodeURIComponent(url)}`;
}

/** Only web links are tracked or followed; anything else (mailto:, javascript:) is not a redirect target. */
export function isTrackableUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

const HREF = /href="([^"]*)"/gi;

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * The HTML with every web link sent through the click redirect and the open pixel added
 * before </body>. Links to the app itself (the unsubscribe page) are left alone.
 */
export function addTracking(html: string, options: { baseUrl: string; secret: string; claim: TrackingClaim }): string {
  const { baseUrl, secret, claim } = options;
  const rewritten = html.replace(HREF, (whole, raw: string) => {
    const url = unescapeHtml(raw);
    if (!isTrackableUrl(url) || url.startsWith(`${baseUrl}/`)) return whole;
    return `href="${escapeHtml(clickUrl(baseUrl, claim, secret, url))}"`;
  });
  const pixel = `<img src="${escapeHtml(openPixelUrl(baseUrl, claim, secret))}" width="1" height="1" alt="" style="display:block;border:0">`;
  return /<\/body>/i.test(rewritten) ? rewritten.replace(/<\/body>/i, `${pixel}</body>`) : `${rewritten}${pixel}`;
}

/** A transparent 1x1 GIF: what the open pixel answers. */
export const PIXEL_GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
