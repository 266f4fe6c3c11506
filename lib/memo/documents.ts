/** A deal's documents as the Documents tab and API v1 show them: each with a fresh signed link for its viewer. */
import type { AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { issueFileLink, type StoredFileView } from "@/lib/files";
import { generateMemo, listDealDocuments } from "./service";

export interface DocumentView {
  id: string;
  dealId: string | null;
  kind: "investor_memo";
  version: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
  /** A signed link for the one who asked, valid until expiresAt. */
  downloadUrl: string;
  expiresAt: string;
}

export function documentView(db: TenantDb, file: StoredFileView, holder: string, now: Date = new Date()): DocumentView {
  const link = issueFileLink(db, file.id, holder, { now });
  return {
    id: file.id,
    dealId: file.dealId,
    kind: "investor_memo",
    version: file.version,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    createdAt: file.createdAt.toISOString(),
    downloadUrl: link.url,
    expiresAt: link.expiresAt.toISOString(),
  };
}

/** GET /api/v1/deals/{id}/documents and the Documents tab: newest first, each with its link. */
export async function dealDocumentsFor(db: TenantDb, dealId: string, holder: string): Promise<DocumentView[]> {
  const now = new Date();
  return (await listDealDocuments(db, dealId)).map((file) => documentView(db, file, holder, now));
}

/** POST /api/v1/deals/{id}/memo: a new memo version, with its link. */
export async function generateMemoFor(db: TenantDb, dealId: string, actor: AuditContext, holder: string): Promise<DocumentView> {
  return documentView(db, await generateMemo(db, dealId, actor), holder);
}
