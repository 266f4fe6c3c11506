/**
 * The default drafter: fills the workspace's lead or buyer template with the person's
 * context, and explains itself (the strongest signals and the facts it leans on) with a
 * confidence from the score's margin over the threshold, the signals' freshness and number,
 * and how much of the context is known. Pure.
 */
import { fillTemplate, type MergeField } from "@/lib/approvals/templates";
import type { DraftContext, DraftProposal, Drafter, ReasonSignal } from "@/lib/approvals/types";
import { SIGNAL_TYPE_INFO, type SignalType } from "@/lib/signals/types";

const HOUR_MS = 3_600_000;

/** What "Thanks for ..." says for the latest thing the person did. */
const ACTIVITY: Record<SignalType, string> = {
  sms_reply: "your text",
  email_reply: "your reply",
  email_open: "reading my last email",
  email_click: "taking a look at the link I sent",
  deal_page_view: "taking a look at the deal",
  buyer_offer: "your offer",
  form_capture: "reaching out through our form",
  status_change: "talking things through with us",
  crm_stage_change: "moving forward with us",
  crm_activity: "staying in touch",
};

export function formatDollars(amount: number): string {
  return `$${Math.round(amount).toLocaleString("en-US")}`;
}

function ageWords(occurredAt: string, now: string): string {
  const hours = (Date.parse(now) - Date.parse(occurredAt)) / HOUR_MS;
  if (!Number.isFinite(hours) || hours < 1) return "within the hour";
  if (hours < 24) return `${Math.round(hours)} hour${Math.round(hours) === 1 ? "" : "s"} ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? "yesterday" : `${days} days ago`;
}

function verbOf(signal: ReasonSignal): string {
  return SIGNAL_TYPE_INFO[signal.type as SignalType]?.verb ?? signal.label.toLowerCase();
}

/** The facts of the deal or buyer an email can lean on, most telling first. */
export function contextFacts(context: DraftContext): string[] {
  const facts: string[] = [];
  const { deal, buyer } = context;
  if (buyer) {
    if (buyer.markets.length) facts.push(`buys in ${buyer.markets.slice(0, 3).join(", ")}`);
    if (buyer.priceMin != null || buyer.priceMax != null) {
      const low = buyer.priceMin != null ? formatDollars(buyer.priceMin) : "any price";
      const high = buyer.priceMax != null ? formatDollars(buyer.priceMax) : "up";
      facts.push(`buys from ${low} to ${high}`);
    }
    facts.push(`tier ${buyer.tier} buyer`);
  }
  if (deal) {
    facts.push(`${deal.address}${deal.city ? `, ${deal.city}` : ""}`);
    if (deal.askingPrice != null) facts.push(`asking ${formatDollars(deal.askingPrice)}`);
    if (deal.arv != null) facts.push(`ARV ${formatDollars(deal.arv)}`);
    if (deal.spread != null) facts.push(`spread ${formatDollars(deal.spread)}`);
    if (!buyer && deal.tags.length) facts.push(`tagged ${deal.tags.slice(0, 3).join(", ")}`);
  }
  return facts;
}

/** 0-1: how much of what the template needs is known. */
export function contextCompleteness(context: DraftContext): number {
  const checks = [
    Boolean(context.person.firstName),
    Boolean(context.deal),
    Boolean(context.deal?.city || context.deal?.region),
    Boolean(context.sender.phone),
    context.buyer ? context.deal?.askingPrice != null : context.deal?.askingPrice != null || context.deal?.arv != null,
  ];
  return checks.filter(Boolean).length / checks.length;
}

/**
 * 0.05-0.95: a weighted blend of the score's margin over the threshold (35%), the freshness
 * of the latest signal (25%, halving every three days), the number of signals (15%, full at
 * three) and the context's completeness (25%). Never certain: a person reads every draft.
 */
export function draftConfidence(context: DraftContext): number {
  const { score, threshold, signals } = context.intent;
  const margin = threshold >= 100 ? (score >= 100 ? 1 : 0) : Math.min(1, Math.max(0, (score - threshold) / (100 - threshold)));
  const newest = signals.reduce((latest, s) => Math.max(latest, Date.parse(s.occurredAt)), Number.NEGATIVE_INFINITY);
  const ageHours = Number.isFinite(newest) ? Math.max(0, (Date.parse(context.now) - newest) / HOUR_MS) : Number.POSITIVE_INFINITY;
  const freshness = Number.isFinite(ageHours) ? 0.5 ** (ageHours / 72) : 0;
  const count = Math.min(1, signals.length / 3);
  const blended = 0.35 * margin + 0.25 * freshness + 0.15 * count + 0.25 * contextCompleteness(context);
  return Math.round(Math.min(0.95, Math.max(0.05, blended)) * 100) / 100;
}

function mergeValues(context: DraftContext): Record<MergeField, string | null> {
  const { deal, person, sender } = context;
  // The template thanks the person for the latest thing they did.
  const latest = [...context.intent.signals].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))[0];
  const numbers = [deal?.askingPrice != null ? `asking ${formatDollars(deal.askingPrice)}` : null, deal?.arv != null ? `ARV ${formatDollars(deal.arv)}` : null].filter(Boolean);
  return {
    first_name: person.firstName ?? "there",
    property: deal?.address ?? (context.buyer ? "a new property" : "your property"),
    city: deal?.city ?? deal?.region ?? "your area",
    recent_activity: latest ? (ACTIVITY[latest.type as SignalType] ?? "your interest") : "your interest",
    deal_numbers: numbers.length ? ` (${numbers.join(", ")})` : "",
    sender_phone: sender.phone,
    sender_first_name: sender.firstName,
    sender_name: sender.name,
    company: sender.company,
  };
}

function summaryOf(context: DraftContext, facts: string[], unknown: string[]): string {
  const { score, threshold, signals } = context.intent;
  const who = context.person.name ?? context.person.email;
  const strongest = signals.slice(0, 2).map((s) => `${verbOf(s)} ${ageWords(s.occurredAt, context.now)} (+${s.points})`);
  const why = strongest.length ? `: ${strongest.join(" and ")}` : "";
  const leans = facts.length ? ` The email leans on ${facts.slice(0, 3).join(", ")}.` : " Little is known of the deal, so the email stays general.";
  const missing = unknown.length ? ` The template's unknown field(s) ${unknown.map((u) => `{{${u}}}`).join(", ")} were left out.` : "";
  return `${who} reached an intent score of ${score} (threshold ${threshold})${why}.${leans}${missing}`;
}

export function draftWithTemplate(context: DraftContext): DraftProposal {
  const template = context.subject.kind === "buyer" ? context.templates.buyer : context.templates.lead;
  const values = mergeValues(context);
  const subject = fillTemplate(template.subject, values);
  const body = fillTemplate(template.body, values);
  const facts = contextFacts(context);
  return {
    subject: capitalized(subject.text.replace(/\s+/g, " ").trim()),
    body: body.text,
    reasoning: { summary: summaryOf(context, facts, [...new Set([...subject.unknown, ...body.unknown])]), signals: context.intent.signals, facts },
    confidence: draftConfidence(context),
  };
}

/** The template drafter; `note` (why a configured model is not used) is added to its reasoning. */
export function createTemplateDrafter(note?: string): Drafter {
  return {
    name: "template",
    async draft(context) {
      const proposal = draftWithTemplate(context);
      if (note) proposal.reasoning.summary = `${proposal.reasoning.summary} ${note}`;
      return { proposal, prompt: null };
    },
  };
}

/** A subject that opens with a merge field ("a new property: ...") still starts with a capital. */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
