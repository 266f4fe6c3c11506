/**
 * Carrier keywords in an inbound SMS. A message that is only a keyword (any case, any
 * surrounding whitespace or punctuation) changes the contact's consent at once; a keyword
 * inside a longer sentence is an ordinary reply, as carriers treat it.
 */

export type KeywordAction = "opt_out" | "opt_in";

export interface KeywordMatch {
  action: KeywordAction;
  /** The keyword as matched, upper-cased without accents: "STOP", "ARRET", "START". */
  keyword: string;
}

const OPT_OUT = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
/** French opt-out word, honoured for Canadian numbers and leads (CRTC / CASL practice). */
const CANADIAN_OPT_OUT = new Set(["ARRET"]);
const OPT_IN = new Set(["START", "UNSTOP"]);

/** Upper-case, accents stripped ("Arrêt" → "ARRET"), leading/trailing punctuation and whitespace gone. */
function canonical(body: string): string {
  return body
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "");
}

/**
 * The keyword the message consists of, or null. `canadian` is true when the number or the
 * lead is Canadian: only then does ARRET opt out.
 */
export function parseKeyword(body: string, options: { canadian: boolean }): KeywordMatch | null {
  if (typeof body !== "string" || body.length > 64) return null;
  const word = canonical(body);
  if (!word || /\s/.test(word)) return null;
  if (OPT_OUT.has(word)) return { action: "opt_out", keyword: word };
  if (options.canadian && CANADIAN_OPT_OUT.has(word)) return { action: "opt_out", keyword: word };
  if (OPT_IN.has(word)) return { action: "opt_in", keyword: word };
  return null;
}

/** The confirmation sent once when a keyword changes the contact's consent. */
export function keywordConfirmation(match: KeywordMatch, senderName: string): string {
  if (match.action === "opt_in") {
    return `${senderName}: you are subscribed again and may receive messages. Reply STOP to unsubscribe.`;
  }
  if (match.keyword === "ARRET") {
    return `${senderName} : vous êtes désabonné et ne recevrez plus de messages. Répondez START pour vous réabonner. / You are unsubscribed.`;
  }
  return `${senderName}: you are unsubscribed and will receive no more messages. Reply START to resubscribe.`;
}
