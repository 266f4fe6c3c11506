/**
 * Erasure and access requests. Filing stores the identifiers sealed under the person's key
 * and sets the 24-hour deadline; processing (the privacy engine, Run now, or the CLI) widens
 * the identity through the areas' erasers, then runs every eraser, adds the suppression
 * hashes and destroys the person's keys in one transaction, and records per-table counts.
 */
import { randomUUID } from "node:crypto";
import type { PrivacyRequest } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { ExpectedError } from "@/lib/errors";
import { emailSubject, emptyIdentity, identitySubjects, keyedHash, normalizeName, phoneSubject, recordSubject, widenIdentity, type PersonIdentity } from "./identity";
import { destroyPersonKeys, ensurePersonKeys, loadPersonKeys } from "./person-keys";
import { PERSON_ERASERS } from "./registry";
import { PrivacyRequestInput } from "./schema";
import { isSealedEnvelope, openValue, sealValue } from "./seal";
import { addSuppressions } from "./suppression";

export const DEADLINE_MS = 24 * 3_600_000;
/** After this many failed passes a request is marked FAILED for a person to look at. */
export const MAX_ATTEMPTS = 5;

export type GivenIdentifiers = Omit<PrivacyRequestInput, "kind">;

/** Pure: the identity a request names, normalized. The street is the address's first part. */
export function identityFromGiven(given: GivenIdentifiers): PersonIdentity {
  return widenIdentity(emptyIdentity(), {
    phones: given.phone ? [given.phone] : [],
    emails: given.email ? [given.email] : [],
    names: given.name ? [given.name] : [],
    streets: given.address ? [given.address.split(",")[0]] : [],
  });
}

/** Keyed hashes of what a request names: how requests about the same person find each other. */
export function requestSubjectHashes(given: GivenIdentifiers): string[] {
  const phone = normalizePhone(given.phone);
  const email = normalizeEmail(given.email);
  return [
    ...(phone ? [keyedHash(phoneSubject(phone))] : []),
    ...(email ? [keyedHash(emailSubject(email))] : []),
    ...(given.name && given.address ? [keyedHash(`name-address:${normalizeName(given.name)}|${normalizeName(given.address.split(",")[0])}`)] : []),
  ];
}

function givenSubjects(given: GivenIdentifiers, requestId: string): string[] {
  const phone = normalizePhone(given.phone);
  const email = normalizeEmail(given.email);
  return [...(phone ? [phoneSubject(phone)] : []), ...(email ? [emailSubject(email)] : []), recordSubject("PrivacyRequest", requestId)];
}

export async function filePrivacyRequest(db: TenantDb, input: unknown, ctx: AuditContext): Promise<PrivacyRequest> {
  const parsed = PrivacyRequestInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExpectedError("invalid", issue.message, issue.path.map(String).join(".") || undefined);
  }
  const { kind, ...given } = parsed.data;
  const id = randomUUID();
  const requestedAt = new Date();
  return db.$transaction(async (tx) => {
    const keys = await ensurePersonKeys(tx, givenSubjects(given, id));
    const request = await tx.privacyRequest.create({
      data: {
        id, kind, requestedAt, deadline: new Date(requestedAt.getTime() + DEADLINE_MS),
        identifiers: { ...sealValue(given, keys) },
        subjectHashes: requestSubjectHashes(given),
        requestedById: ctx.actorId,
      },
    });
    await recordAudit(tx, { action: "privacy.requested", entity: "PrivacyRequest", entityId: id, after: { kind, deadline: request.deadline.toISOString(), contact: given } }, ctx);
    return request;
  });
}

/** The identifiers as given, or null once the person was erased (their key is gone). */
export async function openIdentifiers(db: TenantDb | TenantTransaction, request: Pick<PrivacyRequest, "identifiers">): Promise<GivenIdentifiers | null> {
  if (!isSealedEnvelope(request.identifiers)) return null;
  const opened = openValue(request.identifiers, await loadPersonKeys(db, request.identifiers.k));
  return opened ? (opened.value as GivenIdentifiers) : null;
}

async function discoverIdentity(db: TenantDb, given: GivenIdentifiers): Promise<PersonIdentity> {
  let identity = identityFromGiven(given);
  for (const eraser of PERSON_ERASERS) if (eraser.discover) identity = widenIdentity(identity, await eraser.discover(db, identity));
  return identity;
}

export type ErasureProof = Record<string, number>;

