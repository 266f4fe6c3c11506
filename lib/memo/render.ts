/**
 * The investor memo as a PDF, drawn with pdfkit (one library for every server-side PDF: it
 * needs no browser and writes text a PDF reader and an extractor can select). Pure of the
 * database: ./service gathers the data. Letter size, the standard Helvetica fonts.
 */
import PDFDocument from "pdfkit";
import { memoLayout, pdfText, type MemoSection, type MemoTable } from "./layout";
import type { InvestorMemoData, MemoPoint } from "./types";

const PAGE = { width: 612, height: 792, margin: 48 };
const CONTENT_WIDTH = PAGE.width - PAGE.margin * 2;
const BOTTOM = PAGE.height - PAGE.margin - 18;
const INK = "#1f2933";
const MUTED = "#52606d";
const ACCENT = "#1d4ed8";
const GOOD = "#15803d";
const BAD = "#b91c1c";
const RULE = "#cbd2d9";

type Doc = PDFKit.PDFDocument;

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function heading(doc: Doc, title: string) {
  ensureSpace(doc, 40);
  doc.moveDown(0.6);
  doc.font("Helvetica-Bold").fontSize(12).fillColor(ACCENT).text(title, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  const y = doc.y + 2;
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + CONTENT_WIDTH, y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y = y + 5;
}

function rows(doc: Doc, items: NonNullable<MemoSection["rows"]>) {
  const labelWidth = 130;
  for (const row of items) {
    doc.font("Helvetica").fontSize(10);
    const height = Math.max(doc.heightOfString(row.value, { width: CONTENT_WIDTH - labelWidth }), 12);
    ensureSpace(doc, height + 2);
    const y = doc.y;
    doc.font("Helvetica-Bold").fillColor(MUTED).text(row.label, PAGE.margin, y, { width: labelWidth - 8 });
    doc.font("Helvetica").fillColor(INK).text(row.value, PAGE.margin + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
    doc.y = y + height + 2;
  }
}

function paragraphs(doc: Doc, lines: string[], color = INK) {
  doc.font("Helvetica").fontSize(10).fillColor(color);
  for (const line of lines) {
    ensureSpace(doc, doc.heightOfString(line, { width: CONTENT_WIDTH }) + 2);
    doc.text(line, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.2);
  }
}

/** The score's contributions as signed bars around a zero line, points at the end. */
function bars(doc: Doc, items: NonNullable<MemoSection["bars"]>) {
  const labelWidth = 210;
  const barArea = CONTENT_WIDTH - labelWidth - 40;
  const zero = PAGE.margin + labelWidth + barArea / 2;
  const most = Math.max(1, ...items.map((b) => Math.abs(b.points)));
  for (const bar of items) {
    ensureSpace(doc, 14);
    const y = doc.y;
    const text = bar.detail ? `${bar.label}: ${bar.detail}` : bar.label;
    doc.font("Helvetica").fontSize(9).fillColor(INK).text(text, PAGE.margin, y, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    const length = (Math.abs(bar.points) / most) * (barArea / 2 - 4);
    if (length > 0) doc.rect(bar.points >= 0 ? zero : zero - length, y + 1, length, 8).fill(bar.points >= 0 ? GOOD : BAD);
    doc.moveTo(zero, y - 1).lineTo(zero, y + 11).lineWidth(0.5).strokeColor(RULE).stroke();
    const points = `${bar.points > 0 ? "+" : ""}${bar.points}`;
    doc.font("Helvetica-Bold").fontSize(9).fillColor(INK).text(points, PAGE.margin + labelWidth + barArea + 4, y, { width: 36, align: "right", lineBreak: false });
    doc.y = y + 13;
  }
}

function table(doc: Doc, t: MemoTable) {
  // The address takes what the number columns leave.
  const fixed = [64, 64, 48, 52, 34, 64];
  const widths = [CONTENT_WIDTH - fixed.reduce((a, b) => a + b, 0), ...fixed].slice(0, t.columns.length);
  const drawRow = (cells: string[], bold: boolean) => {
    ensureSpace(doc, 14);
    const y = doc.y;
    let x = PAGE.margin;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5).fillColor(bold ? MUTED : INK);
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, y, { width: widths[i] - 4, align: t.numeric[i] ? "right" : "left", lineBreak: false, ellipsis: true });
      x += widths[i];
    });
    doc.y = y + 12;
    doc.moveTo(PAGE.margin, doc.y - 1).lineTo(PAGE.margin + CONTENT_WIDTH, doc.y - 1).lineWidth(0.3).strokeColor(RULE).stroke();
  };
  drawRow(t.columns, true);
  for (const row of t.rows) drawRow(row, false);
}

