import { csvField } from "@/lib/audit/csv";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { BUYER_FIELD_LABELS } from "./buyer-fields";
import { DEAL_FIELD_LABELS } from "./mapping";
import { StoredBuyerImportMapping, StoredImportMapping } from "./schema";

export const ERROR_REPORT_COLUMNS = ["row", "field", "message"] as const;

/**
 * The rows an import rejected, as CSV: row number, the column at fault, the reason, then
 * the row as it was in the file, so it can be fixed and imported again. Streamed a page
 * at a time, so a file with many bad rows is never held in memory.
 */
export async function errorReportCsv(db: TenantDb, jobId: string, options: { batchSize?: number } = {}): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  const job = await db.importJob.findFirst({ where: { id: jobId }, select: { id: true, kind: true, fileName: true, mapping: true } });
  if (!job) throw new ExpectedError("not_found", "That import does not exist.");
  const { columns, labels } = job.kind === "BUYERS" ? buyerColumns(job.mapping) : dealColumns(job.mapping);
  // Name the fault by the user's own column ("Asking Price"), else by the field's label.
  // A field filled by several columns (a buyer's Phone and Cell) names them all.
  const columnOf = new Map<string, string>();
  for (const { field, header } of columns) if (field) columnOf.set(field, columnOf.has(field) ? `${columnOf.get(field)}, ${header}` : header);
  const describeField = (field: string | null) => (field ? (columnOf.get(field) ?? labels[field] ?? field) : "");
  const header = [...ERROR_REPORT_COLUMNS, ...columns.map((c) => c.header)];
  const batchSize = options.batchSize ?? 1000;
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${header.map(csvField).join(",")}\r\n`));
        return;
      }
      const page = await db.importRowError.findMany({
        where: { jobId },
        orderBy: [{ rowNumber: "asc" }, { id: "asc" }],
        take: batchSize,
        ...(cursor && { cursor: { id: cursor }, skip: 1 }),
      });
      if (page.length === 0) return controller.close();
      cursor = page[page.length - 1].id;
      const lines = page.map((error) => {
        const cells = Array.isArray(error.raw) ? error.raw.map((cell) => (typeof cell === "string" ? cell : JSON.stringify(cell))) : [];
        return `${[String(error.rowNumber), describeField(error.field), error.message, ...cells].map(csvField).join(",")}\r\n`;
      });
      controller.enqueue(encoder.encode(lines.join("")));
      if (page.length < batchSize) controller.close();
    },
  });
  const base = job.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "-").slice(0, 80) || "import";
  return { fileName: `${base}-errors.csv`, stream };
}

interface ReportColumns {
  columns: readonly { header: string; field: string | null }[];
  labels: Readonly<Record<string, string>>;
}

function dealColumns(mapping: unknown): ReportColumns {
  const parsed = StoredImportMapping.safeParse(mapping);
  return { columns: parsed.success ? parsed.data.columns : [], labels: DEAL_FIELD_LABELS };
}

function buyerColumns(mapping: unknown): ReportColumns {
  const parsed = StoredBuyerImportMapping.safeParse(mapping);
  return { columns: parsed.success ? parsed.data.columns : [], labels: BUYER_FIELD_LABELS };
}