async function erasePerson(db: TenantDb, request: PrivacyRequest, given: GivenIdentifiers, ctx: AuditContext): Promise<ErasureProof> {
  const identity = await discoverIdentity(db, given);
  return db.$transaction(async (tx) => {
    const counts: ErasureProof = {};
    const subjects: string[] = [];
    for (const eraser of PERSON_ERASERS) {
      const result = await eraser.erase(tx, identity);
      for (const [table, count] of Object.entries(result.counts)) counts[table] = (counts[table] ?? 0) + count;
      subjects.push(...(result.subjects ?? []));
    }
    // Earlier requests about the same person: their sealed identifiers go with the keys.
    const related = await tx.privacyRequest.findMany({ where: { OR: [{ id: request.id }, { subjectHashes: { hasSome: request.subjectHashes } }] }, select: { id: true } });
    subjects.push(...related.map((r) => recordSubject("PrivacyRequest", r.id)));
    counts.Suppression = await addSuppressions(tx, identity, request.id);
    counts.PersonKey = await destroyPersonKeys(tx, identitySubjects(identity, subjects));
    await finish(tx, request, counts, ctx);
    return counts;
  }, { timeout: 300_000 });
}

async function collectPerson(db: TenantDb, given: GivenIdentifiers) {
  const identity = await discoverIdentity(db, given);
  const tables: Record<string, unknown[]> = {};
  for (const eraser of PERSON_ERASERS) Object.assign(tables, await eraser.collect(db, identity));
  return tables;
}

async function finish(tx: TenantTransaction, request: PrivacyRequest, proof: ErasureProof, ctx: AuditContext) {
  await tx.privacyRequest.update({ where: { id: request.id }, data: { status: "COMPLETED", completedAt: new Date(), proof, lastError: null, attempts: { increment: 1 } } });
  await recordAudit(tx, { action: request.kind === "ERASURE" ? "privacy.erased" : "privacy.access_completed", entity: "PrivacyRequest", entityId: request.id, after: { kind: request.kind, proof } }, ctx);
}

/** Processes one pending request now. Failures are recorded without personal detail and retried. */
export async function processPrivacyRequest(db: TenantDb, requestId: string, ctx: AuditContext): Promise<PrivacyRequest> {
  const request = await db.privacyRequest.findFirst({ where: { id: requestId } });
  if (!request) throw new ExpectedError("not_found", "That request does not exist.");
  if (request.status === "COMPLETED") return request;
  try {
    const given = await openIdentifiers(db, request);
    if (!given) throw new Error("The identifiers of this request can no longer be read");
    if (request.kind === "ERASURE") await erasePerson(db, request, given, ctx);
    else {
      const tables = await collectPerson(db, given);
      const proof = Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.length]));
      await db.$transaction((tx) => finish(tx, request, proof, ctx));
    }
  } catch (error) {
    // Database errors may quote the values they choked on: keep only the kind of failure.
    const code = (error as { code?: unknown }).code;
    const reason = `${(error as Error).name ?? "Error"}${typeof code === "string" ? ` ${code}` : ""}`;
    const attempts = request.attempts + 1;
    await db.privacyRequest.update({ where: { id: request.id }, data: { attempts, lastError: reason, status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING" } });
    throw error;
  }
  return db.privacyRequest.findFirstOrThrow({ where: { id: request.id } });
}

/** The engine's pass: every pending request, most urgent first. */
export async function processDuePrivacyRequests(db: TenantDb, options: { limit?: number } = {}) {
  const pending = await db.privacyRequest.findMany({ where: { status: "PENDING" }, orderBy: { deadline: "asc" }, take: options.limit ?? 50, select: { id: true } });
  const system: AuditContext = { actorId: null, actorEmail: null, requestId: undefined };
  let processed = 0;
  const failed: string[] = [];
  for (const { id } of pending) {
    try {
      await processPrivacyRequest(db, id, system);
      processed += 1;
    } catch {
      failed.push(id);
    }
  }
  if (pending.length > 0 && failed.length === pending.length) throw new Error(`None of ${pending.length} privacy request(s) could be processed`);
  return { processed, failed: failed.length, pending: pending.length };
}

/** An access request's export, built from what is held now. */
export async function exportPersonData(db: TenantDb, given: GivenIdentifiers) {
  return { generatedAt: new Date().toISOString(), identifiers: given, tables: await collectPerson(db, given) };
}

export async function accessExportFor(db: TenantDb, requestId: string) {
  const request = await db.privacyRequest.findFirst({ where: { id: requestId, kind: "ACCESS" } });
  if (!request) throw new ExpectedError("not_found", "That access request does not exist.");
  const given = await openIdentifiers(db, request);
  if (!given) throw new ExpectedError("conflict", "This person has since been erased; there is nothing to export.");
  return exportPersonData(db, given);
}

export async function listPrivacyRequests(db: TenantDb) {
  const rows = await db.privacyRequest.findMany({ orderBy: { requestedAt: "desc" }, take: 200 });
  return Promise.all(rows.map(async (row) => ({ ...row, given: await openIdentifiers(db, row) })));
}
