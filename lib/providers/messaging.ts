/**
 * Outbound messaging providers and which one is used. With credentials in the environment
 * SMS goes through Twilio and email through SendGrid; without them, through the local
 * outbox, which records the message as sent so the Outbox page shows what would have left.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { resolveProviderCredentials } from "./credentials";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "./outbox";
import { createSendgridProvider, sendgridConfigFromEnv } from "./sendgrid";
import { createTwilioProvider, twilioConfigFromEnv } from "./twilio";

export interface OutboundSms {
  to: string;
  body: string;
  /** Where Twilio posts delivery updates; omitted when the app has no public URL. */
  statusCallbackUrl?: string;
  /** The sending number deliverability control chose (lib/deliverability); the provider's own sender when absent. */
  from?: string;
}

/** A file sent with an email (a blast's investor memo). */
export interface EmailAttachment {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface OutboundEmail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part (a campaign's email with its open pixel and tracked links); text only when absent. */
  html?: string;
  /** Where a reply goes: the reply address that threads it back to this message (lib/conversations). */
  replyTo?: string;
  attachments?: EmailAttachment[];
  headers?: Record<string, string>;
  /** Echoed back on every webhook event of the email (SendGrid custom_args). */
  customArgs?: Record<string, string>;
}

export interface SentReceipt {
  providerMessageId: string;
  from: string | null;
}

export interface SmsProvider {
  /** Stored on Message.provider: "twilio" or "outbox". */
  readonly name: string;
  send(message: OutboundSms): Promise<SentReceipt>;
}

export interface EmailProvider {
  /** Stored on Message.provider: "sendgrid" or "outbox". */
  readonly name: string;
  send(message: OutboundEmail): Promise<SentReceipt>;
}

export interface MessagingProviders {
  sms: SmsProvider;
  email: EmailProvider;
}

type Env = Record<string, string | undefined>;

/** The providers the environment configures, each falling back to the local outbox. */
export function messagingProvidersFromEnv(env: Env = process.env): MessagingProviders {
  const twilio = twilioConfigFromEnv(env);
  const sendgrid = sendgridConfigFromEnv(env);
  return {
    sms: twilio ? createTwilioProvider(twilio) : createOutboxSmsProvider(),
    email: sendgrid ? createSendgridProvider(sendgrid) : createOutboxEmailProvider(),
  };
}

/**
 * The providers this workspace sends through: its own Twilio and SendGrid credentials,
 * else the environment's, else the local outbox (resolveProviderCredentials).
 */
export async function messagingProvidersFor(db: TenantDb, env: Env = process.env): Promise<MessagingProviders> {
  const [twilio, sendgrid] = await Promise.all([resolveProviderCredentials(db, "TWILIO", env), resolveProviderCredentials(db, "SENDGRID", env)]);
  return {
    sms: twilio.credentials ? createTwilioProvider(twilio.credentials) : createOutboxSmsProvider(),
    email: sendgrid.credentials ? createSendgridProvider(sendgrid.credentials) : createOutboxEmailProvider(),
  };
}
