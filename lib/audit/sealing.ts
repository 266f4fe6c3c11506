/**
 * The audit log is append-only, so a person's data in it cannot be erased by rewriting rows:
 * it is sealed instead (crypto-shredding). recordAudit lifts the personal parts of an event
 * (lib/audit/personal.ts), seals them under the keys of the people they concern and stores
 * the envelope in `after.$sealed`; reading opens it while the keys exist, and shows
 * "[erased]" in their places once an erasure destroyed one.
 */
import type { AuditEvent } from "@/generated/prisma/client";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ensurePersonKeys, loadPersonKeys } from "@/lib/privacy/person-keys";
import { isSealedEnvelope, openValue, sealValue, type SealedEnvelope } from "@/lib/privacy/seal";
import { restorePersonal, SEALED_FIELD, splitPersonal, type AuditFields, type JsonPath, type LiftedValue, type SealedColumn } from "./personal";

interface StoredSeal extends SealedEnvelope {
  /** Where each sealed value goes back, in order. */
  p: { c: SealedColumn; p: JsonPath }[];
  /** The readable `after` when it was not an object (or absent: null). */
  a?: unknown;
  /** `after` was an object: the readable fields are around `$sealed`. */
  o: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The event as stored: personal parts replaced by a mark and sealed into `after.$sealed`. */
export async function sealAuditFields(db: TenantDb | TenantTransaction, event: AuditFields): Promise<AuditFields> {
  const split = splitPersonal(event);
  if (split.lifted.length === 0) return event;
  const keys = await ensurePersonKeys(db, split.subjects);
  const envelope = sealValue(split.lifted.map((item) => item.value), keys);
  const after = split.fields.after;
  const seal: StoredSeal = { ...envelope, p: split.lifted.map((item) => ({ c: item.column, p: item.path })), o: isPlainObject(after), ...(isPlainObject(after) ? {} : { a: after ?? null }) };
  return { ...split.fields, after: isPlainObject(after) ? { ...after, [SEALED_FIELD]: seal } : { [SEALED_FIELD]: seal } };
}

function storedSeal(after: unknown): StoredSeal | null {
  const seal = isPlainObject(after) ? after[SEALED_FIELD] : null;
  return isSealedEnvelope(seal) && Array.isArray((seal as StoredSeal).p) ? (seal as StoredSeal) : null;
}

export type PersonalDataState = "open" | "erased" | null;
export type OpenedAuditEvent = AuditEvent & { personalData: PersonalDataState };

function withoutSeal(after: unknown, seal: StoredSeal): unknown {
  if (!seal.o) return seal.a ?? null;
  const rest = { ...(after as Record<string, unknown>) };
  delete rest[SEALED_FIELD];
  return rest;
}

/** Opens the sealed parts of events whose keys still exist; the others show "[erased]". */
export async function openAuditEvents(db: TenantDb | TenantTransaction, events: readonly AuditEvent[]): Promise<OpenedAuditEvent[]> {
  const seals = events.map((event) => storedSeal(event.after));
  const keys = await loadPersonKeys(db, seals.flatMap((seal) => seal?.k ?? []));
  return events.map((event, index) => {
    const seal = seals[index];
    if (!seal) return { ...event, personalData: null };
    const opened = openValue(seal, keys);
    const paths = seal.p.map((p) => ({ column: p.c, path: p.p }));
    const lifted: LiftedValue[] | null = opened && Array.isArray(opened.value)
      ? (opened.value as unknown[]).map((value, i) => ({ ...paths[i], value }))
      : null;
    const restored = restorePersonal({ ...event, after: withoutSeal(event.after, seal) } as AuditEvent, lifted, paths);
    return { ...restored, personalData: lifted ? "open" : "erased" };
  });
}
