/**
 * Receives a registry upload: multipart with `kind`, `name`, `downloadedAt` and `fileSize`,
 * then `file`. The file is parsed as it arrives (nothing is written to disk); permission is
 * checked by the caller before a byte of the body is read.
 */
import type { AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { boundaryOf, readMultipart } from "@/lib/imports/multipart";
import { startRegistryLoad, type RegistryLoad, type RegistryLoadResult } from "./load";
import { MAX_REGISTRY_BYTES, RegistryUploadFields, registryName } from "./schema";

function fieldsOf(received: Record<string, string>) {
  const parsed = RegistryUploadFields.safeParse(received);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ExpectedError("invalid", issue?.message ?? "Invalid upload", issue?.path.map(String).join(".") || undefined);
}

export async function receiveRegistryUpload(
  db: TenantDb,
  body: AsyncIterable<Uint8Array>,
  contentType: string | null,
  ctx: AuditContext,
): Promise<RegistryLoadResult> {
  const boundary = boundaryOf(contentType);
  let load: RegistryLoad | null = null;
  try {
    const result = await readMultipart(body, boundary, {
      maxFileBytes: MAX_REGISTRY_BYTES,
      async openFile(fileName, received) {
        if (!/\.(csv|txt)$/i.test(fileName)) throw new ExpectedError("invalid", "Choose a .txt or .csv file", "file");
        if (load) throw new ExpectedError("bad_request", "Send one file per upload", "file");
        const fields = fieldsOf(received);
        load = await startRegistryLoad(db, { kind: fields.kind, name: registryName(fields.kind, fields.name), downloadedAt: fields.downloadedAt, totalBytes: fields.fileSize }, ctx);
        return { write: (chunk) => load!.write(chunk) };
      },
    });
    if (!load || !result.file) throw new ExpectedError("bad_request", "Choose a registry file to upload", "file");
    return await (load as RegistryLoad).finish({ complete: result.complete });
  } catch (error) {
    await (load as RegistryLoad | null)?.fail(error);
    throw error;
  }
}
