import type { ImportConsentDefault } from "@/lib/imports/consent";
import type { ImportKind } from "@/lib/imports/schema";

export type UploadResult = { ok: true; jobId: string } | { ok: false; error: string };

/**
 * Posts the file with its kind and mapping. XMLHttpRequest rather than fetch: fetch reports no
 * upload progress, and a 50 MB file on a slow line needs a bar. The text fields go first,
 * so the server can refuse a bad mapping before storing the file.
 */
export function uploadImport(
  kind: ImportKind,
  file: File,
  mapping: readonly { header: string; field: string | null }[],
  consentDefault: ImportConsentDefault | null,
  onProgress: (fraction: number) => void,
  /** The lead list a deals import fills; blank names it after the file. */
  listName = "",
): Promise<UploadResult> {
  const form = new FormData();
  form.append("kind", kind);
  form.append("mapping", JSON.stringify(mapping));
  if (consentDefault && kind !== "COMPS") form.append("consentDefault", JSON.stringify(consentDefault));
  if (kind === "DEALS" && listName.trim()) form.append("listName", listName.trim());
  form.append("fileSize", String(file.size));
  form.append("file", file, file.name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/imports");
    request.responseType = "json";
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => resolve({ ok: false, error: "The upload failed: check your connection and try again." });
    request.onload = () => {
      const body = (request.response ?? {}) as { jobId?: string; error?: string; issues?: { message: string }[]; reference?: string };
      if (request.status < 300 && body.jobId) return resolve({ ok: true, jobId: body.jobId });
      const detail = body.issues?.[0]?.message ?? body.error ?? `The server answered ${request.status}`;
      resolve({ ok: false, error: body.reference ? `${detail} (reference ${body.reference})` : detail });
    };
    request.send(form);
  });
}
