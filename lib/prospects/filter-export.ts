/**
 * Every deal the prospects filter matches, as CSV: the table's visible columns, in the
 * table's sort, streamed a batch at a time by keyset so an export of a million deals holds
 * one batch in memory. Cells go through csvField, which neutralizes formulas.
 */
import type { Deal } from "@/generated/prisma/client";
import { csvField } from "@/lib/audit/csv";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb } from "@/lib/db/tenant";
import { listMembers } from "@/lib/tenants/members";
import { EXPORT_COLUMN_IDS, type ExportColumnId, type ProspectExportQuery } from "./export-params";
import { decodeProspectCursor, pageRows, type ProspectCursor, type ProspectQuery } from "./query";
import { prospectFilterSql } from "./query-sql";

const EXPORT_SELECT = {
  id: true, street: true, unit: true, city: true, region: true, postalCode: true, country: true, market: true, status: true,
  strategy: true, source: true, askingPrice: true, arv: true, mao: true, spread: true, spreadRatio: true, score: true,
  intentScore: true, listCount: true, qualityFlags: true, ownerId: true, contactPhone: true, createdAt: true,
} as const;

export type ExportDeal = Pick<Deal, keyof typeof EXPORT_SELECT>;
type Cell = string | null;

const number = (value: number | null): Cell => (value === null ? null : String(value));

/** Each table column as CSV: its headers and its cells. The address is the deal's identity, so it carries the id. */
export const EXPORT_COLUMNS: Record<ExportColumnId, { headers: readonly string[]; cells: (deal: ExportDeal, ownerName: string | null) => Cell[] }> = {
  address: {
    headers: ["id", "street", "unit", "city", "region", "postal_code", "country"],
    cells: (d) => [d.id, d.street, d.unit, d.city, d.region, d.postalCode, d.country],
  },
  status: { headers: ["status"], cells: (d) => [d.status] },
  strategy: { headers: ["strategy"], cells: (d) => [d.strategy] },
  source: { headers: ["source"], cells: (d) => [d.source] },
  askingPrice: { headers: ["asking_price"], cells: (d) => [number(d.askingPrice)] },
  arv: { headers: ["arv"], cells: (d) => [number(d.arv)] },
  mao: { headers: ["mao"], cells: (d) => [number(d.mao)] },
  spread: { headers: ["spread"], cells: (d) => [number(d.spread)] },
  spreadRatio: { headers: ["spread_ratio"], cells: (d) => [number(d.spreadRatio)] },
  score: { headers: ["score"], cells: (d) => [number(d.score)] },
  intent: { headers: ["intent_score"], cells: (d) => [number(d.intentScore)] },
  lists: { headers: ["lists"], cells: (d) => [String(d.listCount)] },
  quality: { headers: ["quality_flags"], cells: (d) => [d.qualityFlags.join(";")] },
  market: { headers: ["market"], cells: (d) => [d.market] },
  owner: { headers: ["owner"], cells: (_, ownerName) => [ownerName] },
  phone: { headers: ["contact_phone"], cells: (d) => [d.contactPhone] },
  createdAt: { headers: ["created_at"], cells: (d) => [d.createdAt.toISOString()] },
};

/** The columns asked for, in the table's order; the address always, since it names the deal. */
export function exportColumns(columns: readonly string[] | undefined): ExportColumnId[] {
  const wanted = new Set(columns ?? EXPORT_COLUMN_IDS);
  return EXPORT_COLUMN_IDS.filter((id) => id === "address" || wanted.has(id));
}

export function exportHeader(columns: readonly ExportColumnId[]): string {
  return columns.flatMap((id) => EXPORT_COLUMNS[id].headers).map(csvField).join(",");
}

export function exportRow(deal: ExportDeal, ownerName: string | null, columns: readonly ExportColumnId[]): string {
  return columns.flatMap((id) => EXPORT_COLUMNS[id].cells(deal, ownerName)).map(csvField).join(",");
}

/** How many deals the filter matches, exactly: the export's progress and its audit line say it. */
export async function countFilterMatches(db: TenantDb, query: ProspectQuery, timeZone = "UTC"): Promise<number> {
  const filter = prospectFilterSql(query, db.tenantId, timeZone);
  const [row] = await selectInTenant<{ n: number }>(db, `SELECT count(*)::int AS n FROM "Deal" WHERE ${filter.where}`, filter.params);
  return Number(row.n);
}

export interface FilterExportOptions {
  columns: readonly ExportColumnId[];
  timeZone?: string;
  /** Deals read per round trip. */
  batchSize?: number;
}

/**
 * The CSV of every match, header first, then one batch per pull in the query's sort (the
 * sort's index reads each batch after the previous one's last deal, as the API's cursor does).
 */
export async function prospectFilterCsvStream(db: TenantDb, query: ProspectQuery, options: FilterExportOptions): Promise<ReadableStream<Uint8Array>> {
  const { columns, timeZone = "UTC", batchSize = 500 } = options;
  const filter = prospectFilterSql(query, db.tenantId, timeZone);
  const batchQuery: ProspectQuery = { ...query, page: 1, pageSize: batchSize, after: undefined };
  const owners = new Map((await listMembers(db)).map((m) => [m.userId, m.name ?? m.email]));
  const encoder = new TextEncoder();
  let started = false;
  let cursor: ProspectCursor | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${exportHeader(columns)}\r\n`));
        return;
      }
      const { rows, nextCursor } = await pageRows(db, filter, batchQuery, 0, cursor);
      if (rows.length > 0) {
        const deals = await db.deal.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: EXPORT_SELECT });
        const byId = new Map(deals.map((deal) => [deal.id, deal]));
        const lines = rows.flatMap((row) => {
          const deal = byId.get(row.id);
          return deal ? [`${exportRow(deal, deal.ownerId ? (owners.get(deal.ownerId) ?? "Former member") : null, columns)}\r\n`] : [];
        });
        controller.enqueue(encoder.encode(lines.join("")));
      }
      cursor = nextCursor ? decodeProspectCursor(nextCursor) : undefined;
      if (!cursor) controller.close();
    },
  });
}

/**
 * An export as a person or an API key starts it: counted, audited (the export carries
 * contact details out of the app, so who took which filter is a line in the audit log),
 * then streamed. The count is the progress bar's end and the X-Export-Count header.
 */
export async function startProspectExport(db: TenantDb, input: ProspectExportQuery, actor: AuditContext, options: { timeZone?: string; batchSize?: number } = {}) {
  const { columns: asked, ...filter } = input;
  const query: ProspectQuery = { ...filter, page: 1, pageSize: 25 };
  const columns = exportColumns(asked);
  const count = await countFilterMatches(db, query, options.timeZone);
  await recordAudit(db, { action: "deals.exported", entity: "Deal", after: { count, filter: describeFilter(filter), columns } }, actor);
  return { count, columns, stream: await prospectFilterCsvStream(db, query, { columns, ...options }) };
}

/** The filter's non-empty values, as the audit log keeps them. */
function describeFilter(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0)));
}

/** The download's headers: a CSV attachment named after the workspace and the day, never cached. */
export function exportHeaders(slug: string, count: number, now = new Date()): Record<string, string> {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="deals-${slug}-${now.toISOString().slice(0, 10)}.csv"`,
    "cache-control": "no-store",
    "x-export-count": String(count),
  };
}
