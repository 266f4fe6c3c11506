/**
 * How an email reply finds its way back to the message it answers. Every outbound email
 * carries our own Message-ID (`<messageId@host>`), which a reply names in In-Reply-To or
 * References; and, when the installation receives mail for a reply domain, a Reply-To
 * address `reply+<messageId>.<signature>@<domain>` that survives mail clients which drop
 * those headers. The signature keeps anyone from threading mail into a lead they guess.
 */
import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/security/signed-token";

type Env = Record<string, string | undefined>;

/** The host our Message-IDs name: the app's public host, else a fixed local one. */
export function messageIdHost(baseUrl: string | null): string {
  if (!baseUrl) return "dealflow.local";
  try {
    return new URL(baseUrl).hostname || "dealflow.local";
  } catch {
    return "dealflow.local";
  }
}

/** The Message-ID header value of one of our messages. */
export function headerMessageIdFor(messageId: string, baseUrl: string | null): string {
  return `<${messageId}@${messageIdHost(baseUrl)}>`;
}

/** Our message id inside a Message-ID we issued (any host), or null for anyone else's. */
export function messageIdFromHeader(header: string): string | null {
  const match = /^<?([a-z0-9]{20,40})@[^>\s]+>?$/i.exec(header.trim());
  return match ? match[1] : null;
}

/** The domain replies are received at (INBOUND_REPLY_DOMAIN), or null when the installation has none. */
export function replyDomain(env: Env = process.env): string | null {
  const domain = env.INBOUND_REPLY_DOMAIN?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) ? domain : null;
}

function mac(secret: string, messageId: string): string {
  return createHmac("sha256", `reply:${secret}`).update(messageId).digest("base64url").replace(/[^a-z0-9]/gi, "").slice(0, 16).toLowerCase();
}

/** The Reply-To address of one message; null without a reply domain or a secret. */
export function replyAddressFor(messageId: string, secret: string | null, domain: string | null): string | null {
  if (!secret || !domain) return null;
  return `reply+${messageId}.${mac(secret, messageId)}@${domain}`;
}

/** The message id a reply address names, when its signature holds; null for any other address. */
export function messageIdFromReplyAddress(address: string, secret: string | null): string | null {
  if (!secret) return null;
  const match = /reply\+([a-z0-9]{20,40})\.([a-z0-9]{16})@/i.exec(address);
  if (!match) return null;
  return safeEqual(mac(secret, match[1]), match[2].toLowerCase()) ? match[1] : null;
}
