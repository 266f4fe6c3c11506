/**
 * Pure: what the memo says, section by section, as text the renderer only has to draw. Kept
 * apart from the PDF so the wording (and what an empty part says) is tested without a PDF.
 * Every string is plain Latin-1: the PDF's standard fonts have no arrows or typographic signs.
 */
import type { InvestorMemoData } from "./types";

export interface MemoRow {
  label: string;
  value: string;
}

export interface MemoTable {
  columns: string[];
  /** Right-aligned columns (numbers). */
  numeric: boolean[];
  rows: string[][];
}

export interface MemoSection {
  title: string;
  rows?: MemoRow[];
  lines?: string[];
  /** Signed bars: the score's contributions. */
  bars?: { label: string; detail: string; points: number }[];
  table?: MemoTable;
  /** What the section says when it has nothing to show. */
  empty?: string;
}

export interface MemoLayout {
  title: string;
  subtitle: string;
  sections: MemoSection[];
  footer: string;
}

const LATIN1_SWAPS: [RegExp, string][] = [
  [/[\u2192\u27a1]/g, "->"],
  [/\u2190/g, "<-"],
  [/[\u2018\u2019]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/[\u2013\u2014]/g, "-"],
  [/\u2265/g, ">="],
  [/\u2264/g, "<="],
  [/\u2026/g, "..."],
  [/\u00a0/g, " "],
];

/** Pure: text the standard PDF fonts can draw (WinAnsi); anything else becomes "?". */
export function pdfText(text: string): string {
  let out = text.normalize("NFC");
  for (const [pattern, swap] of LATIN1_SWAPS) out = out.replace(pattern, swap);
  return out.replace(/[^\x20-\x7e\u00a1-\u00ff\n]/g, "?");
}

export const money = (n: number | null | undefined): string => (n === null || n === undefined ? "-" : `${n < 0 ? "-" : ""}$${Math.abs(Math.round(n)).toLocaleString("en-US")}`);
const count = (n: number | null | undefined, unit = ""): string => (n === null || n === undefined ? "-" : `${n.toLocaleString("en-US")}${unit}`);
const percent = (ratio: number | null): string => (ratio === null ? "-" : `${(ratio * 100).toFixed(1)}%`);
const words = (code: string | null | undefined): string => (code ? code.charAt(0) + code.slice(1).toLowerCase().replaceAll("_", " ") : "-");

function dateIn(iso: string, timeZone: string): string {
  const at = new Date(iso);
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "short", day: "numeric" }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

function propertySection(m: InvestorMemoData): MemoSection {
  const p = m.property;
  const rooms = [p.beds !== null ? `${p.beds} bd` : null, p.baths !== null ? `${p.baths} ba` : null].filter(Boolean).join(" / ");
  return {
    title: "Property",
    rows: [
      { label: "Address", value: p.address },
      { label: "Type", value: words(p.propertyType) },
      { label: "Rooms", value: rooms || "-" },
      { label: "Size", value: p.sqft !== null ? `${count(p.sqft)} sq ft` : "-" },
      { label: "Built", value: p.yearBuilt !== null ? String(p.yearBuilt) : "-" },
      { label: "Pipeline status", value: words(p.status) },
    ],
  };
}

function numbersSection(m: InvestorMemoData): MemoSection {
  const n = m.numbers;
  const arvFrom = n.arvSource === "comps" && m.comps ? ` (from ${m.comps.comps.length} comps, ${money(m.comps.low)} - ${money(m.comps.high)})` : n.arvSource === "entered" ? " (entered)" : "";
  return {
    title: "The numbers",
    rows: [
      { label: "Asking price", value: money(n.askingPrice) },
      { label: "ARV", value: `${money(n.arv)}${arvFrom}` },
      { label: "Repairs", value: money(n.repairs) },
      { label: "MAO", value: money(n.mao) },
      { label: "Recommended offer", value: money(n.recommendedOffer) },
      { label: "Spread", value: n.spread === null ? "-" : `${money(n.spread)} (${percent(n.spreadRatio)} of ARV)` },
    ],
  };
}

function strategySection(m: InvestorMemoData): MemoSection {
  if (!m.strategy.name) return { title: "Strategy", empty: "Not underwritten yet: the deal needs an asking price, an ARV and an enabled offer policy." };
  return { title: "Strategy", lines: [`${words(m.strategy.name)}${m.strategy.why ? `: ${m.strategy.why}` : ""}.`] };
}

