/**
 * One email as it left, for the Outbox: its envelope, its text and the HTML part exactly as the
 * provider received it (footer and tracking included). Opening it in the app loads the
 * campaign's open pixel and its links go through the click redirect, as in a mail client.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";

/** An email of this workspace, with its HTML part; another workspace's or an SMS is not found. */
export async function getEmailView(db: TenantDb, messageId: string) {
  const message = await db.message.findFirst({
    where: { id: messageId, channel: "EMAIL" },
    select: {
      id: true,
      direction: true,
      status: true,
      provider: true,
      fromAddress: true,
      toAddress: true,
      subject: true,
      body: true,
      html: true,
      blockedReason: true,
      error: true,
      createdAt: true,
      sentAt: true,
      deal: { select: { id: true, contactName: true, street: true, city: true } },
    },
  });
  if (!message) throw new ExpectedError("not_found", "This email does not exist");
  return message;
}
export type EmailView = Awaited<ReturnType<typeof getEmailView>>;

/** Which of these messages kept an HTML part: the Outbox offers to view those. */
export async function messagesWithHtml(db: TenantDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.message.findMany({ where: { id: { in: [...ids] }, html: { not: null } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

const BASE_IN_NEW_TAB = '<base target="_blank">';

/**
 * The HTML as the document of a sandboxed frame: a `<base target="_blank">` placed first, so
 * every link (the tracked redirect) opens in a new tab instead of inside the frame. A `<base>`
 * the email carries itself comes after ours, and only the first one's target counts.
 */
export function emailFrameDocument(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return insertAt(html, head.index + head[0].length, BASE_IN_NEW_TAB);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) return insertAt(html, root.index + root[0].length, `<head>${BASE_IN_NEW_TAB}</head>`);
  return `${BASE_IN_NEW_TAB}${html}`;
}

function insertAt(text: string, index: number, insert: string): string {
  return `${text.slice(0, index)}${insert}${text.slice(index)}`;
}
