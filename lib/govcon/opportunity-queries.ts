/** Reading opportunities: one page of the table with its total, and one notice in full. */
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { listMembers } from "@/lib/tenants/members";
import type { OpportunityStatusName } from "./codes";
import type { OpportunityQuery } from "./filters";
import { opportunityOrderBy, opportunityWhere } from "./opportunity-where";

const ROW = {
  id: true, noticeId: true, title: true, solicitationNumber: true, agency: true, subTier: true, noticeType: true, setAside: true,
  naicsCode: true, placeState: true, postedAt: true, responseDeadline: true, fitScore: true, status: true, ownerId: true,
} as const;

export interface OpportunityRow {
  id: string;
  noticeId: string;
  title: string;
  solicitationNumber: string | null;
  agency: string | null;
  subTier: string | null;
  noticeType: string;
  setAside: string | null;
  naicsCode: string | null;
  placeState: string | null;
  postedAt: Date | null;
  responseDeadline: Date | null;
  fitScore: number | null;
  status: OpportunityStatusName;
  ownerId: string | null;
}

export interface OpportunityPage {
  rows: OpportunityRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page, sorted on an indexed column with empty values last and id as the tiebreak. */
export async function listOpportunities(db: TenantDb, query: OpportunityQuery, now: Date): Promise<OpportunityPage> {
  const where = opportunityWhere(query, now);
  const [total, rows] = await Promise.all([
    db.opportunity.count({ where }),
    db.opportunity.findMany({
      where,
      orderBy: opportunityOrderBy(query),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: ROW,
    }),
  ]);
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

/** The opportunity's id from its SAM.gov noticeId, or 404. */
export async function findOpportunityId(db: TenantDb, noticeId: string): Promise<string> {
  const row = await db.opportunity.findFirst({ where: { noticeId }, select: { id: true } });
  if (!row) throw new ExpectedError("not_found", "No opportunity with this notice id");
  return row.id;
}

export interface PointOfContact {
  type: string | null;
  fullName: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface FitReason {
  code: string;
  text: string;
  points: number;
}

export interface VersionChange {
  field: string;
  before: string | null;
  after: string | null;
}

const text = (value: unknown): string | null => (value === null || value === undefined || value === "" ? null : String(value));

function pointsOfContactOf(value: unknown): PointOfContact[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((c): c is Record<string, unknown> => typeof c === "object" && c !== null)
    .map((c) => ({ type: text(c.type), fullName: text(c.fullName), title: text(c.title), email: text(c.email), phone: text(c.phone) }));
}

function fitReasonsOf(value: unknown): FitReason[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    .map((r) => ({ code: String(r.code ?? ""), text: String(r.text ?? ""), points: Number(r.points ?? 0) }));
}

function changesOf(value: unknown): VersionChange[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((c): c is Record<string, unknown> => typeof c === "object" && c !== null)
    .map((c) => ({ field: String(c.field ?? ""), before: text(c.before), after: text(c.after) }));
}

/** Everything the detail page shows about one notice: fields, versions newest first, notes, the pursuit. */
export async function getOpportunityDetail(db: TenantDb, noticeId: string) {
  const row = await db.opportunity.findFirst({ where: { noticeId } });
  if (!row) throw new ExpectedError("not_found", "No opportunity with this notice id");
  // The notice as SAM.gov sent it stays in the database; every field of it has its own column.
  const { raw: _raw, ...opportunity } = row;
  const [versions, notes, pursuit, members] = await Promise.all([
    db.opportunityVersion.findMany({ where: { opportunityId: opportunity.id }, orderBy: { version: "desc" }, select: { id: true, version: true, changes: true, seenAt: true } }),
    db.opportunityNote.findMany({ where: { opportunityId: opportunity.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, body: true, authorId: true, createdAt: true } }),
    db.pursuit.findFirst({ where: { opportunityId: opportunity.id }, select: { id: true, stage: true } }),
    listMembers(db),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name || m.email]));
  const nameOf = (userId: string | null) => (userId ? (names.get(userId) ?? "A former member") : null);
  return {
    ...opportunity,
    pointsOfContact: pointsOfContactOf(opportunity.pointsOfContact),
    fitReasons: fitReasonsOf(opportunity.fitReasons),
    ownerName: nameOf(opportunity.ownerId),
    noBidByName: nameOf(opportunity.noBidById),
    versions: versions.map((v) => ({ id: v.id, version: v.version, seenAt: v.seenAt, changes: changesOf(v.changes) })),
    notes: notes.map((n) => ({ ...n, authorName: nameOf(n.authorId) })),
    pursuit,
  };
}
export type OpportunityDetail = Awaited<ReturnType<typeof getOpportunityDetail>>;