function scoreSection(m: InvestorMemoData): MemoSection {
  const s = m.score;
  if (s.score === null) return { title: "Lead score", empty: "Not scored yet." };
  const head = [`Score ${s.score} of 100`, s.modelLabel ? `model: ${s.modelLabel}` : null, s.confidence ? `confidence ${s.confidence}` : null, s.sourceScore !== null ? `source's own score ${s.sourceScore}` : null];
  return {
    title: "Lead score",
    lines: [head.filter(Boolean).join(" - ")],
    bars: s.contributions.map((c) => ({ label: c.label, detail: c.detail, points: c.points })),
    empty: s.contributions.length ? undefined : "No contributions recorded for this score.",
  };
}

function marketSection(m: InvestorMemoData): MemoSection {
  if (!m.market) return { title: "Market heat", empty: "This area is not ranked yet." };
  return { title: "Market heat", lines: [`${m.market.areaCode}: ${words(m.market.rank)}`, ...m.market.reasons.slice(0, 4)] };
}

function qualitySection(m: InvestorMemoData): MemoSection {
  if (m.quality.length === 0) return { title: "Data quality", empty: "No data-quality flags: the figures passed every check." };
  return { title: "Data quality", lines: m.quality.map((q) => q.reason) };
}

function compsSection(m: InvestorMemoData): MemoSection {
  const c = m.comps;
  if (!c || c.comps.length === 0) return { title: "Comparable sales", empty: "No comps behind this ARV: it was entered by hand." };
  return {
    title: "Comparable sales",
    lines: [`ARV ${money(c.arv)} (range ${money(c.low)} - ${money(c.high)}), confidence ${c.confidence}, sales within ${c.windowMonths} months.`],
    table: {
      columns: ["Address", "Sold", "Price", "Sq ft", "$/sq ft", "km", "Adjusted"],
      numeric: [false, false, true, true, true, true, true],
      rows: c.comps.map((comp) => [
        [comp.street, comp.city].filter(Boolean).join(", ") || comp.postalCode || "-",
        comp.soldAt.slice(0, 10),
        money(comp.soldPrice),
        count(comp.sqft),
        money(comp.pricePerSqft),
        comp.distanceKm.toFixed(1),
        money(comp.adjustedPrice),
      ]),
    },
  };
}

function termsSection(m: InvestorMemoData): MemoSection {
  const t = m.terms;
  const rows: MemoRow[] = [];
  if (t.assignmentFee !== null) rows.push({ label: "Assignment fee", value: money(t.assignmentFee) });
  // A closing date is a calendar day, stored at midnight UTC.
  if (t.targetClosingDate) rows.push({ label: "Target closing", value: dateIn(t.targetClosingDate, "UTC") });
  if (t.policy) rows.push({ label: "Offer policy", value: t.policy });
  if (t.negotiationMargin !== null) rows.push({ label: "Negotiation margin", value: money(t.negotiationMargin) });
  if (t.buyerTerms) rows.push({ label: "Buyer terms", value: t.buyerTerms });
  return { title: "Terms", rows, empty: rows.length ? undefined : "No terms set yet." };
}

function positionLines(m: InvestorMemoData): MemoSection {
  const p = m.position;
  if (!p) return { title: "Location", empty: "The property has not been placed on the map." };
  const where = `${p.subject.latitude.toFixed(5)}, ${p.subject.longitude.toFixed(5)}`;
  const how = p.source ? ` (placed by ${p.source.replaceAll("_", " ")})` : "";
  return { title: "Location", lines: [`${where}${how}${p.areaCode ? `, area ${p.areaCode}` : ""}`] };
}

/** Pure: the memo's text, section by section, in reading order. */
export function memoLayout(m: InvestorMemoData): MemoLayout {
  const sections = [
    propertySection(m),
    numbersSection(m),
    strategySection(m),
    scoreSection(m),
    positionLines(m),
    marketSection(m),
    qualitySection(m),
    compsSection(m),
    termsSection(m),
  ].map(cleanSection);
  return {
    title: pdfText(`Investor memo: ${m.property.address}`),
    subtitle: pdfText(`${m.workspaceName} - version ${m.version} - ${dateIn(m.generatedAt, m.timeZone)}`),
    sections,
    footer: pdfText("Figures are estimates from the data on file; verify before you buy. Confidential to the recipient."),
  };
}

function cleanSection(section: MemoSection): MemoSection {
  return {
    ...section,
    title: pdfText(section.title),
    rows: section.rows?.map((r) => ({ label: pdfText(r.label), value: pdfText(r.value) })),
    lines: section.lines?.map(pdfText),
    bars: section.bars?.map((b) => ({ ...b, label: pdfText(b.label), detail: pdfText(b.detail) })),
    table: section.table && { ...section.table, columns: section.table.columns.map(pdfText), rows: section.table.rows.map((r) => r.map(pdfText)) },
    empty: section.empty && pdfText(section.empty),
  };
}
