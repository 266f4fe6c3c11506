/**
 * Investor memos of deals: gathered from what the other parts store (the deal's score, quality
 * flags and lists, its latest offer evidence with comps, its area's heat, its photos),
 * rendered to PDF (./render), stored through lib/files as purpose "deal_memo" with versions
 * 1, 2, 3..., and recorded on the deal's timeline (the audit line "deal.memo_generated").
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { listDealFiles, readStoredFile, storeFile, type StoredFileView } from "@/lib/files";
import { getArea } from "@/lib/market/service";
import { getTenantWithSettings } from "@/lib/tenants/settings";
import { buildMemoData, type MemoDeal } from "./data";
import { renderInvestorMemo } from "./render";
import type { InvestorMemoData, MemoPhoto } from "./types";

export const MEMO_PURPOSE = "deal_memo" as const;
/** Photos a memo shows at most. */
const MEMO_PHOTOS = 3;
/** Memos one engine pass generates at most; the rest wait for the next pass's new evidence. */
export const MEMOS_PER_PASS = 25;

const DEAL_SELECT = {
  id: true,
  status: true,
  street: true,
  unit: true,
  city: true,
  region: true,
  postalCode: true,
  latitude: true,
  longitude: true,
  locationSource: true,
  areaCode: true,
  askingPrice: true,
  arv: true,
  arvSource: true,
  repairs: true,
  mao: true,
  recommendedOffer: true,
  spread: true,
  spreadRatio: true,
  strategy: true,
  beds: true,
  baths: true,
  sqft: true,
  yearBuilt: true,
  propertyType: true,
  score: true,
  sourceScore: true,
  scoreModel: true,
  scoreConfidence: true,
  scoreContributions: true,
  qualityIssues: true,
  assignmentFee: true,
  buyerTerms: true,
  targetClosingDate: true,
} as const;

async function findDeal(db: TenantDb, dealId: string) {
  if (typeof dealId !== "string" || dealId.length === 0 || dealId.length > 64) return null;
  // The scoped client sees neither another tenant's deal nor a deleted one: both are unknown here.
  return db.deal.findFirst({ where: { id: dealId, deletedAt: null }, select: DEAL_SELECT });
}

async function memoPhotos(db: TenantDb, dealId: string): Promise<MemoPhoto[]> {
  const files = (await listDealFiles(db, dealId, "deal_photo")).filter((f) => f.contentType === "image/jpeg" || f.contentType === "image/png").slice(0, MEMO_PHOTOS);
  const read = await Promise.all(files.map((f) => readStoredFile(db, f.id)));
  return read.flatMap((r) => (r ? [{ fileName: r.file.fileName, contentType: r.file.contentType as MemoPhoto["contentType"], bytes: r.bytes }] : []));
}

async function learnedModelOf(db: TenantDb, scoreModel: string | null) {
  const version = scoreModel?.startsWith("learned-") ? Number(scoreModel.slice("learned-".length)) : NaN;
  if (!Number.isInteger(version)) return null;
  const model = await db.scoringModel.findFirst({ where: { version }, select: { outcomes: true, metrics: true } });
  const auc = (model?.metrics as { auc?: unknown } | null)?.auc;
  return model && typeof auc === "number" ? { outcomes: model.outcomes, auc } : null;
}

/** The newest memo of a deal, or null. */
export async function latestMemo(db: TenantDb, dealId: string): Promise<{ id: string; version: number; createdAt: Date } | null> {
  return db.storedFile.findFirst({ where: { dealId, purpose: MEMO_PURPOSE }, orderBy: [{ version: "desc" }, { createdAt: "desc" }], select: { id: true, version: true, createdAt: true } });
}

