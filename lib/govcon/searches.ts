/**
 * Saved opportunity searches: a member saves the opportunities page's filters with a minimum
 * fit and how to be told; lib/govcon/alerts.ts tells them of new and amended matches. A
 * member sees and edits their own; managers see every search of the workspace.
 */
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { OpportunityFilters } from "./filters";
import { opportunityWhere } from "./opportunity-where";
import type { AlertChannel, SavedSearchInput, SavedSearchUpdate, SearchDelivery } from "./search-schema";

export interface SavedSearchView {
  id: string;
  name: string;
  ownerId: string;
  ownerEmail: string | null;
  filters: OpportunityFilters;
  minFit: number;
  delivery: SearchDelivery;
  channels: AlertChannel[];
  /** Opportunities the search matches now (filters and minimum fit). */
  matchesNow: number;
  lastDigestAt: string | null;
  createdAt: string;
}

/** Who acts: the member, and whether they may see every member's searches. */
export interface SearchActor {
  userId: string | null;
  seesAll?: boolean;
}

type SearchRow = Awaited<ReturnType<TenantDb["govConSearch"]["findFirstOrThrow"]>>;

function filtersOfRow(row: { filters: Prisma.JsonValue }): OpportunityFilters {
  const parsed = OpportunityFilters.safeParse(row.filters ?? {});
  return parsed.success ? parsed.data : {};
}

/** The Prisma where of a saved search: its filters and its minimum fit. */
export function savedSearchWhere(search: { filters: OpportunityFilters; minFit: number }, now: Date): Prisma.OpportunityWhereInput {
  const where = opportunityWhere(search.filters, now);
  return search.minFit > 0 ? { AND: [where, { fitScore: { gte: search.minFit } }] } : where;
}

async function viewOf(db: TenantDb, row: SearchRow, emails: Map<string, string>, now: Date): Promise<SavedSearchView> {
  const filters = filtersOfRow(row);
  const matchesNow = await db.opportunity.count({ where: savedSearchWhere({ filters, minFit: row.minFit }, now) });
  return {
    id: row.id,
    name: row.name,
    ownerId: row.ownerId,
    ownerEmail: emails.get(row.ownerId) ?? null,
    filters,
    minFit: row.minFit,
    delivery: row.delivery,
    channels: row.channels as AlertChannel[],
    matchesNow,
    lastDigestAt: row.lastDigestAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The workspace's members and their addresses: searches and alerts belong only to people still on the team. */
export async function memberEmails(db: TenantDb): Promise<Map<string, string>> {
  const members = await db.membership.findMany({ select: { userId: true, user: { select: { email: true } } } });
  return new Map(members.map((m) => [m.userId, m.user.email]));
}

/** The actor's searches (every member's for one who sees all), newest first, with their matches now. */
export async function listSavedSearches(db: TenantDb, actor: SearchActor, now = new Date()): Promise<SavedSearchView[]> {
  const where = actor.seesAll || actor.userId === null ? {} : { ownerId: actor.userId };
  const rows = await db.govConSearch.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200 });
  const emails = await memberEmails(db);
  return Promise.all(rows.map((row) => viewOf(db, row, emails, now)));
}

/** The member a search belongs to: the actor, else (a key bound to nobody) the member named by ownerEmail. */
async function resolveOwner(db: TenantDb, actor: SearchActor, ownerEmail: string | undefined): Promise<string> {
  if (actor.userId) return actor.userId;
  if (!ownerEmail) throw new ExpectedError("invalid", "Name the member the search belongs to (this API key acts for no member)", "ownerEmail");
  const member = await db.membership.findFirst({ where: { user: { email: ownerEmail } }, select: { userId: true } });
  if (!member) throw new ExpectedError("invalid", "No member of this workspace has that email address", "ownerEmail");
  return member.userId;
}

