/**
 * Stored files (deal photos): the bytes in the workspace's file store, a StoredFile row with
 * their name, type, size and SHA-256. lib/files owns the StoredFile table.
 */
import { createHash, randomUUID } from "node:crypto";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { fileStoreFor, fileStoreOf, objectKey, type StorageBackend } from "@/lib/providers/storage";
import { checkPdfDocument, cleanDocumentName } from "./documents";
import { cleanFileName, MAX_FILE_BYTES, sniffImageType, type ImageType } from "./sniff";

export const FILE_PURPOSES = ["deal_photo", "deal_memo", "mail_proof"] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export interface StoreFileInput {
  purpose: FilePurpose;
  dealId?: string | null;
  fileName: string;
  /** What the sender said it is; the stored type is what the bytes are. */
  contentType: string;
  bytes: Uint8Array;
  createdById?: string | null;
  /** The document's version among the deal's files of this purpose (memos: 1, 2, 3...). */
  version?: number;
}

export interface StoredFileView {
  id: string;
  purpose: string;
  dealId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  version: number;
  createdAt: Date;
  /** Where a signed-in member of the workspace downloads it. */
  url: string;
}

const MEGABYTE = 1024 * 1024;

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/**
 * Pure: the image type of an upload, or the refusal: 413 over 15 MB, 415 when the bytes are
 * not a JPEG, PNG, WebP or HEIC/HEIF image. `field` names the form field in the refusal.
 */
export function checkImageUpload(bytes: Uint8Array, fileName: string, field = "photos"): ImageType {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ExpectedError("too_large", `${fileName || "A photo"} is ${(bytes.byteLength / MEGABYTE).toFixed(1)} MB; photos can be at most ${MAX_FILE_BYTES / MEGABYTE} MB`, field);
  }
  if (bytes.byteLength === 0) throw new ExpectedError("invalid", `${fileName || "A photo"} is empty`, field);
  const type = sniffImageType(bytes);
  if (!type) throw new ExpectedError("unsupported_media_type", `${fileName || "This file"} is not a photo: send a JPEG, PNG, WebP or HEIC image`, field);
  return type;
}

type StoredFileRow = { id: string; purpose: string; dealId: string | null; fileName: string; contentType: string; size: number; sha256: string; version: number; createdAt: Date };

const view = (row: StoredFileRow): StoredFileView => ({
  id: row.id,
  purpose: row.purpose,
  dealId: row.dealId,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  sha256: row.sha256,
  version: row.version,
  createdAt: row.createdAt,
  url: fileUrl(row.id),
});

/** The upload's type and stored name, checked as what its purpose says it is: a memo or a mail proof is a PDF, everything else a photo. */
function checkedUpload(input: StoreFileInput): { type: string; fileName: string } {
  if (input.purpose === "deal_memo" || input.purpose === "mail_proof") return { type: checkPdfDocument(input.bytes, input.fileName), fileName: cleanDocumentName(input.fileName) };
  const image = checkImageUpload(input.bytes, input.fileName);
  return { type: image, fileName: cleanFileName(input.fileName, image) };
}

/**
 * Checks and stores one file: the object first, then its row; when the row cannot be
 * written the object is removed again, so neither exists without the other.
 */
export async function storeFile(db: TenantDb, input: StoreFileInput): Promise<StoredFileView> {
  const { type, fileName } = checkedUpload(input);
  const store = await fileStoreFor(db);
  const id = randomUUID();
  const key = objectKey(db.tenantId, input.purpose, id);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  await store.put(key, input.bytes, type);
  try {
    const row = await db.storedFile.create({
      data: {
        id,
        purpose: input.purpose,
        dealId: input.dealId ?? null,
        key,
        backend: store.backend,
        fileName,
        version: input.version ?? 1,
        contentType: type,
        size: input.bytes.byteLength,
        sha256,
        createdById: input.createdById ?? null,
      },
    });
    return view(row);
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
}

/** A file of this workspace with its bytes, or null (another workspace's id reads as none). */
export async function readStoredFile(db: TenantDb, id: string): Promise<{ file: StoredFileView; bytes: Uint8Array } | null> {
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return null;
  const row = await db.storedFile.findFirst({ where: { id } });
  if (!row) return null;
  const store = await fileStoreOf(db, row.backend as StorageBackend);
  const bytes = await store.get(row.key);
  if (!bytes) return null;
  return { file: view(row), bytes };
}

/** A deal's files of one purpose (its photos unless told), oldest first (the order they were taken in). */
export async function listDealFiles(db: TenantDb, dealId: string, purpose: FilePurpose = "deal_photo"): Promise<StoredFileView[]> {
  const rows = await db.storedFile.findMany({ where: { dealId, purpose }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 200 });
  return rows.map(view);
}

/** The SHA-256 digests of a deal's files, to skip a photo a resent capture already stored. */
export async function dealFileDigests(db: TenantDb, dealId: string): Promise<Set<string>> {
  const rows = await db.storedFile.findMany({ where: { dealId }, select: { sha256: true } });
  return new Set(rows.map((r) => r.sha256));
}
