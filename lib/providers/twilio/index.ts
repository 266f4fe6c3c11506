import twilio from "twilio";
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials } from "../credentials";
import type { OutboundSms, SentReceipt, SmsProvider } from "../messaging";

export const TWILIO_PROVIDER = "twilio";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** One of the two senders: a Twilio number in E.164, or a Messaging Service SID (MG...). */
  fromNumber?: string;
  messagingServiceSid?: string;
}

type Env = Record<string, string | undefined>;

/** Twilio settings from the environment; null unless the SID, the token and a sender are all set. */
export function twilioConfigFromEnv(env: Env): TwilioConfig | null {
  const accountSid = env.TWILIO_ACCOUNT_SID?.trim();
  const authToken = env.TWILIO_AUTH_TOKEN?.trim();
  const fromNumber = env.TWILIO_FROM_NUMBER?.trim() || undefined;
  const messagingServiceSid = env.TWILIO_MESSAGING_SERVICE_SID?.trim() || undefined;
  if (!accountSid || !authToken || !(fromNumber || messagingServiceSid)) return null;
  return { accountSid, authToken, fromNumber, messagingServiceSid };
}

/** The auth token that signs Twilio's webhooks, or null when Twilio is not configured. */
export function twilioAuthToken(env: Env = process.env): string | null {
  return env.TWILIO_AUTH_TOKEN?.trim() || null;
}

/** The auth token that signs this workspace's Twilio webhooks: its own, else the environment's; null when neither is set. */
export async function twilioAuthTokenFor(db: TenantDb, env: Env = process.env): Promise<string | null> {
  const resolved = await resolveProviderCredentials(db, "TWILIO", env);
  return resolved.credentials?.authToken ?? twilioAuthToken(env);
}

/** SMS through Twilio's Messages API. A rejected request throws with Twilio's message and code. */
export function createTwilioProvider(config: TwilioConfig): SmsProvider {
  const client = twilio(config.accountSid, config.authToken);
  return {
    name: TWILIO_PROVIDER,
    async send(message: OutboundSms): Promise<SentReceipt> {
      const sent = await client.messages.create({
        to: message.to,
        body: message.body,
        // A number chosen by deliverability control wins; else the messaging service, else the configured number.
        ...(message.from ? { from: message.from } : config.messagingServiceSid ? { messagingServiceSid: config.messagingServiceSid } : { from: config.fromNumber! }),
        ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
      });
      return { providerMessageId: sent.sid, from: sent.from ?? config.fromNumber ?? null };
    },
  };
}

/**
 * Whether a webhook request really comes from Twilio: X-Twilio-Signature is the base64
 * HMAC-SHA1, keyed with the auth token, of the public URL followed by the POST parameters
 * sorted by name. `url` must be the URL Twilio called, as configured in Twilio.
 */
export function isValidTwilioRequest(
  authToken: string | null,
  signature: string | null,
  url: string,
  params: Record<string, string>,
): boolean {
  if (!authToken || !signature) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}
