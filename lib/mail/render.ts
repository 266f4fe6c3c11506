/**
 * A piece's proof as a PDF, drawn with pdfkit like the investor memo: a 6x4 in postcard
 * (picture side, then message and address side) or a one-page US Letter letter with the
 * return address, the recipient's window block, the date and the message. What the printer
 * gets and what the user opens are the same words.
 */
import PDFDocument from "pdfkit";
import { pdfText } from "@/lib/memo/layout";
import type { MailingAddress } from "./verify-address";
import type { MailPieceKindValue } from "./types";

export interface MailProof {
  kind: MailPieceKindValue;
  body: string;
  to: MailingAddress;
  /** The workspace's name and postal address, printed as the sender. */
  sender: { name: string; postalAddress: string | null };
  /** The date printed on a letter. */
  date: Date;
}

const INK = "#1f2933";
const MUTED = "#52606d";
const ACCENT = "#1d4ed8";
const POINTS_PER_INCH = 72;

/** The recipient's lines as the post reads them. */
export function addressLines(to: MailingAddress): string[] {
  return [to.toName, to.addressLine1, ...(to.addressLine2 ? [to.addressLine2] : []), `${to.city}, ${to.region} ${to.postalCode}`, to.country === "CA" ? "CANADA" : ""].filter(Boolean);
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
}

function drawPostcard(doc: PDFKit.PDFDocument, proof: MailProof) {
  const width = 6 * POINTS_PER_INCH;
  const height = 4 * POINTS_PER_INCH;
  // Picture side: the sender's name large, as the piece's headline.
  doc.rect(0, 0, width, height).fill(ACCENT);
  doc.font("Helvetica-Bold").fontSize(24).fillColor("#ffffff").text(pdfText(proof.sender.name), 24, height / 2 - 30, { width: width - 48, align: "center" });
  doc.font("Helvetica").fontSize(11).text("A note about your property", 24, doc.y + 6, { width: width - 48, align: "center" });
  // Message side: the message on the left half, the address block on the right, as USPS lays it out.
  doc.addPage({ size: [width, height], margin: 18 });
  doc.font("Helvetica").fontSize(9).fillColor(INK).text(pdfText(proof.body), 18, 18, { width: width / 2 - 30, height: height - 36, ellipsis: true });
  doc.moveTo(width / 2, 18).lineTo(width / 2, height - 18).lineWidth(0.5).strokeColor(MUTED).stroke();
  if (proof.sender.postalAddress) doc.fontSize(7).fillColor(MUTED).text(pdfText(`${proof.sender.name}\n${proof.sender.postalAddress}`), width / 2 + 12, 18, { width: width / 2 - 30 });
  doc.font("Helvetica").fontSize(10).fillColor(INK).text(pdfText(addressLines(proof.to).join("\n")), width / 2 + 12, height / 2, { width: width / 2 - 30 });
}

function drawLetter(doc: PDFKit.PDFDocument, proof: MailProof) {
  const margin = 72;
  const width = 612 - margin * 2;
  doc.font("Helvetica-Bold").fontSize(11).fillColor(INK).text(pdfText(proof.sender.name), margin, margin, { width });
  if (proof.sender.postalAddress) doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(pdfText(proof.sender.postalAddress), { width });
  // The recipient block sits where a #10 double-window envelope shows it.
  doc.font("Helvetica").fontSize(11).fillColor(INK).text(pdfText(addressLines(proof.to).join("\n")), margin, 2.5 * POINTS_PER_INCH, { width: 4 * POINTS_PER_INCH });
  const date = proof.date.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  doc.moveDown(2).text(date, { width });
  doc.moveDown(1).text(pdfText(proof.body), { width, align: "left" });
}

/** Renders the proof; resolves to the PDF's bytes. */
export function renderMailProof(proof: MailProof): Promise<Uint8Array> {
  const postcard = proof.kind === "POSTCARD";
  const doc = new PDFDocument({
    size: postcard ? [6 * POINTS_PER_INCH, 4 * POINTS_PER_INCH] : "LETTER",
    margin: postcard ? 18 : 72,
    info: { Title: `${postcard ? "Postcard" : "Letter"} to ${pdfText(proof.to.toName)}`, Author: pdfText(proof.sender.name), Subject: "Direct mail proof", CreationDate: proof.date },
  });
  const done = collect(doc);
  if (postcard) drawPostcard(doc, proof);
  else drawLetter(doc, proof);
  doc.end();
  return done;
}

/** The same piece as HTML, for a print-and-mail API that takes HTML (Lob). */
export function mailHtml(proof: MailProof): { front: string; back: string; letter: string } {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, "<br>");
  const style = "<style>body{font-family:Helvetica,Arial,sans-serif;color:#1f2933}</style>";
  return {
    front: `<html><head>${style}</head><body style="background:#1d4ed8;color:#fff;text-align:center;padding-top:1.4in"><h1>${escape(proof.sender.name)}</h1><p>A note about your property</p></body></html>`,
    back: `<html><head>${style}</head><body><div style="width:2.6in;padding:0.2in;font-size:10pt">${escape(proof.body)}</div></body></html>`,
    letter: `<html><head>${style}</head><body style="padding:1in;font-size:11pt"><p style="margin-top:3.2in">${escape(proof.body)}</p></body></html>`,
  };
}
