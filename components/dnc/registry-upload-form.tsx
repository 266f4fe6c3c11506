"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { DNC_KIND_LABELS, DNC_REGISTRY_KINDS, MAX_REGISTRY_BYTES } from "@/lib/dnc/schema";

type Errors = Partial<Record<"kind" | "name" | "downloadedAt" | "file" | "form", string>>;
type Loaded = { numberCount: number; duplicates: number; invalidLines: number; samples: { line: number; text: string }[] };

const err = (id: string, message: string | undefined) => (message ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {});

/**
 * Posts the registry file with XMLHttpRequest, whose upload progress fetch does not report:
 * the server parses the numbers as they arrive, so the bar is the import's progress too,
 * until the copy is stored and put in force.
 */
function postRegistry(form: FormData, file: File, onProgress: (fraction: number) => void): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/dnc/registries");
    request.responseType = "json";
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => resolve({ status: 0, body: { error: "The upload failed: check your connection and try again." } });
    request.onload = () => resolve({ status: request.status, body: (request.response ?? {}) as Record<string, unknown> });
    form.append("fileSize", String(file.size));
    form.append("file", file, file.name);
    request.send(form);
  });
}

const counted = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

export function RegistryUploadForm({ today }: { today: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    data.delete("file");
    setLoaded(null);
    if (!(file instanceof File) || file.size === 0) return setErrors({ file: "Choose the registry file (.txt or .csv)" });
    if (file.size > MAX_REGISTRY_BYTES) return setErrors({ file: `The file is larger than ${MAX_REGISTRY_BYTES / 1048576} MB` });
    setErrors({});
    setProgress(0);
    const { status, body } = await postRegistry(data, file, setProgress);
    setProgress(null);
    if (status === 201) {
      setLoaded(body as unknown as Loaded);
      formRef.current?.reset();
      router.refresh();
      return;
    }
    const issue = (body.issues as { path?: (string | number)[]; message: string }[] | undefined)?.[0];
    const field = String(issue?.path?.[0] ?? body.field ?? "form") as keyof Errors;
    const message = issue?.message ?? (body.error as string | undefined) ?? `The server answered ${status}`;
    setErrors({ [field in { kind: 1, name: 1, downloadedAt: 1, file: 1 } ? field : "form"]: message });
    router.refresh();
  }

  const uploading = progress !== null;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Upload a registry copy" className="grid gap-4">
      <div className="grid items-start gap-3 md:grid-cols-2">
        <FormField label="Registry" htmlFor="dnc-kind" error={errors.kind} required>
          <NativeSelect id="dnc-kind" name="kind" defaultValue="US_NATIONAL" {...err("dnc-kind", errors.kind)}>
            {DNC_REGISTRY_KINDS.map((kind) => <option key={kind} value={kind}>{DNC_KIND_LABELS[kind]}</option>)}
          </NativeSelect>
        </FormField>
        <FormField label="Name" htmlFor="dnc-name" error={errors.name} hint="Leave empty for one copy per registry; name copies to keep several (e.g. by area code). A copy with the same name is replaced.">
          <Input id="dnc-name" name="name" maxLength={80} placeholder="e.g. Area codes 212, 646" {...err("dnc-name", errors.name)} />
        </FormField>
        <FormField label="Downloaded on" htmlFor="dnc-downloaded" error={errors.downloadedAt} hint="The day you downloaded this copy from the registry (UTC). Empty means today.">
          <Input id="dnc-downloaded" name="downloadedAt" type="date" max={today} {...err("dnc-downloaded", errors.downloadedAt)} />
        </FormField>
        <FormField label="File" htmlFor="dnc-file" error={errors.file} required hint="One 10-digit number a line, or “area code,number” CSV, as the registries' downloads are.">
          <Input id="dnc-file" name="file" type="file" accept=".txt,.csv,text/plain,text/csv" {...err("dnc-file", errors.file)} />
        </FormField>
      </div>
      {errors.form && <p role="alert" className="text-sm text-destructive">{errors.form}</p>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={uploading}>{uploading ? "Uploading..." : "Upload copy"}</Button>
        {uploading && (
          <div className="flex min-w-0 flex-1 items-center gap-3">
            <progress className="h-2 w-full max-w-xs" max={1} value={progress} aria-label="Upload progress" />
            <span className="text-sm text-muted-foreground" aria-live="polite">
              {progress < 1 ? `${Math.round(progress * 100)}% read` : "Storing the copy..."}
            </span>
          </div>
        )}
      </div>
      {loaded && (
        <div role="status" className="rounded-md border p-3 text-sm">
          {`Loaded ${counted(loaded.numberCount, "number")}`}
          {loaded.duplicates > 0 && `, ${loaded.duplicates.toLocaleString("en-US")} repeated`}
          {`; ${counted(loaded.invalidLines, "invalid line")}.`}
          {loaded.samples.length > 0 && (
            <ul className="mt-2 list-disc pl-5 text-xs text-muted-foreground">
              {loaded.samples.map((s) => <li key={s.line} className="break-all">{`Line ${s.line}: ${s.text || "(blank)"}`}</li>)}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
