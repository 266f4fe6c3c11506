/** Issuing and honouring signed document links (./links) against the workspace's stored files. */
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { fileLinkSecret, FILE_LINK_TTL_MS, signedFileUrl, signFileLink, verifyFileLink } from "./links";
import { readStoredFile, type StoredFileView } from "./service";

export interface SignedFileLink {
  url: string;
  expiresAt: Date;
}

function secretOrFail(secret: string | null): string {
  if (!secret) throw new Error("The server has no AUTH_SECRET to sign download links: an administrator must set it");
  return secret;
}

/** A short-lived link to one of this workspace's files for `holder` ("user:<id>" or "key:<id>"). */
export function issueFileLink(db: TenantDb, fileId: string, holder: string, options: { now?: Date; secret?: string | null } = {}): SignedFileLink {
  const now = options.now ?? new Date();
  const secret = secretOrFail(options.secret === undefined ? fileLinkSecret() : options.secret);
  const token = signFileLink({ fileId, tenantId: db.tenantId, holder }, secret, now);
  return { url: signedFileUrl(fileId, token), expiresAt: new Date(now.getTime() + FILE_LINK_TTL_MS - (now.getTime() % 1000)) };
}

/**
 * The file a signed link opens, for the holder presenting it. Throws ExpectedError not_found
 * (404) for a file this workspace does not have, forbidden (403) for a link that is expired,
 * altered, or signed for another holder, file or workspace.
 */
export async function openSignedFile(
  db: TenantDb,
  fileId: string,
  token: string | null,
  holder: string,
  options: { now?: Date; secret?: string | null } = {},
): Promise<{ file: StoredFileView; bytes: Uint8Array }> {
  const secret = secretOrFail(options.secret === undefined ? fileLinkSecret() : options.secret);
  const stored = await readStoredFile(db, fileId);
  if (!stored) throw new ExpectedError("not_found", "This file does not exist");
  const check = verifyFileLink(token, { fileId, tenantId: db.tenantId, holder }, secret, options.now ?? new Date());
  if (!check.ok) {
    throw new ExpectedError("forbidden", check.reason === "expired" ? "This download link has expired: open the document again for a new one" : "This download link is not yours: open the document from the deal");
  }
  return stored;
}
