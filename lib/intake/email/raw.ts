/**
 * Raw RFC 822 messages (as received by an inbound-mail webhook or read from an .eml file):
 * mailparser handles MIME, transfer encodings (quoted-printable, base64) and charsets; the
 * decoded text/HTML then goes through parseDealEmail.
 */
import { simpleParser, type AddressObject } from "mailparser";
import { parseDealEmail } from "./parse";
import type { ParseResult } from "./types";

function addressText(from: AddressObject | AddressObject[] | undefined): string | null {
  const first = Array.isArray(from) ? from[0] : from;
  const v = first?.value?.[0];
  if (!v) return first?.text || null;
  if (v.name && v.address) return `${v.name} <${v.address}>`;
  return v.address || v.name || null;
}

export async function parseRawEmail(
  raw: string | Buffer,
): Promise<ParseResult & { messageId: string | null; subject: string | null; from: string | null }> {
  let mail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    return {
      deals: [],
      warnings: [`could not read the message: ${error instanceof Error ? error.message : String(error)}`],
      messageId: null,
      subject: null,
      from: null,
    };
  }
  const subject = mail.subject ?? null;
  const from = addressText(mail.from);
  const result = parseDealEmail({
    subject: subject ?? undefined,
    text: mail.text ?? undefined,
    html: typeof mail.html === "string" ? mail.html : undefined,
    from: from ?? undefined,
  });
  return { ...result, messageId: mail.messageId ?? null, subject, from };
}
