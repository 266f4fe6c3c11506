/**
 * Content check for outbound templates (SMS texts, email bodies).
 *
 * Carriers (via their A2P 10DLC filtering vendors) and mailbox providers score message
 * content; the phrases below are the ones wholesaling senders report being filtered for,
 * plus the CTIA Messaging Principles' "high-risk" patterns (shouting, link stuffing,
 * public URL shorteners). The check is pure so the form, the action and the API route all
 * run the same rule.
 *
 * Severity:
 * - "block": carriers filter the message outright (public URL shorteners on SMS). Saving a
 *   template with a block finding is refused, with the finding shown next to the field.
 * - "warning": raises the filtering score; the template saves and the warning is shown.
 */

export type ContentChannel = "SMS" | "EMAIL";

export type ContentFinding = {
  code: string;
  phrase?: string;
  reason: string;
  severity: "warning" | "block";
};

type FilteredPhrase = { phrase: string; reason: string };

/** Phrases filtered on real-estate outreach; matched case-insensitively as whole words. */
export const FILTERED_PHRASES: readonly FilteredPhrase[] = [
  { phrase: "cash offer", reason: "Carriers filter \"cash offer\", the most common phrase in unsolicited home-buying texts." },
  { phrase: "we buy houses", reason: "Carriers filter \"we buy houses\" as a known investor spam phrase." },
  { phrase: "we buy homes", reason: "Carriers filter \"we buy homes\" as a known investor spam phrase." },
  { phrase: "sell your house fast", reason: "Carriers filter \"sell your house fast\" as a known investor spam phrase." },
  { phrase: "sell your home fast", reason: "Carriers filter \"sell your home fast\" as a known investor spam phrase." },
  { phrase: "any condition", reason: "\"Any condition\" is a stock investor-marketing phrase that filters score as spam." },
  { phrase: "as-is", reason: "\"As-is\" offers are a stock investor-marketing phrase that filters score as spam." },
  { phrase: "all cash", reason: "\"All cash\" is a money phrase that carrier filters score as spam." },
  { phrase: "no obligation", reason: "\"No obligation\" is a classic spam phrase that filters score." },
  { phrase: "act now", reason: "\"Act now\" is an urgency phrase that carrier filters score as spam." },
  { phrase: "limited time", reason: "\"Limited time\" is an urgency phrase that carrier filters score as spam." },
  { phrase: "guaranteed", reason: "\"Guaranteed\" promises are scored as spam by carrier and mailbox filters." },
  { phrase: "free", reason: "\"Free\" is one of the most heavily weighted spam words in carrier and mailbox filters." },
  { phrase: "winner", reason: "\"Winner\" is a prize-scam word that carrier filters block." },
  { phrase: "congratulations", reason: "\"Congratulations\" is a prize-scam opener that carrier filters score as spam." },
  { phrase: "click here", reason: "\"Click here\" is a phishing pattern that carrier and mailbox filters score." },
  { phrase: "100%", reason: "\"100%\" claims are scored as spam by carrier filters." },
  { phrase: "$$$", reason: "Repeated dollar signs are scored as spam by carrier filters." },
];

/** Public link shorteners: carriers block SMS containing them since they hide the destination. */
export const URL_SHORTENERS: readonly string[] = [
  "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly",
  "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "bl.ink", "s.id", "v.gd",
];

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|ly|co|gl|gd|at|cc|gy|ink|id|io|me|us)\/[^\s<>"']*/gi;
/** Merge fields ({{first_name}}, {{FIRST_NAME}}) are not shouting. */
const MERGE_FIELD = /\{\{[^}]*\}\}/g;
/** Words that are conventionally written in capitals. */
const ALLOWED_CAPS = new Set(["STOP", "HELP", "USA", "US", "LLC", "INC", "ARV", "MLS", "HOA", "ZIP", "PO", "FSA", "OK", "CA", "FL", "TX", "NY", "GA", "NC", "SC", "AZ", "NV", "OH", "PA", "MI", "IL", "NJ", "VA", "WA", "ON", "BC", "QC", "AB", "AM", "PM", "EST", "PST", "CST", "MST", "ID"]);
const MIN_SHOUTED_LETTERS = 3;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function containsPhrase(text: string, phrase: string): boolean {
  // Word boundaries only where the phrase starts/ends with a word character ("$$$", "100%" do not).
  const start = /^\w/.test(phrase) ? "\\b" : "";
  const end = /\w$/.test(phrase) ? "\\b" : "";
  // "no obligation" also catches "no-obligation".
  const body = phrase.split(" ").map(escapeRegExp).join("[\\s-]+");
  return new RegExp(`${start}${body}${end}`, "i").test(text);
}

export function findLinks(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((match) => match[0]);
}

function hostOf(link: string): string {
  const withoutScheme = link.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
  return withoutScheme.split(/[/?#]/)[0]!.toLowerCase();
}

function shoutedWords(text: string): string[] {
  const words = text.replace(MERGE_FIELD, " ").match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  return words.filter((word) => {
    const letters = word.replace(/[^A-Za-z]/g, "");
    return letters.length >= MIN_SHOUTED_LETTERS && letters === letters.toUpperCase() && !ALLOWED_CAPS.has(letters);
  });
}

export function checkTemplateContent(text: string, channel: ContentChannel): ContentFinding[] {
  const findings: ContentFinding[] = [];
  const withoutMergeFields = text.replace(MERGE_FIELD, " ");

  for (const { phrase, reason } of FILTERED_PHRASES) {
    if (containsPhrase(withoutMergeFields, phrase)) {
      findings.push({ code: "filtered_phrase", phrase, reason, severity: "warning" });
    }
  }

  const shouted = shoutedWords(text);
  if (shouted.length > 0) {
    findings.push({
      code: "all_caps",
      phrase: shouted.slice(0, 3).join(" "),
      reason: "Words in capitals read as shouting, and carrier filters score all-caps text as spam; write them in normal case.",
      severity: "warning",
    });
  }

  const links = findLinks(withoutMergeFields);
  const shorteners = [...new Set(links.map(hostOf).filter((host) => URL_SHORTENERS.includes(host)))];
  for (const host of shorteners) {
    findings.push({
      code: "url_shortener",
      phrase: host,
      reason: `${host} is a public link shortener; carriers block texts with shortened links because they hide where the link goes. Use a link on your own domain.`,
      severity: channel === "SMS" ? "block" : "warning",
    });
  }

  // An email carries its unsubscribe link and perhaps a site link; beyond that, link stuffing.
  const linkLimit = channel === "SMS" ? 1 : 3;
  if (links.length > linkLimit) {
    findings.push({
      code: "several_links",
      reason: channel === "SMS"
        ? `This text has ${links.length} links; carriers filter texts with more than one link. Keep one.`
        : `This email has ${links.length} links; mailbox filters score link-heavy mail as spam. Keep at most ${linkLimit}.`,
      severity: "warning",
    });
  }

  return findings;
}

export function blockingFindings(findings: readonly ContentFinding[]): ContentFinding[] {
  return findings.filter((finding) => finding.severity === "block");
}

/** One sentence for a form error: the first block finding, else every reason joined. */
export function describeFindings(findings: readonly ContentFinding[]): string {
  return findings.map((finding) => finding.reason).join(" ");
}
