/**
 * The opportunities table's filters and sorts as Prisma clauses. Pure, so the page, the API
 * and saved searches (lib/govcon/alerts.ts) narrow the same way.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { OpportunityFilters, OpportunityQuery } from "./filters";

const DAY_MS = 86_400_000;

const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });

/** The start of a YYYY-MM-DD day in UTC. */
function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Every word must appear in one of the department, sub-tier, office or full path. */
function agencyWords(agency: string): Prisma.OpportunityWhereInput[] {
  return agency
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({
      OR: [{ agency: contains(word) }, { subTier: contains(word) }, { office: contains(word) }, { agencyPath: contains(word) }],
    }));
}

function deadlineClauses(filters: OpportunityFilters, now: Date): Prisma.OpportunityWhereInput[] {
  const clauses: Prisma.OpportunityWhereInput[] = [];
  if (filters.deadlineFrom) clauses.push({ responseDeadline: { gte: utcDay(filters.deadlineFrom) } });
  // "To" includes the whole named day.
  if (filters.deadlineTo) clauses.push({ responseDeadline: { lt: new Date(utcDay(filters.deadlineTo).getTime() + DAY_MS) } });
  if (filters.deadlineWithinDays !== undefined) {
    clauses.push({ responseDeadline: { gte: now, lte: new Date(now.getTime() + filters.deadlineWithinDays * DAY_MS) } });
  }
  return clauses;
}

/** The Prisma where of a filter set; `now` anchors "deadline within N days". */
export function opportunityWhere(filters: OpportunityFilters, now: Date): Prisma.OpportunityWhereInput {
  const and: Prisma.OpportunityWhereInput[] = [];
  const q = filters.q?.trim();
  if (q) {
    and.push({ OR: [{ title: contains(q) }, { solicitationNumber: contains(q) }, { noticeId: contains(q) }] });
  }
  if (filters.naics?.length) and.push({ OR: filters.naics.map((prefix) => ({ naicsCode: { startsWith: prefix } })) });
  if (filters.setAside?.length) and.push({ setAside: { in: filters.setAside } });
  if (filters.noticeType?.length) and.push({ noticeType: { in: filters.noticeType } });
  if (filters.agency?.trim()) and.push(...agencyWords(filters.agency.trim()));
  if (filters.state) and.push({ placeState: filters.state });
  and.push(...deadlineClauses(filters, now));
  if (filters.fitMin !== undefined) and.push({ fitScore: { gte: filters.fitMin } });
  if (filters.status?.length) and.push({ status: { in: [...filters.status] } });
  if (filters.excludeNoBid) and.push({ status: { not: "NO_BID" } });
  return and.length ? { AND: and } : {};
}

/** The order of a sort: the chosen column with empty values last, then id so pages never overlap. */
export function opportunityOrderBy(query: Pick<OpportunityQuery, "sort" | "dir">): Prisma.OpportunityOrderByWithRelationInput[] {
  const column = { fit: "fitScore", deadline: "responseDeadline", posted: "postedAt" } as const;
  return [{ [column[query.sort]]: { sort: query.dir, nulls: "last" } }, { id: query.dir }];
}
