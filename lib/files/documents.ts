/** Stored documents (the investor memo): PDFs the app renders itself, checked all the same. */
import { ExpectedError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "./sniff";

export const PDF_TYPE = "application/pdf";

/** Pure: "application/pdf" when the bytes are a PDF within the size limit, else the refusal. */
export function checkPdfDocument(bytes: Uint8Array, fileName: string): typeof PDF_TYPE {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ExpectedError("too_large", `${fileName || "The document"} is over ${MAX_FILE_BYTES / (1024 * 1024)} MB`);
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head !== "%PDF-") throw new ExpectedError("unsupported_media_type", `${fileName || "The document"} is not a PDF`);
  return PDF_TYPE;
}

/** Pure: a document name safe to show and to put in a Content-Disposition header, ending in .pdf. */
export function cleanDocumentName(name: string | null | undefined): string {
  const base = (name ?? "")
    .normalize("NFKC")
    .replace(/[\\/]/g, "_")
    .replace(/[^\w .()-]/g, "")
    .trim()
    .replace(/\.pdf$/i, "")
    .slice(0, 120);
  return `${base || "document"}.pdf`;
}