/**
 * Where the property sits among its comps: a small plot in kilometres east and north of the
 * property (no map tiles: the memo must render offline), with a scale.
 */
function positionPlot(doc: Doc, subject: MemoPoint, comps: MemoPoint[]) {
  const size = { width: 220, height: 130 };
  ensureSpace(doc, size.height + 10);
  const x0 = PAGE.margin;
  const y0 = doc.y + 2;
  const kmPerDegLat = 111.32;
  const kmPerDegLon = kmPerDegLat * Math.cos((subject.latitude * Math.PI) / 180);
  const offsets = comps.map((c) => ({ east: (c.longitude - subject.longitude) * kmPerDegLon, north: (c.latitude - subject.latitude) * kmPerDegLat }));
  const reach = Math.max(0.5, ...offsets.map((o) => Math.max(Math.abs(o.east), Math.abs(o.north))));
  const scale = (Math.min(size.width, size.height) / 2 - 12) / reach;
  const cx = x0 + size.width / 2;
  const cy = y0 + size.height / 2;
  doc.rect(x0, y0, size.width, size.height).lineWidth(0.5).strokeColor(RULE).stroke();
  offsets.forEach((o, i) => {
    const px = cx + o.east * scale;
    const py = cy - o.north * scale;
    doc.circle(px, py, 3).fill(ACCENT);
    doc.font("Helvetica").fontSize(7).fillColor(MUTED).text(String(i + 1), px + 4, py - 4, { lineBreak: false });
  });
  doc.circle(cx, cy, 4.5).fill(BAD);
  const legend = comps.length ? `Red: the property. Blue: comps 1-${comps.length}. Box half-width ${reach.toFixed(1)} km.` : "Red: the property.";
  doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(legend, x0 + size.width + 12, y0 + 4, { width: CONTENT_WIDTH - size.width - 12 });
  doc.y = y0 + size.height + 6;
}

function photos(doc: Doc, memo: InvestorMemoData) {
  const shown = memo.photos.slice(0, 3);
  if (shown.length === 0) return;
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (shown.length - 1)) / shown.length;
  const height = 130;
  ensureSpace(doc, height + 8);
  const y = doc.y + 4;
  shown.forEach((photo, i) => {
    try {
      doc.image(Buffer.from(photo.bytes), PAGE.margin + i * (width + gap), y, { fit: [width, height], align: "center", valign: "center" });
    } catch {
      // A photo PDF cannot decode (a truncated upload) is left out rather than failing the memo.
    }
  });
  doc.y = y + height + 4;
}

function section(doc: Doc, memo: InvestorMemoData, s: MemoSection) {
  heading(doc, s.title);
  if (s.rows?.length) rows(doc, s.rows);
  if (s.lines?.length) paragraphs(doc, s.lines);
  if (s.title === "Location" && memo.position) positionPlot(doc, memo.position.subject, memo.position.comps);
  if (s.bars?.length) bars(doc, s.bars);
  if (s.table) table(doc, s.table);
  if (s.empty) paragraphs(doc, [s.empty], MUTED);
}

/** Renders the memo; resolves to the PDF's bytes. */
export function renderInvestorMemo(memo: InvestorMemoData): Promise<Uint8Array> {
  const layout = memoLayout(memo);
  const doc = new PDFDocument({
    size: "LETTER",
    margin: PAGE.margin,
    info: { Title: layout.title, Author: pdfText(memo.workspaceName), Subject: "Investor memo", CreationDate: new Date(memo.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.font("Helvetica-Bold").fontSize(17).fillColor(INK).text(layout.title, { width: CONTENT_WIDTH });
  doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(layout.subtitle, { width: CONTENT_WIDTH });
  photos(doc, memo);
  for (const s of layout.sections) section(doc, memo, s);
  doc.moveDown(1);
  ensureSpace(doc, 20);
  doc.font("Helvetica-Oblique").fontSize(8).fillColor(MUTED).text(layout.footer, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.end();
  return done;
}
