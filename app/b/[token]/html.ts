/**
 * The buyer deal page as plain HTML. It is served by the route handler beside it (not a
 * page) so it can answer with real status codes (410 for a revoked or expired link, 429,
 * 422 with the form's errors) and works without JavaScript: three forms that post back.
 */
import type { BuyerDealView } from "@/lib/dispositions/buyer-page";
import { escapeHtml } from "@/lib/security/escape-html";
import { NOTE_MAX, PASS_REASON_LABELS, PASS_REASONS, PROOF_OF_FUNDS_MAX } from "@/lib/dispositions/schema";


const money = (value: number | null) => (value === null ? "—" : `$${value.toLocaleString("en-US")}`);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f6f4}
main{max-width:40rem;margin:0 auto;padding:1rem}
header p{margin:0;color:#4a4a4a;font-size:.9rem}
h1{font-size:1.5rem;margin:.25rem 0 1rem}
h2{font-size:1.15rem;margin:0 0 .75rem}
section{background:#fff;border:1px solid #d8d8d4;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.75rem;margin:0}
dt{font-size:.85rem;color:#4a4a4a}dd{margin:0;font-weight:600}
.terms{grid-column:1/-1}.terms dd{font-weight:400;white-space:pre-line}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input,select,textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #767676;border-radius:.375rem;background:#fff;color:#1a1a1a}
input:focus-visible,select:focus-visible,textarea:focus-visible,button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
[aria-invalid=true]{border-color:#b91c1c}
.hint{font-size:.85rem;color:#4a4a4a;margin:.25rem 0 0}
.error{font-size:.9rem;color:#b91c1c;margin:.25rem 0 0}
button{margin-top:1rem;min-height:44px;padding:.6rem 1rem;font:inherit;font-weight:600;border-radius:.375rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer;width:100%}
button.secondary{background:#fff;color:#1d4ed8}
.notice{border-color:#15803d;background:#f0fdf4}
.alert{border-color:#b91c1c;background:#fef2f2}
footer{font-size:.85rem;color:#4a4a4a;text-align:center;padding:1rem 0}
`;

export function pageHtml(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function messagePage(title: string, text: string): string {
  return pageHtml(title, `<section><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></section>`);
}

export interface FormState {
  /** Which form the errors and values belong to. */
  intent?: "interested" | "pass" | "offer";
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** An error that belongs to no field. */
  formError?: string;
}

const DONE_TEXT: Record<string, string> = {
  interested: "Thanks: they know you are interested and will be in touch.",
  pass: "Thanks: your pass and its reason are noted.",
  offer: "Your offer was sent. They will answer you directly.",
};

function field(id: string, labelText: string, control: string, errors: string[] | undefined, hint?: string): string {
  const hintHtml = hint ? `<p class="hint" id="${id}-hint">${escapeHtml(hint)}</p>` : "";
  const errorHtml = errors?.length ? `<p class="error" id="${id}-error">${escapeHtml(errors.join(" "))}</p>` : "";
  return `<label for="${id}">${escapeHtml(labelText)}</label>${control}${hintHtml}${errorHtml}`;
}

/** aria attributes of a control: its hint and error described, invalid when it has an error. */
function described(id: string, errors: string[] | undefined, hint: boolean): string {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return `${ids ? ` aria-describedby="${ids}"` : ""}${errors?.length ? ' aria-invalid="true"' : ""}`;
}

function facts(view: BuyerDealView): string {
  const rows: [string, string][] = [
    ["Price", money(view.askingPrice)],
    ["ARV", money(view.arv)],
    ["Repairs", money(view.repairs)],
    ["Property type", view.propertyType ?? "—"],
    ["Beds", view.beds === null ? "—" : String(view.beds)],
    ["Baths", view.baths === null ? "—" : String(view.baths)],
    ["Square feet", view.sqft === null ? "—" : view.sqft.toLocaleString("en-US")],
    ["Year built", view.yearBuilt === null ? "—" : String(view.yearBuilt)],
  ];
  // Shown only when set: a dash for "no terms" would read as "no conditions".
  if (view.closingBy) rows.push(["Closing by", view.closingBy]);
  const terms = view.terms ? `<div class="terms"><dt>Terms</dt><dd>${escapeHtml(view.terms)}</dd></div>` : "";
  return `<dl>${rows.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join("")}${terms}</dl>`;
}

function offerForm(action: string, state: FormState): string {
  const errors = state.intent === "offer" ? (state.errors ?? {}) : {};
  const values = state.intent === "offer" ? (state.values ?? {}) : {};
  return `<section aria-labelledby="offer-title"><h2 id="offer-title">Make an offer</h2><form method="post" action="${action}" novalidate><input type="hidden" name="intent" value="offer">
${field("offer-amount", "Your offer", `<input id="offer-amount" name="amount" inputmode="numeric" autocomplete="off" required value="${escapeHtml(values.amount)}"${described("offer-amount", errors.amount, true)}>`, errors.amount, "Whole dollars, e.g. 185000 or $185k.")}
${field("offer-pof", "Proof of funds", `<textarea id="offer-pof" name="proofOfFunds" rows="2" maxlength="${PROOF_OF_FUNDS_MAX}" required${described("offer-pof", errors.proofOfFunds, true)}>${escapeHtml(values.proofOfFunds)}</textarea>`, errors.proofOfFunds, "How you will pay: cash on hand, bank letter, lender.")}
${field("offer-closing", "Closing date (optional)", `<input id="offer-closing" name="closingDate" type="date" value="${escapeHtml(values.closingDate)}"${described("offer-closing", errors.closingDate, false)}>`, errors.closingDate)}
${field("offer-note", "Note (optional)", `<textarea id="offer-note" name="note" rows="2" maxlength="${NOTE_MAX}"${described("offer-note", errors.note, false)}>${escapeHtml(values.note)}</textarea>`, errors.note)}
<button type="submit">Send offer</button></form></section>`;
}

function passForm(action: string, state: FormState): string {
  const errors = state.intent === "pass" ? (state.errors ?? {}) : {};
  const values = state.intent === "pass" ? (state.values ?? {}) : {};
  const options = PASS_REASONS.map((r) => `<option value="${r}"${values.reason === r ? " selected" : ""}>${escapeHtml(PASS_REASON_LABELS[r])}</option>`).join("");
  return `<section aria-labelledby="pass-title"><h2 id="pass-title">Not for you?</h2><form method="post" action="${action}" novalidate><input type="hidden" name="intent" value="pass">
${field("pass-reason", "Why do you pass?", `<select id="pass-reason" name="reason" required${described("pass-reason", errors.reason, false)}><option value="">Choose a reason</option>${options}</select>`, errors.reason)}
${field("pass-note", "Anything to add (optional)", `<textarea id="pass-note" name="note" rows="2" maxlength="${NOTE_MAX}"${described("pass-note", errors.note, false)}>${escapeHtml(values.note)}</textarea>`, errors.note)}
<button type="submit" class="secondary">Pass on this deal</button></form></section>`;
}

export function dealPage(view: BuyerDealView, token: string, state: FormState & { done?: string }): string {
  const action = `/b/${encodeURIComponent(token)}`;
  const title = view.street ?? view.area;
  const notice = state.done && DONE_TEXT[state.done] ? `<section class="notice" role="status"><p>${escapeHtml(DONE_TEXT[state.done])}</p></section>` : "";
  const alert = state.formError ? `<section class="alert" role="alert"><p>${escapeHtml(state.formError)}</p></section>` : "";
  const mine = view.mine.offers.length
    ? `<p>Your offers: ${view.mine.offers.map((o) => `${escapeHtml(money(o.amount))} (${escapeHtml(o.status.toLowerCase())})`).join(", ")}.</p>`
    : "";
  const photos = view.photos.length
    ? `<section aria-label="Photos">${view.photos.map((src, i) => `<img src="${escapeHtml(src)}" alt="Photo ${i + 1} of the property" style="max-width:100%">`).join("")}</section>`
    : "";
  const actions = view.closed
    ? `<section><p>This deal is no longer available.</p></section>`
    : `<section aria-labelledby="interest-title"><h2 id="interest-title">Interested?</h2><p>Tell ${escapeHtml(view.tenantName || "them")} you want this one and they will call you.${view.mine.interested ? " You said you are interested." : ""}</p><form method="post" action="${action}"><input type="hidden" name="intent" value="interested"><button type="submit">I'm interested</button></form></section>
${offerForm(action, state)}${view.mine.passed ? "" : passForm(action, state)}`;
  return pageHtml(
    `${title} | ${view.tenantName}`,
    `<header><p>${escapeHtml(view.tenantName)}</p><h1>${escapeHtml(title)}</h1>${view.street ? `<p>${escapeHtml(view.area)}</p>` : ""}</header>
${notice}${alert}${photos}<section aria-label="The deal">${facts(view)}</section>${mine ? `<section aria-label="Your offers">${mine}</section>` : ""}
${actions}<footer>This link is yours alone; it works until ${escapeHtml(view.expiresAt.toISOString().slice(0, 10))}.</footer>`,
  );
}
