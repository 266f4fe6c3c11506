/**
 * Saved buyer segments: a name for a Buyers page query ("Houston flippers, tier A"). A segment
 * stores the query, not the buyers, so it follows the list as buyers come and go.
 */
import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { buyerOrderBy, buyerWhere } from "./query";
import { buyerQueryString, parseBuyerQueryString, type BuyerQuery } from "./query-params";

/** A blast goes to at most this many buyers of a segment. */
export const SEGMENT_BUYER_CAP = 5_000;

export const SaveSegmentInput = z.object({
  name: z.string().trim().min(1, "Give the segment a name").max(80, "Keep the name under 80 characters"),
  query: z.string().max(2000, "This segment has too many filters to save").default(""),
});
export type SaveSegmentInput = z.infer<typeof SaveSegmentInput>;

export interface SegmentSummary {
  id: string;
  name: string;
  query: string;
  createdAt: Date;
}

/** The stored form: filters and sort only, in canonical order (a segment has no page). */
function canonicalSegmentQuery(query: BuyerQuery | string): string {
  const parsed = typeof query === "string" ? parseBuyerQueryString(query) : query;
  const { page: _page, pageSize: _size, after: _after, ...rest } = parsed;
  return buyerQueryString(rest);
}

/** Saving under an existing name replaces that segment's query. */
export async function saveSegment(db: TenantDb, name: string, query: BuyerQuery | string, createdById: string | null = null): Promise<SegmentSummary> {
  const parsedName = SaveSegmentInput.shape.name.safeParse(name);
  if (!parsedName.success) throw new ExpectedError("invalid", parsedName.error.issues[0].message, "name");
  const stored = canonicalSegmentQuery(query);
  return db.buyerSegment.upsert({
    where: { tenantId_name: { tenantId: db.tenantId, name: parsedName.data } },
    create: { tenantId: db.tenantId, name: parsedName.data, query: stored, createdById },
    update: { query: stored },
    select: { id: true, name: true, query: true, createdAt: true },
  });
}

export async function listSegments(db: TenantDb): Promise<SegmentSummary[]> {
  return db.buyerSegment.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, query: true, createdAt: true } });
}

export async function deleteSegment(db: TenantDb, segmentId: string): Promise<{ id: string }> {
  const { count } = await db.buyerSegment.deleteMany({ where: { id: segmentId } });
  if (count === 0) throw new ExpectedError("not_found", "This segment does not exist", "segmentId");
  return { id: segmentId };
}

/** The ids of the live buyers a segment selects today, in its sort order, at most SEGMENT_BUYER_CAP. */
export async function buyersInSegment(db: TenantDb, segmentId: string): Promise<string[]> {
  const segment = await db.buyerSegment.findFirst({ where: { id: segmentId }, select: { query: true } });
  if (!segment) throw new ExpectedError("not_found", "This segment does not exist", "segmentId");
  const query = parseBuyerQueryString(segment.query);
  const rows = await db.buyer.findMany({ where: await buyerWhere(db, query), orderBy: buyerOrderBy(query.sort, query.dir), select: { id: true }, take: SEGMENT_BUYER_CAP });
  return rows.map((row) => row.id);
}