/** Everything a memo of this deal shows, as of `now`; null for a deal this workspace does not have. */
export async function gatherMemoData(db: TenantDb, dealId: string, version: number, now: Date = new Date()): Promise<InvestorMemoData | null> {
  const deal = await findDeal(db, dealId);
  if (!deal) return null;
  const [evidence, area, learnedModel, photos, workspace] = await Promise.all([
    db.offerEvidence.findFirst({
      where: { dealId: deal.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { inputs: true, outputs: true, comps: true, assumptions: true, recommendedOffer: true },
    }),
    deal.areaCode ? getArea(db, deal.areaCode) : null,
    learnedModelOf(db, deal.scoreModel),
    memoPhotos(db, deal.id),
    getTenantWithSettings(db),
  ]);
  return buildMemoData({
    workspace: { name: workspace.name, timeZone: workspace.timeZone },
    deal: deal satisfies MemoDeal,
    evidence,
    area: area ? { areaCode: area.areaCode, rank: area.rank, reasons: area.reasons } : null,
    learnedModel,
    photos,
    version,
    now,
  });
}

function memoFileName(address: string, version: number): string {
  const slug = address
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `investor-memo-${slug || "deal"}-v${version}.pdf`;
}

/**
 * Renders and stores a new version of the deal's investor memo, and puts it on the deal's
 * timeline. Throws ExpectedError not_found for a deal this workspace does not have (another
 * tenant's deal included), so the caller answers 404.
 */
export async function generateMemo(db: TenantDb, dealId: string, actor: AuditContext, options: { now?: Date } = {}): Promise<StoredFileView> {
  const now = options.now ?? new Date();
  const previous = await latestMemo(db, dealId);
  const version = (previous?.version ?? 0) + 1;
  const data = await gatherMemoData(db, dealId, version, now);
  if (!data) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  const bytes = await renderInvestorMemo(data);
  const file = await storeFile(db, {
    purpose: MEMO_PURPOSE,
    dealId,
    fileName: memoFileName(data.property.address, version),
    contentType: "application/pdf",
    bytes,
    createdById: actor.actorId,
    version,
  });
  await recordAudit(db, { action: "deal.memo_generated", entity: "Deal", entityId: dealId, after: { fileId: file.id, version, size: file.size } }, actor);
  return file;
}

/** The deal's documents (its memos), newest first. Throws ExpectedError not_found for an unknown deal. */
export async function listDealDocuments(db: TenantDb, dealId: string): Promise<StoredFileView[]> {
  if (!(await findDeal(db, dealId))) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  return (await listDealFiles(db, dealId, MEMO_PURPOSE)).sort((a, b) => b.version - a.version || b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * The underwriting engine's memos: one for each deal whose new evidence reached the spread
 * alert threshold, unless a memo was already made since that evidence (so a deal gets one
 * memo per new evidence row, however often the engine passes).
 */
export async function generateAlertMemos(
  db: TenantDb,
  alerts: readonly { dealId: string }[],
  options: { now?: Date } = {},
): Promise<{ generated: number; skipped: number; failed: { dealId: string; error: string }[] }> {
  const dealIds = [...new Set(alerts.map((a) => a.dealId))].slice(0, MEMOS_PER_PASS);
  const actor: AuditContext = { actorId: null, actorEmail: null, requestId: undefined };
  const failed: { dealId: string; error: string }[] = [];
  let generated = 0;
  for (const dealId of dealIds) {
    const [evidence, memo] = await Promise.all([
      db.offerEvidence.findFirst({ where: { dealId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { createdAt: true } }),
      latestMemo(db, dealId),
    ]);
    if (!evidence || (memo && memo.createdAt >= evidence.createdAt)) continue;
    try {
      await generateMemo(db, dealId, actor, options);
      generated += 1;
    } catch (error) {
      // The underwriting is committed either way; a memo that could not be stored (a bucket
      // down) is reported on the engine run, and "Generate memo" on the deal makes it later.
      failed.push({ dealId, error: (error instanceof Error ? error.message : String(error)).slice(0, 300) });
    }
  }
  return { generated, skipped: alerts.length - generated - failed.length, failed };
}
