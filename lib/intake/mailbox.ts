import type { TenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import type { DealMailbox } from "@/lib/providers/gmail";
import { parseRawEmail } from "./email";
import { receiveEmailReply } from "@/lib/conversations/inbound-email";
import { ingestDealEmail } from "./email-intake";

export interface MailboxPollReport {
  messages: number;
  created: number;
  duplicates: number;
  /** Replies to our messages, threaded on their leads instead of taken in. */
  replies: number;
  failed: { id: string; error: string }[];
}

/**
 * Takes in what waits in the mailbox. A reply to one of our messages is threaded on its lead;
 * any other message is ingested as a deal email. Either is idempotent by Message-ID and only
 * then marked processed, so a crash in between re-reads it harmlessly.
 */
export async function pollDealMailbox(db: TenantDb, mailbox: DealMailbox, limit = 50): Promise<MailboxPollReport> {
  const report: MailboxPollReport = { messages: 0, created: 0, duplicates: 0, replies: 0, failed: [] };
  for (const message of await mailbox.listUnprocessed(limit)) {
    report.messages += 1;
    try {
      const parsed = await parseRawEmail(message.raw);
      const messageId = parsed.messageId ?? `gmail:${message.id}`;
      const reply = await receiveEmailReply(db, { ...parsed, messageId }, "gmail");
      if (reply) {
        if (reply.duplicate) report.duplicates += 1;
        else report.replies += 1;
        await mailbox.markProcessed(message.id);
        continue;
      }
      const result = await ingestDealEmail(
        db,
        { messageId, subject: parsed.subject ?? undefined, from: parsed.from ?? undefined, raw: message.raw },
        "gmail",
        parsed,
      );
      if (result.duplicate) report.duplicates += 1;
      else report.created += result.dealIds.length;
      await mailbox.markProcessed(message.id);
    } catch (error) {
      logger.warn({ err: error, messageId: message.id }, "deal email could not be taken in");
      report.failed.push({ id: message.id, error: (error as Error).message });
    }
  }
  return report;
}
