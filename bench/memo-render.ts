// Rendering one investor memo (renderInvestorMemo, pdfkit, no database): milliseconds per memo
// for a full memo (photo, 6 comps, 8 score reasons, quality flags, terms), next to a one-line
// PDF from the same library in the same process. The goal is <= 1,000 ms per memo.
// Usage: npx tsx bench/memo-render.ts [--json file]
import { deflateSync, crc32 } from "node:zlib";
import PDFDocument from "pdfkit";
import { buildMemoData } from "@/lib/memo/data";
import { renderInvestorMemo } from "@/lib/memo/render";
import { parseBenchArgs, writeFigures } from "./database";

/** A 320x200 gradient PNG, so the bench pays for decoding and embedding a photo as a real memo does. */
function samplePng(width = 320, height = 200): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 140], row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(data.length + 12);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), data.length + 8);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]));
}

const comps = Array.from({ length: 6 }, (_, i) => ({
  id: `comp-${i}`, street: `${100 + i * 12} Elm St`, city: "Dallas", postalCode: "75201", latitude: 32.78 + i * 0.003, longitude: -96.8 - i * 0.002,
  soldPrice: 238_000 + i * 4_000, soldAt: `2026-0${(i % 9) + 1}-15T00:00:00.000Z`, beds: 3, baths: 2, sqft: 1_420 + i * 20, yearBuilt: 1975 + i,
  propertyType: "SINGLE_FAMILY", source: "IMPORT", distanceKm: 0.4 + i * 0.3, monthsAgo: 2 + i, pricePerSqft: 165 + i, adjustment: 6_000 - i * 1_500, adjustedPrice: 246_000 + i * 500,
}));
const memo = buildMemoData({
  workspace: { name: "Maple & Main Investments", timeZone: "America/Chicago" },
  version: 3,
  now: new Date("2026-12-07T12:00:00Z"),
  photos: [{ fileName: "front.png", contentType: "image/png", bytes: samplePng() }],
  learnedModel: { outcomes: 312, auc: 0.74 },
  area: { areaCode: "75201", rank: "HOT", reasons: ["12 new deals in 4 weeks, 3x the area's usual", "Median spread ratio 0.21"] },
  deal: {
    status: "UNDERWRITTEN", street: "4127 Maple Ave", unit: null, city: "Dallas", region: "TX", postalCode: "75201", latitude: 32.79, longitude: -96.81,
    locationSource: "postal_code", areaCode: "75201", askingPrice: 118_000, arv: 248_000, arvSource: "comps", repairs: 32_000, mao: 139_100, recommendedOffer: 134_100,
    spread: 21_100, spreadRatio: 0.0851, strategy: "WHOLESALE", beds: 3, baths: 2, sqft: 1_480, yearBuilt: 1978, propertyType: "SINGLE_FAMILY",
    score: 78, sourceScore: 60, scoreModel: "learned-2", scoreConfidence: "medium",
    scoreContributions: ["base", "equity", "motivation", "condition", "freshness", "stacking", "contactability", "market"].map((feature, i) => ({ feature, label: feature, detail: `detail ${i}`, points: i % 3 === 2 ? -3 : 4 + i })),
    qualityIssues: [{ code: "asking_outlier", field: "askingPrice", reason: "Asking $118,000 is 4.3 median absolute deviations below this market's deals (median $205,000)" }],
    assignmentFee: 10_000, buyerTerms: "Cash or hard money; 14-day close; $5,000 EMD", targetClosingDate: new Date("2026-12-30T00:00:00Z"),
  },
  evidence: {
    inputs: { terms: { maxArvMultiplier: 0.7, feesBuffer: 2_500, assignmentFee: 10_000 } },
    outputs: { reason: "positive spread: assign to a buyer" },
    assumptions: { negotiationMargin: 5_000 },
    recommendedOffer: 134_100,
    comps: { arv: 248_000, low: 236_000, high: 259_000, confidence: "high", windowMonths: 12, comps },
  },
});

async function onePagePdf(): Promise<number> {
  const doc = new PDFDocument({ size: "LETTER" });
  let size = 0;
  const done = new Promise<void>((resolve) => doc.on("end", resolve));
  doc.on("data", (chunk: Buffer) => (size += chunk.length));
  doc.font("Helvetica").fontSize(12).text("Investor memo");
  doc.end();
  await done;
  return size;
}

async function msPer(run: () => Promise<unknown>, rounds: number): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await run();
  return (performance.now() - started) / rounds;
}

const memoMs = await msPer(() => renderInvestorMemo(memo), 30);
const baselineMs = await msPer(onePagePdf, 30);
const bytes = (await renderInvestorMemo(memo)).byteLength;
console.log(`baseline (one-line PDF, same library): ${baselineMs.toFixed(2)} ms`);
console.log(`investor memo (photo, 6 comps, 8 score reasons, flags, terms; ${Math.round(bytes / 1024)} KB): ${memoMs.toFixed(2)} ms per memo  (${(memoMs / baselineMs).toFixed(1)}x baseline; goal <= 1000 ms)`);
writeFigures(parseBenchArgs(), "memo-render", "none", [
  { what: "renderInvestorMemo, one full memo", value: memoMs, unit: "ms", goal: "<= 1000", met: memoMs <= 1000, baseline: baselineMs, baselineLabel: "one-line PDF, same library" },
]);
