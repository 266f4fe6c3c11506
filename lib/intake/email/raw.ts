/**
 * Raw RFC 822 messages (as received by an inbound-mail webhook or read from an .eml file):
 * mailparser handles MIME, transfer encodings (quoted-printable, base64) and charsets; the
 * decoded text/HTML then goes through parseDealEmail.
 */
import { simpleParser, type AddressObject } from "mailparser";
import { parseDealEmail } from "./parse";
import type { ParseResult } from "./types";

/** The head of a raw message, and its text: what threading a reply needs besides the parse. */
export interface RawEmailHead {
  messageId: string | null;
  subject: string | null;
  from: string | null;
  to?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  text?: string | null;
  html?: string | null;
}

function addressText(from: AddressObject | AddressObject[] | undefined): string | null {
  const first = Array.isArray(from) ? from[0] : from;
  const v = first?.value?.[0];
  if (!v) return first?.text || null;
  if (v.name && v.address) return `${v.name} <${v.address}>`;
  return v.address || v.name || null;
}

export async function parseRawEmail(
  raw: string | Buffer,
): Promise<ParseResult & RawEmailHead> {
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
  const references = typeof mail.references === "string" ? [mail.references] : (mail.references ?? []);
  const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).map((a) => a.text).join(", ") || null;
  return {
    ...result, messageId: mail.messageId ?? null, subject, from, to, inReplyTo: mail.inReplyTo ?? null, references,
    text: mail.text ?? null, html: typeof mail.html === "string" ? mail.html : null,
  };
}
