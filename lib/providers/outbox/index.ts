import { randomUUID } from "node:crypto";
import type { EmailProvider, OutboundEmail, OutboundSms, SentReceipt, SmsProvider } from "../messaging";

/** The local provider's name on Message.provider. */
export const OUTBOX_PROVIDER = "outbox";

/** The sender the outbox shows for SMS and email; nothing actually leaves the app. */
export const OUTBOX_SMS_FROM = "outbox";
export const OUTBOX_EMAIL_FROM = "outbox@dealflow.local";

function receipt(from: string): SentReceipt {
  return { providerMessageId: `outbox_${randomUUID()}`, from };
}

/**
 * The provider used when no SMS credentials are configured: the message is accepted at
 * once with a generated id and is listed on the Outbox page, where a demo user can
 * simulate its delivery receipt or a reply.
 */
export function createOutboxSmsProvider(): SmsProvider {
  return {
    name: OUTBOX_PROVIDER,
    async send(message: OutboundSms) {
      if (!message.to || !message.body) throw new Error("An SMS needs a recipient and a body");
      return receipt(message.from ?? OUTBOX_SMS_FROM);
    },
  };
}

export function createOutboxEmailProvider(): EmailProvider {
  return {
    name: OUTBOX_PROVIDER,
    async send(message: OutboundEmail) {
      if (!message.to || !message.subject || !message.text) throw new Error("An email needs a recipient, a subject and a body");
      // Held to what a real provider would take, so a broken attachment fails here too rather than in production.
      for (const file of message.attachments ?? []) {
        if (!file.fileName || !file.contentType || file.bytes.byteLength === 0) throw new Error(`The attachment ${file.fileName || "(unnamed)"} is empty or unnamed`);
      }
      return receipt(OUTBOX_EMAIL_FROM);
    },
  };
}
