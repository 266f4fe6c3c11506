/**
 * The last step of a send: an allowed message goes to its provider and its row follows the
 * provider's answer. Only sendMessage and the keyword confirmation call it.
 */
import { countMessage } from "@/lib/observability/metrics";
import type { TenantDb } from "@/lib/db/tenant";
import { recordKpiEvents } from "@/lib/kpi/service";
import type { EmailAttachment, MessagingProviders } from "@/lib/providers/messaging";
import { headerMessageIdFor, replyAddressFor, replyDomain } from "@/lib/conversations/reply-address";
import type { OutboundChannel } from "./gates";
import type { SendMessageResult } from "./service";
import { unsubscribeSecret } from "./unsubscribe";

export interface Delivery {
  dealId: string | null;
  buyerId: string | null;
  channel: OutboundChannel;
  to: string;
  body: string;
  subject: string | null;
  ladderId: string | null;
  ladderStep: number | null;
  sentById: string | null;
  /** The template variant that produced it (ladder step, blast or campaign variant), for per-variant rates. */
  variantKey?: string | null;
  unsubscribeUrl?: string;
  /** RFC 8058 one-click unsubscribe: the URL a mail client POSTs `List-Unsubscribe=One-Click` to. */
  oneClickUnsubscribeUrl?: string;
  /** An email's HTML part (a campaign's), footer filled in like the text. */
  html?: string;
  /** The sending number deliverability control chose for an SMS. */
  from?: string;
  /** Files an email carries (a blast's investor memo); not stored on the message row. */
  attachments?: EmailAttachment[];
}

/** The headers every email leaves with: our Message-ID (replies thread by it) and the unsubscribe headers. */
function emailHeaders(message: { headerMessageId: string; unsubscribeUrl?: string; oneClickUnsubscribeUrl?: string }): Record<string, string> {
  const headers: Record<string, string> = { "Message-ID": message.headerMessageId };
  if (message.oneClickUnsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${message.oneClickUnsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  } else if (message.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${message.unsubscribeUrl}>`;
  }
  return headers;
}

/**
 * Hands an allowed message to the provider: QUEUED first (so a crash leaves a trace), then
 * SENT with the provider's id, or FAILED with the provider's error. Status callbacks name our
 * message id, so one arriving before the SENT update still finds the message.
 */
export async function deliver(
  db: TenantDb,
  message: Delivery,
  providers: MessagingProviders,
  baseUrl: string | null,
  ids: { tenantId: string; slug: string },
  /** The QUEUED row the gated send already wrote; otherwise one is written here. */
  queuedId?: string,
): Promise<SendMessageResult> {
  const provider = message.channel === "SMS" ? providers.sms : providers.email;
  const { unsubscribeUrl, oneClickUnsubscribeUrl, html, from, to, attachments, ...fields } = message;
  const row = queuedId
    ? { id: queuedId }
    : await db.message.create({ data: { ...fields, toAddress: to, html: html ?? null, direction: "OUTBOUND", status: "QUEUED", provider: provider.name } });
  const replyTo = message.channel === "EMAIL" ? (replyAddressFor(row.id, unsubscribeSecret(), replyDomain()) ?? undefined) : undefined;
  const headerMessageId = message.channel === "EMAIL" ? headerMessageIdFor(row.id, baseUrl) : null;
  let receipt: { providerMessageId: string; from: string | null };
  try {
    receipt =
      message.channel === "SMS"
        ? await providers.sms.send({
            to,
            body: message.body,
            statusCallbackUrl: baseUrl ? `${baseUrl}/api/webhooks/twilio/${ids.slug}/status?messageId=${row.id}` : undefined,
            ...(from ? { from } : {}),
          })
        : await providers.email.send({
            to,
            subject: message.subject ?? "",
            text: message.body,
            ...(html ? { html } : {}),
            ...(replyTo ? { replyTo } : {}),
            headers: emailHeaders({ headerMessageId: headerMessageId!, unsubscribeUrl, oneClickUnsubscribeUrl }),
            customArgs: { dealflow_message_id: row.id, dealflow_tenant: ids.tenantId },
            ...(attachments?.length ? { attachments } : {}),
          });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000) || "The provider refused the message";
    await db.$transaction(async (tx) => {
      await tx.message.update({ where: { id: row.id }, data: { status: "FAILED", error: reason, failedAt: new Date() } });
      await recordKpiEvents(tx, [{ name: "message_failed", dealId: message.dealId, data: { messageId: row.id, channel: message.channel, provider: provider.name } }]);
    });
    countMessage(message.channel, "failed");
    return { messageId: row.id, status: "FAILED", provider: provider.name, error: reason };
  }
  await db.$transaction(async (tx) => {
    const sentAt = new Date();
    await tx.message.update({
      where: { id: row.id },
      data: {
        providerMessageId: receipt.providerMessageId,
        fromAddress: receipt.from,
        sentAt,
        ...(headerMessageId ? { headerMessageId } : {}),
      },
    });
    // A callback may already have moved it past SENT; only a QUEUED message becomes SENT here.
    await tx.message.updateMany({ where: { id: row.id, status: "QUEUED" }, data: { status: "SENT" } });
    await recordKpiEvents(tx, [
      { name: "message_sent", dealId: message.dealId, data: { messageId: row.id, channel: message.channel, provider: provider.name, ladderStep: message.ladderStep } },
    ]);
  });
  countMessage(message.channel, "sent");
  return { messageId: row.id, status: "SENT", provider: provider.name };
}
