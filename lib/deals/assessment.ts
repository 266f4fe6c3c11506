/**
 * The deal columns lib/scoring computes (the lead score with its reasons, the data-quality
 * flags): what it reads to compute them and the one writer that stores them.
 */
import type { Prisma } from "@/generated/prisma/client";
import { updateRowsById } from "@/lib/db/bulk";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";

type Db = TenantDb | TenantTransaction;

export const ASSESSMENT_SELECT = {
  id: true,
  source: true,
  status: true,
  askingPrice: true,
  arv: true,
  repairs: true,
  sqft: true,
  yearBuilt: true,
  postalCode: true,
  region: true,
  country: true,
  market: true,
  areaCode: true,
  spreadRatio: true,
  contactPhone: true,
  contactEmail: true,
  listCount: true,
  tags: true,
  raw: true,
  createdAt: true,
  statusChangedAt: true,
} satisfies Prisma.DealSelect;
export type DealForAssessment = Prisma.DealGetPayload<{ select: typeof ASSESSMENT_SELECT }>;

/** The live deals among these ids, with what their score and quality are computed from. */
export async function listDealsForAssessment(db: Db, dealIds: readonly string[]): Promise<DealForAssessment[]> {
  if (dealIds.length === 0) return [];
  return db.deal.findMany({ where: { id: { in: [...dealIds] }, deletedAt: null }, select: ASSESSMENT_SELECT });
}

/** Ids of the live deals after `afterId`, in id order: a rescore walks the workspace by these pages. */
export async function listLiveDealIds(db: Db, afterId: string | null, take: number): Promise<string[]> {
  const rows = await db.deal.findMany({
    where: { deletedAt: null, ...(afterId && { id: { gt: afterId } }) },
    orderBy: { id: "asc" },
    take,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** The decided deals (a contract or closing against dead), a page at a time in id order, for fitting a model. */
export async function listDecidedDeals(db: Db, afterId: string | null, take: number): Promise<DealForAssessment[]> {
  return db.deal.findMany({
    where: { deletedAt: null, status: { in: ["UNDER_CONTRACT", "CLOSED", "DEAD"] }, ...(afterId && { id: { gt: afterId } }) },
    orderBy: { id: "asc" },
    take,
    select: ASSESSMENT_SELECT,
  });
}

export async function countDecidedDeals(db: Db): Promise<number> {
  return db.deal.count({ where: { deletedAt: null, status: { in: ["UNDER_CONTRACT", "CLOSED", "DEAD"] } } });
}

export interface DealAssessment {
  id: string;
  score: number;
  scoreModel: string;
  scoreContributions: Prisma.InputJsonValue;
  scoreConfidence: string;
  scoredAt: Date;
  qualityFlags: string[];
  qualityIssues: Prisma.InputJsonValue;
}

/** Stores the computed score and quality of many deals in one statement. */
export async function recordDealAssessments(tx: Db, rows: DealAssessment[]): Promise<number> {
  return updateRowsById(tx, "Deal", rows as unknown as ({ id: string } & Record<string, unknown>)[]);
}
