import { EventWebhook } from "@sendgrid/eventwebhook";
import sgMail from "@sendgrid/mail";
import type { EmailProvider, OutboundEmail, SentReceipt } from "../messaging";

export const SENDGRID_PROVIDER = "sendgrid";
export const SENDGRID_SIGNATURE_HEADER = "x-twilio-email-event-webhook-signature";
export const SENDGRID_TIMESTAMP_HEADER = "x-twilio-email-event-webhook-timestamp";

export interface SendgridConfig {
  apiKey: string;
  fromEmail: string;
}

type Env = Record<string, string | undefined>;

export function sendgridConfigFromEnv(env: Env): SendgridConfig | null {
  const apiKey = env.SENDGRID_API_KEY?.trim();
  const fromEmail = env.SENDGRID_FROM_EMAIL?.trim();
  return apiKey && fromEmail ? { apiKey, fromEmail } : null;
}

/** The signed event webhook's verification key (base64 DER or PEM), or null when not configured. */
export function sendgridWebhookPublicKey(env: Env = process.env): string | null {
  return env.SENDGRID_WEBHOOK_PUBLIC_KEY?.trim() || null;
}

/** Email through SendGrid's v3 Mail Send API; the X-Message-Id of the response is the message id. */
export function createSendgridProvider(config: SendgridConfig): EmailProvider {
  sgMail.setApiKey(config.apiKey);
  return {
    name: SENDGRID_PROVIDER,
    async send(message: OutboundEmail): Promise<SentReceipt> {
      const [response] = await sgMail.send({
        to: message.to,
        from: config.fromEmail,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        headers: message.headers,
        customArgs: message.customArgs,
        ...(message.attachments?.length
          ? {
              attachments: message.attachments.map((file) => ({
                content: Buffer.from(file.bytes).toString("base64"),
                filename: file.fileName,
                type: file.contentType,
                disposition: "attachment",
              })),
            }
          : {}),
      });
      const header = response.headers["x-message-id"] as string | string[] | undefined;
      const id = Array.isArray(header) ? header[0] : header;
      if (!id) throw new Error(`SendGrid accepted the email (HTTP ${response.statusCode}) without an X-Message-Id`);
      return { providerMessageId: id, from: config.fromEmail };
    },
  };
}

/**
 * Whether an event webhook request was signed by SendGrid: an ECDSA (P-256, SHA-256)
 * signature of the timestamp header followed by the raw body, checked with the public key
 * from SendGrid's Mail Settings, exactly as SendGrid's own EventWebhook helper does.
 */
export function isValidSendgridRequest(
  publicKey: string | null,
  rawBody: string,
  signature: string | null,
  timestamp: string | null,
): boolean {
  if (!publicKey || !signature || !timestamp) return false;
  try {
    const webhook = new EventWebhook();
    return webhook.verifySignature(webhook.convertPublicKeyToECDSA(publicKey), rawBody, signature, timestamp);
  } catch {
    // A malformed key or signature is not a valid signature.
    return false;
  }
}