function fieldsOf(input: SavedSearchInput) {
  return { name: input.name, filters: input.filters as Prisma.InputJsonObject, minFit: input.minFit, delivery: input.delivery, channels: input.channels };
}

export async function createSavedSearch(db: TenantDb, input: SavedSearchInput, actor: SearchActor, ctx: AuditContext, now = new Date()): Promise<SavedSearchView> {
  const ownerId = await resolveOwner(db, actor, input.ownerEmail);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.govConSearch.create({ data: { ownerId, ...fieldsOf(input) } });
    await recordAudit(tx, { action: "govcon.search.created", entity: "GovConSearch", entityId: created.id, after: fieldsOf(input) }, ctx);
    return created;
  });
  return viewOf(db, row, await memberEmails(db), now);
}

/** The actor's own search; another member's is not found (nobody edits someone else's alerts). */
async function ownSearch(db: TenantDb, searchId: string, actor: SearchActor): Promise<SearchRow> {
  const row = await db.govConSearch.findFirst({ where: { id: searchId } });
  if (!row || (actor.userId !== null && row.ownerId !== actor.userId)) throw new ExpectedError("not_found", "That saved search was not found", "searchId");
  return row;
}

export async function updateSavedSearch(db: TenantDb, input: SavedSearchUpdate, actor: SearchActor, ctx: AuditContext, now = new Date()): Promise<SavedSearchView> {
  const before = await ownSearch(db, input.searchId, actor);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.govConSearch.update({ where: { id: before.id }, data: fieldsOf(input) });
    await recordAudit(
      tx,
      { action: "govcon.search.updated", entity: "GovConSearch", entityId: before.id, before: { name: before.name, filters: before.filters, minFit: before.minFit, delivery: before.delivery, channels: before.channels }, after: fieldsOf(input) },
      ctx,
    );
    return updated;
  });
  return viewOf(db, row, await memberEmails(db), now);
}

/** Deletes the search and the alerts still waiting for its digest; alerts already told stay as history. */
export async function deleteSavedSearch(db: TenantDb, searchId: string, actor: SearchActor, ctx: AuditContext): Promise<{ id: string }> {
  const before = await ownSearch(db, searchId, actor);
  await db.$transaction(async (tx) => {
    await tx.govConAlert.deleteMany({ where: { searchId: before.id, deliveredAt: null } });
    await tx.govConSearch.delete({ where: { id: before.id } });
    await recordAudit(tx, { action: "govcon.search.deleted", entity: "GovConSearch", entityId: before.id, before: { name: before.name, filters: before.filters } }, ctx);
  });
  return { id: before.id };
}

export interface RecentAlert {
  id: string;
  kind: string;
  summary: string;
  noticeId: string | null;
  searchName: string | null;
  /** Null while it waits for the daily digest. */
  deliveredAt: string | null;
  createdAt: string;
}

/** The member's latest alerts, newest first, told or waiting for the digest. */
export async function listRecentAlerts(db: TenantDb, userId: string, take = 20): Promise<RecentAlert[]> {
  const alerts = await db.govConAlert.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take });
  const [notices, searches] = await Promise.all([
    db.opportunity.findMany({ where: { id: { in: [...new Set(alerts.map((a) => a.opportunityId))] } }, select: { id: true, noticeId: true } }),
    db.govConSearch.findMany({ where: { id: { in: [...new Set(alerts.map((a) => a.searchId).filter((id): id is string => Boolean(id)))] } }, select: { id: true, name: true } }),
  ]);
  const noticeOf = new Map(notices.map((o) => [o.id, o.noticeId]));
  const searchOf = new Map(searches.map((s) => [s.id, s.name]));
  return alerts.map((a) => ({
    id: a.id,
    kind: a.kind,
    summary: a.summary,
    noticeId: noticeOf.get(a.opportunityId) ?? null,
    searchName: a.searchId ? (searchOf.get(a.searchId) ?? null) : null,
    deliveredAt: a.deliveredAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  }));
}
