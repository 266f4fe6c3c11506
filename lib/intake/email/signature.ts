/**
 * Separates a message's signature (and mailing-list footer) from its body. The signature is
 * where the wholesaler's name, phone and email usually are — and also their office address,
 * which must not be mistaken for the property.
 */
import { findBedsBaths, findSqft } from "./property";
import { findMoneyInLine } from "./money";
import { findAddresses } from "./address";
import { looksLikeName } from "./contact";
import { paragraphs } from "./text";

export interface SignatureSplit {
  body: string;
  signature: string;
}

const SIGN_OFF =
  /^\s*(?:thanks(?:\s+again)?|thank\s+you|thx|tia|regards|best(?:\s+regards|\s+wishes)?|kind\s+regards|warm(?:est)?\s+regards|warmly|cheers|sincerely|respectfully|talk\s+soon|god\s+bless|blessings|happy\s+investing|to\s+your\s+success|all\s+the\s+best|merci|cordialement|salutations)\b[^\n]{0,24}$/i;
const DELIMITER = /^\s*(?:--\s*|—|_{2,}|-{2,}\s*)$/;
const FOOTER =
  /unsubscribe|you (?:are )?receiv(?:ed|ing) this|update (?:your )?(?:email )?preferences|opt[\s-]?out|confidentiality notice|this (?:e-?mail|message) (?:and any|is intended|may contain|contains)|manage (?:your )?subscription|sent (?:to|by) .* via|powered by/i;
const SENT_FROM = /^\s*sent from my (?:iphone|ipad|android|galaxy|mobile|blackberry|samsung)|^\s*get outlook for/i;

/** Whether a block of text carries deal facts (amounts, beds/baths, area) — signatures don't. */
export function hasDealFacts(text: string): boolean {
  if (text.split("\n").some((l) => findMoneyInLine(l).length > 0)) return true;
  const bb = findBedsBaths(text);
  return Boolean(bb.beds || bb.baths || findSqft(text));
}

export function splitSignature(text: string): SignatureSplit {
  const lines = text.split("\n").filter((l) => !SENT_FROM.test(l));
  let cut = lines.length;

  // Mailing-list footers run to the end; start at the paragraph that contains the footer text.
  const paras = paragraphs(lines);
  for (const p of paras) {
    const block = lines.slice(p.start, p.end).join("\n");
    if (FOOTER.test(block) && !hasDealFacts(block)) {
      cut = p.start;
      break;
    }
  }

  // The earliest sign-off or "--" delimiter after which nothing looks like deal facts.
  for (let i = 1; i < cut; i++) {
    if (!(SIGN_OFF.test(lines[i]) || DELIMITER.test(lines[i]))) continue;
    if (lines[i].trim().length > 40) continue;
    const rest = lines.slice(i + 1, cut).join("\n");
    const restLines = rest.split("\n").filter((l) => l.trim()).length;
    if (restLines <= 12 && !hasDealFacts(rest)) {
      cut = i;
      break;
    }
  }

  // No sign-off: a short last paragraph with a phone or email and no deal facts is a signature.
  if (cut === lines.length) {
    const last = paragraphs(lines).at(-1);
    if (last && last.start > 0) {
      const block = lines.slice(last.start, last.end).join("\n");
      const firstLine = lines[last.start].trim();
      // Contact details, or a bare "Tony Russo / Lake Erie Deals" block that opens with a full name.
      const contactish = /@|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}/.test(block) || (looksLikeName(firstLine, false) && last.end - last.start <= 4);
      // …unless it holds the only street address in the message: then it is the deal's paragraph.
      const before = lines.slice(0, last.start).join("\n");
      const onlyAddress = findAddresses(block).length > 0 && findAddresses(before).length === 0;
      if (contactish && last.end - last.start <= 6 && !hasDealFacts(block) && !onlyAddress) cut = last.start;
    }
  }
  return { body: lines.slice(0, cut).join("\n").trim(), signature: lines.slice(cut).join("\n").trim() };
}
