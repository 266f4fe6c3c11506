import type { z } from "zod";
import type { ImportJob } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { isStorableText } from "@/lib/validation/text";
import { boundaryOf, readMultipart } from "./multipart";
import { createBuyerImportJob } from "./buyers";
import { createCompImportJob } from "./comps";
import { BuyerImportUploadFields, CompImportUploadFields, ImportKindField, ImportUploadFields, MAX_IMPORT_BYTES } from "./schema";
import { createImportJob } from "./service";
import { keepUpload, openUploadFile } from "./storage";

type UploadFile = Awaited<ReturnType<typeof openUploadFile>>;
type UploadFields =
  | ({ kind: "DEALS" } & z.infer<typeof ImportUploadFields>)
  | ({ kind: "BUYERS" } & z.infer<typeof BuyerImportUploadFields>)
  | ({ kind: "COMPS" } & z.infer<typeof CompImportUploadFields>);

/** The `kind` field (a lead list when absent) says which mapping the `mapping` field holds. */
function parseUploadFields(received: Record<string, string>): UploadFields {
  const kind = ImportKindField.parse(received.kind);
  if (kind === "COMPS") return { kind, ...CompImportUploadFields.parse(received) };
  return kind === "BUYERS" ? { kind, ...BuyerImportUploadFields.parse(received) } : { kind, ...ImportUploadFields.parse(received) };
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * Receives an import upload (multipart: `kind`, `mapping` and `fileSize` fields, then `file`),
 * streaming the file to disk while counting its rows, and creates the job for it. The
 * fields come first so a bad mapping is refused before a byte of the file is stored.
 */
export async function receiveImportUpload(
  db: TenantDb,
  body: AsyncIterable<Uint8Array>,
  contentType: string | null,
  ctx: AuditContext,
): Promise<ImportJob> {
  const boundary = boundaryOf(contentType);
  const upload: { fields?: UploadFields; file?: UploadFile } = {};
  try {
    const result = await readMultipart(body, boundary, {
      maxFileBytes: MAX_IMPORT_BYTES,
      async openFile(fileName, received) {
        if (!/\.(csv|txt)$/i.test(fileName)) throw new ExpectedError("invalid", "Choose a .csv file", "file");
        if (!isStorableText(fileName)) throw new ExpectedError("invalid", "The file name contains a NUL character or an unpaired surrogate: rename the file", "file");
        upload.fields = parseUploadFields(received);
        upload.file = await openUploadFile(db.tenantId);
        return upload.file;
      },
    });
    if (!result.file || !upload.file || !upload.fields) throw new ExpectedError("bad_request", "Choose a CSV file to import", "file");
    const stored = await upload.file.close();
    const declared = upload.fields.fileSize;
    if (!result.complete || stored.bytes !== declared) {
      // A proxy's body limit truncates an upload silently: say so rather than import half a file.
      throw new ExpectedError(
        "bad_request",
        `The upload was cut short: the server received ${megabytes(stored.bytes)} of ${megabytes(declared)}. Try again; if it stops at the same size, ask an admin to raise the server's upload limit.`,
        "file",
      );
    }
    const { fields } = upload;
    const job =
      fields.kind === "COMPS"
        ? await createCompImportJob(db, { fileName: result.file.fileName, mapping: fields.mapping, totalRows: stored.dataRows }, ctx)
        : fields.kind === "BUYERS"
        ? await createBuyerImportJob(db, { fileName: result.file.fileName, mapping: fields.mapping, consentDefault: fields.consentDefault, totalRows: stored.dataRows }, ctx)
        : await createImportJob(db, { fileName: result.file.fileName, mapping: fields.mapping, consentDefault: fields.consentDefault, totalRows: stored.dataRows, listName: fields.listName }, ctx);
    await keepUpload(stored, db.tenantId, job.id);
    return job;
  } catch (error) {
    await upload.file?.discard();
    throw error;
  }
}
