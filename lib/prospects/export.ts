/**
 * The deals a user selected in the prospects table, as CSV: streamed in batches so a large
 * selection is never held in memory at once.
 */
import { z } from "zod";
import type { Deal } from "@/generated/prisma/client";
import { csvField } from "@/lib/audit/csv";
import type { TenantDb } from "@/lib/db/tenant";
import { listMembers } from "@/lib/tenants/members";
import { storableText } from "@/lib/validation/text";

/** The export form posts the ids comma-separated (one field) or repeated. */
export const ProspectExportInput = z.object({
  ids: z.preprocess(
    (v) => [v].flat().flatMap((item) => (typeof item === "string" ? item.split(",") : [])).map((id) => id.trim()).filter(Boolean),
    z.array(storableText().max(64)).min(1, "Choose at least one deal").max(500, "At most 500 deals at a time"),
  ),
});
export type ProspectExportInput = z.infer<typeof ProspectExportInput>;

export const PROSPECT_CSV_COLUMNS = [
  "id", "street", "unit", "city", "region", "postal_code", "country", "market", "status", "strategy", "source",
  "asking_price", "arv", "repairs", "mao", "spread", "spread_ratio", "score", "owner", "contact_name", "contact_phone",
  "contact_email", "tags", "created_at",
] as const;

const EXPORT_SELECT = {
  id: true, street: true, unit: true, city: true, region: true, postalCode: true, country: true, market: true, status: true,
  strategy: true, source: true, askingPrice: true, arv: true, repairs: true, mao: true, spread: true, spreadRatio: true,
  score: true, ownerId: true, contactName: true, contactPhone: true, contactEmail: true, tags: true, createdAt: true,
} as const;

type ExportRow = Pick<Deal, keyof typeof EXPORT_SELECT>;

const number = (value: number | null) => (value === null ? null : String(value));

export function prospectCsvRow(deal: ExportRow, ownerName: string | null): string {
  return [
    deal.id, deal.street, deal.unit, deal.city, deal.region, deal.postalCode, deal.country, deal.market, deal.status, deal.strategy,
    deal.source, number(deal.askingPrice), number(deal.arv), number(deal.repairs), number(deal.mao), number(deal.spread),
    number(deal.spreadRatio), number(deal.score), ownerName, deal.contactName, deal.contactPhone, deal.contactEmail,
    deal.tags.join(";"), deal.createdAt.toISOString(),
  ].map(csvField).join(",");
}

/**
 * The selected deals of this workspace (ids of other workspaces or deleted deals are simply
 * absent), with the owner by name; each batch of ids is written newest first.
 */
export async function prospectsCsvStream(db: TenantDb, input: ProspectExportInput, options: { batchSize?: number } = {}): Promise<ReadableStream<Uint8Array>> {
  const ids = [...new Set(input.ids)];
  const batchSize = options.batchSize ?? 200;
  const owners = new Map((await listMembers(db)).map((m) => [m.userId, m.name ?? m.email]));
  const encoder = new TextEncoder();
  let offset = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset < 0) {
        offset = 0;
        controller.enqueue(encoder.encode(`${PROSPECT_CSV_COLUMNS.join(",")}\r\n`));
        return;
      }
      // A pull must enqueue or close: batches whose ids are all gone (deleted, another workspace's) are skipped.
      while (offset < ids.length) {
        const batch = ids.slice(offset, offset + batchSize);
        offset += batchSize;
        const deals = await db.deal.findMany({
          where: { id: { in: batch }, deletedAt: null },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: EXPORT_SELECT,
        });
        if (deals.length === 0) continue;
        controller.enqueue(encoder.encode(deals.map((deal) => `${prospectCsvRow(deal, deal.ownerId ? (owners.get(deal.ownerId) ?? null) : null)}\r\n`).join("")));
        break;
      }
      if (offset >= ids.length) controller.close();
    },
  });
}
