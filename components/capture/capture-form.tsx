"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps, type FieldErrors } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { CAPTURE_TAGS, CaptureInput, MAX_CAPTURE_PHOTOS } from "@/lib/capture/schema";
import { CaptureQueueList } from "./capture-queue-list";
import { listQueued, putQueued, removeQueued, requestBackgroundSync, sendQueued, type QueuedCapture } from "./capture-queue";
import { newClientKey } from "./client-key";
import { useLocation } from "./use-location";

interface FormValues {
  street: string;
  unit: string;
  postalCode: string;
  note: string;
  otherTag: string;
}

const RETRY_MS = 10_000;

const EMPTY: FormValues = { street: "", unit: "", postalCode: "", note: "", otherTag: "" };

/** The refusals of the shared schema, by field, as the form shows them. */
function errorsOf(issues: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path === "longitude" ? "latitude" : issue.path.split(".")[0] || "form";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * The capture page's form: location, address, tags, note and photos. A saved capture goes
 * to the queue on the phone first, then to the server; without signal it waits there.
 */
export function CaptureForm({ tenantId }: { tenantId: string }) {
  const location = useLocation();
  const [clientKey, setClientKey] = useState<string>(() => newClientKey());
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [tags, setTags] = useState<string[]>([]);
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string>("");
  const [queue, setQueue] = useState<QueuedCapture[]>([]);
  const [fixing, setFixing] = useState<QueuedCapture | null>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const sending = useRef(false);

  const refresh = useCallback(async () => setQueue(await listQueued(tenantId)), [tenantId]);

  /** Sends every capture still waiting, one at a time; a network failure stops the round. */
  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (const capture of await listQueued(tenantId)) {
        if (capture.state !== "waiting" && capture.state !== "sending") continue;
        const next = await sendQueued(capture);
        await refresh();
        if (next.state === "waiting") break;
      }
    } finally {
      sending.current = false;
      await refresh();
    }
  }, [tenantId, refresh]);

  // The 'online' event also fires on a network without internet: while captures wait, try again now and then.
  const waiting = queue.some((c) => c.state === "waiting");
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => {
      if (navigator.onLine) void flush();
    }, RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  useEffect(() => {
    void refresh().then(() => (navigator.onLine ? flush() : undefined));
    const online = () => void flush();
    const fromWorker = (event: MessageEvent) => {
      if (event.data?.type === "capture-queue-changed") void refresh();
    };
    window.addEventListener("online", online);
    navigator.serviceWorker?.addEventListener("message", fromWorker);
    navigator.serviceWorker?.register("/sw.js").catch(() => undefined);
    return () => {
      window.removeEventListener("online", online);
      navigator.serviceWorker?.removeEventListener("message", fromWorker);
    };
  }, [refresh, flush]);

  const set = (name: keyof FormValues) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const toggleTag = (tag: string) => setTags((current) => (current.includes(tag) ? current.filter((t) => t !== tag) : [...current, tag]));

  const reset = () => {
    setClientKey(newClientKey());
    setValues(EMPTY);
    setTags([]);
    setPhotos([]);
    setErrors({});
    setFixing(null);
    if (photoInput.current) photoInput.current.value = "";
  };

  const onPhotos = (event: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    setPhotos((current) => [...current, ...chosen].slice(0, MAX_CAPTURE_PHOTOS));
    event.target.value = "";
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const position = location.position;
    const allTags = [...tags, ...(values.otherTag.trim() ? [values.otherTag.trim()] : [])];
    const fields: Record<string, string> = {
      street: values.street,
      unit: values.unit,
      postalCode: values.postalCode,
      note: values.note,
      latitude: position ? String(position.latitude) : "",
      longitude: position ? String(position.longitude) : "",
      accuracy: position?.accuracy !== undefined ? String(Math.round(position.accuracy)) : "",
      city: values.postalCode ? "" : (location.place?.city ?? ""),
      region: values.postalCode ? "" : (location.place?.region ?? ""),
    };
    const checked = CaptureInput.safeParse({ ...fields, clientKey, tags: allTags });
    if (!checked.success) {
      setErrors(errorsOf(checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))));
      setStatus("Check the fields marked below.");
      return;
    }
    const now = new Date().toISOString();
    const capture: QueuedCapture = {
      clientKey,
      tenantId,
      fields,
      tags: allTags,
      photos: photos.map((file) => ({ name: file.name, type: file.type, blob: file })),
      state: "waiting",
      message: "Waiting for signal",
      createdAt: fixing?.createdAt ?? now,
      updatedAt: now,
    };
    await putQueued(capture);
    reset();
    await refresh();
    if (!navigator.onLine) {
      setStatus("Saved on this phone. It will be sent when you have signal.");
      void requestBackgroundSync();
      return;
    }
    setStatus("Sending…");
    const sent = await sendQueued(capture);
    await refresh();
    if (sent.state === "sent") setStatus(sent.message ?? "Sent");
    else if (sent.state === "needs_fix") setStatus(`Needs a fix: ${sent.message}`);
    else {
      setStatus("Saved on this phone. It will be sent when you have signal.");
      void requestBackgroundSync();
    }
  }

  /** Opens a refused capture in the form, with the server's reasons next to its fields. */
  function fix(capture: QueuedCapture) {
    setFixing(capture);
    setClientKey(capture.clientKey);
    setValues({ street: capture.fields.street ?? "", unit: capture.fields.unit ?? "", postalCode: capture.fields.postalCode ?? "", note: capture.fields.note ?? "", otherTag: "" });
    setTags(capture.tags);
    setPhotos(capture.photos.map((p) => new File([p.blob], p.name, { type: p.type })));
    setErrors(errorsOf(capture.issues ?? []));
    setStatus(`Fixing the capture at ${capture.fields.street}: ${capture.message ?? ""}`);
    document.getElementById("street")?.focus();
  }

  async function discard(capture: QueuedCapture) {
    await removeQueued(capture.clientKey);
    if (fixing?.clientKey === capture.clientKey) reset();
    await refresh();
  }

  const place = location.place;
  return (
    <div className="grid gap-6">
      <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-describedby="capture-status">
        <section aria-labelledby="location-heading" className="grid gap-2 rounded-lg border p-3" data-invalid={errors.latitude ? true : undefined}>
          <h2 id="location-heading" className="text-sm font-medium">
            Location
          </h2>
          <p className="text-sm" data-testid="capture-location">
            {location.state === "locating" && "Finding where you are…"}
            {location.state === "denied" && "Location is off for this site. Type the ZIP or postal code below."}
            {location.state === "unavailable" && "No location from this phone. Type the ZIP or postal code below."}
            {location.state === "located" && location.position && (
              <>
                {place ? (
                  <>
                    Postal area <strong>{place.areaCode}</strong>
                    {place.city || place.region ? ` · ${[place.city, place.region].filter(Boolean).join(", ")}` : ""}
                  </>
                ) : location.resolveError ? (
                  location.resolveError
                ) : navigator.onLine ? (
                  "Looking up the postal area…"
                ) : (
                  "Located. The postal area is found when the capture is sent."
                )}
                {location.position.accuracy !== undefined && <span className="text-muted-foreground"> (±{Math.round(location.position.accuracy)} m)</span>}
              </>
            )}
          </p>
          {errors.latitude && (
            <p id="latitude-error" role="alert" className="text-sm font-medium text-destructive">
              {errors.latitude.join(" ")}
            </p>
          )}
          <div>
            <Button type="button" variant="outline" size="sm" onClick={() => location.locate(true)}>
              Locate again
            </Button>
          </div>
        </section>

        <FormField label="Street address" htmlFor="street" required error={errors.street}>
          <Input id="street" name="street" autoComplete="street-address" value={values.street} onChange={set("street")} required {...fieldErrorProps("street", errors)} />
        </FormField>
        <div className="grid grid-cols-2 gap-3">
          <FormField label="Unit" htmlFor="unit" error={errors.unit}>
            <Input id="unit" name="unit" value={values.unit} onChange={set("unit")} {...fieldErrorProps("unit", errors)} />
          </FormField>
          <FormField label="ZIP or postal code" htmlFor="postalCode" error={errors.postalCode}>
            <Input
              id="postalCode"
              name="postalCode"
              autoComplete="postal-code"
              placeholder={place?.areaCode ?? ""}
              value={values.postalCode}
              onChange={set("postalCode")}
              {...fieldErrorProps("postalCode", errors)}
            />
          </FormField>
        </div>

        <fieldset className="grid gap-2">
          <legend className="mb-2 text-sm font-medium">Tags</legend>
          <div className="flex flex-wrap gap-2">
            {CAPTURE_TAGS.map((tag) => (
              <Button key={tag} type="button" size="sm" variant={tags.includes(tag) ? "default" : "outline"} aria-pressed={tags.includes(tag)} onClick={() => toggleTag(tag)}>
                {tag}
              </Button>
            ))}
          </div>
          <FormField label="Other tag" htmlFor="otherTag" error={errors.tags} className="mt-2">
            <Input id="otherTag" name="otherTag" value={values.otherTag} onChange={set("otherTag")} {...fieldErrorProps("tags", errors)} />
          </FormField>
        </fieldset>

        <FormField label="Note" htmlFor="note" error={errors.note}>
          <Textarea id="note" name="note" rows={3} value={values.note} onChange={set("note")} {...fieldErrorProps("note", errors)} />
        </FormField>

        <FormField label="Photos" htmlFor="photos" error={errors.photos} hint={`Up to ${MAX_CAPTURE_PHOTOS} photos, 15 MB each.`}>
          <input
            ref={photoInput}
            id="photos"
            name="photos"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={onPhotos}
            className="text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5"
            aria-describedby={errors.photos ? "photos-error" : "photos-hint"}
          />
        </FormField>
        {photos.length > 0 && <PhotoStrip photos={photos} onRemove={(index) => setPhotos((current) => current.filter((_, i) => i !== index))} />}

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" size="lg" className="w-full sm:w-auto">
            {fixing ? "Save and resend" : "Save"}
          </Button>
          {fixing && (
            <Button type="button" variant="ghost" onClick={reset}>
              Cancel the fix
            </Button>
          )}
        </div>
        <p id="capture-status" role="status" className="min-h-5 text-sm">
          {status}
        </p>
      </form>

      <CaptureQueueList queue={queue} onFix={fix} onDiscard={discard} onRetry={() => void flush()} />
    </div>
  );
}

function PhotoStrip({ photos, onRemove }: { photos: File[]; onRemove: (index: number) => void }) {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const made = photos.map((file) => URL.createObjectURL(file));
    setUrls(made);
    return () => made.forEach((url) => URL.revokeObjectURL(url));
  }, [photos]);
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Chosen photos">
      {urls.map((url, index) => (
        <li key={url} className="relative">
          {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: preview, nothing to optimize */}
          <img src={url} alt={`Photo ${index + 1}: ${photos[index]?.name ?? ""}`} className="size-20 rounded-md border object-cover" />
          <Button type="button" variant="outline" size="sm" className="mt-1 w-20" onClick={() => onRemove(index)} aria-label={`Remove photo ${index + 1}`}>
            Remove
          </Button>
        </li>
      ))}
    </ul>
  );
}

