/**
 * Unsubscribe links: a token naming the tenant and the email address, signed with HMAC-SHA256
 * under the app's secret so nobody can unsubscribe an address they did not receive mail at.
 */
import { readClaimToken, signClaimToken } from "@/lib/security/signed-token";
import { escapeHtml } from "@/lib/security/escape-html";

export interface UnsubscribeClaim {
  tenantId: string;
  address: string;
}

/** The app's signing secret (the one that signs sessions), or null when none is configured. */
export function unsubscribeSecret(env: Record<string, string | undefined> = process.env): string | null {
  return env.AUTH_SECRET?.trim() || env.NEXTAUTH_SECRET?.trim() || null;
}

export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  return signClaimToken("unsubscribe", { t: claim.tenantId, a: claim.address }, secret);
}

/** The claim of a genuine token; null for anything tampered, truncated or signed with another secret. */
export function verifyUnsubscribeToken(token: string, secret: string | null): UnsubscribeClaim | null {
  const data = readClaimToken("unsubscribe", token, secret, { maxLength: 2000 });
  return data && typeof data.t === "string" && typeof data.a === "string" ? { tenantId: data.t, address: data.a } : null;
}

/** The app's public base URL for links in messages and webhook callbacks, or null when unknown. */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.NEXTAUTH_URL?.trim() || env.APP_URL?.trim();
  return url ? url.replace(/\/+$/, "") : null;
}

/**
 * The merge fields an email that places its own footer (an approved draft) must keep; the
 * outbound core fills them in, and refuses the email when one was edited away.
 */
export const INLINE_FOOTER_TOKENS = ["{{postal_address}}", "{{unsubscribe_link}}"] as const;

export function hasInlineFooter(body: string): boolean {
  return INLINE_FOOTER_TOKENS.every((token) => body.includes(token));
}

/** The body with its footer tokens filled in. */
export function fillInlineFooter(body: string, footer: { postalAddress: string; unsubscribeUrl: string }): string {
  return body.replaceAll("{{postal_address}}", footer.postalAddress).replaceAll("{{unsubscribe_link}}", footer.unsubscribeUrl);
}

/** The footer's parts made safe to place inside HTML. */
export function htmlEscaped(footer: { postalAddress: string; unsubscribeUrl: string }): { postalAddress: string; unsubscribeUrl: string } {
  return { postalAddress: escapeHtml(footer.postalAddress), unsubscribeUrl: escapeHtml(footer.unsubscribeUrl) };
}

/** An HTML email with the same compliance footer, placed before </body> when there is one. */
export function htmlWithFooter(html: string, footer: { senderName: string; postalAddress: string; unsubscribeUrl: string }): string {
  const url = escapeHtml(footer.unsubscribeUrl);
  const block = `<p style="font-size:12px;color:#555">${escapeHtml(footer.senderName)}, ${escapeHtml(footer.postalAddress)}<br><a href="${url}">Unsubscribe</a></p>`;
  return /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${block}</body>`) : `${html}${block}`;
}

/** The email text with the compliance footer every commercial email carries. */
export function emailWithFooter(body: string, footer: { senderName: string; postalAddress: string; unsubscribeUrl: string }): string {
  return [
    body.trimEnd(),
    "",
    "--",
    `${footer.senderName}, ${footer.postalAddress}`,
    `Unsubscribe: ${footer.unsubscribeUrl}`,
  ].join("\n");
}
