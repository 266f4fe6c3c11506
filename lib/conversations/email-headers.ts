/**
 * The header facts an inbound email is threaded by, from what mail services hand over: a raw
 * header block (SendGrid Inbound Parse's `headers` field, an .eml's head) or separate fields.
 * Pure.
 */

/** The values of one header in a raw header block; folded lines (RFC 5322 2.2.3) are unfolded. */
export function headerValues(rawHeaders: string, name: string): string[] {
  const unfolded = rawHeaders.replace(/\r\n?/g, "\n").split("\n\n")[0].replace(/\n[ \t]+/g, " ");
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const line of unfolded.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) values.push(line.slice(colon + 1).trim());
  }
  return values;
}

/** Every `<id>` a Message-ID list names (In-Reply-To, References), in order, at most 50. */
export function messageIdList(value: string | readonly string[] | null | undefined): string[] {
  const text = Array.isArray(value) ? value.join(" ") : ((value as string | null | undefined) ?? "");
  const ids = text.match(/<[^<>\s]{3,500}>/g) ?? [];
  return [...new Set(ids)].slice(0, 50);
}

/** The bare addresses of an address header ("Jane <jane@x.com>, bob@y.com"), lower-cased. */
export function addressesIn(value: string | null | undefined): string[] {
  if (!value) return [];
  const found = value.match(/[A-Za-z0-9._%+=-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [];
  return [...new Set(found.map((a) => a.toLowerCase()))];
}

export interface ReplyHeaders {
  /** The Message-IDs the mail answers, most direct first: In-Reply-To, then References newest first. */
  answers: string[];
  /** The addresses it was sent to (To, Cc, Delivered-To), where a reply address may be. */
  recipients: string[];
}

/** What identifies an email as a reply, from separate fields and/or a raw header block. */
export function replyHeadersOf(email: { inReplyTo?: string | null; references?: string | readonly string[] | null; to?: string | null; headers?: string | null }): ReplyHeaders {
  const raw = email.headers ?? "";
  const inReplyTo = messageIdList([email.inReplyTo ?? "", ...headerValues(raw, "in-reply-to")]);
  const references = messageIdList([...(typeof email.references === "string" ? [email.references] : (email.references ?? [])), ...headerValues(raw, "references")]);
  const answers = [...new Set([...inReplyTo, ...references.reverse()])];
  const recipients = addressesIn([email.to ?? "", ...headerValues(raw, "to"), ...headerValues(raw, "cc"), ...headerValues(raw, "delivered-to")].join(", "));
  return { answers, recipients };
}
