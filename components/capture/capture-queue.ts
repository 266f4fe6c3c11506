/**
 * The phone's queue of captures (IndexedDB, photos as Blobs): a capture is kept here until
 * the server has it, so one taken without signal is sent when the phone is online again.
 * public/sw.js reads the same database for Background Sync: keep the names and the entry
 * shape in step with it.
 */
export const QUEUE_DB = "dealflow-capture";
export const QUEUE_STORE = "captures";
export const SYNC_TAG = "capture-queue";

export type QueueState = "waiting" | "sending" | "sent" | "needs_fix";

export interface QueuedPhoto {
  name: string;
  type: string;
  blob: Blob;
}

export interface QueuedCapture {
  clientKey: string;
  /** The workspace it was taken in: it is never sent into another one. */
  tenantId: string;
  /** The form's text fields, as sent (clientKey, latitude, longitude, street...). */
  fields: Record<string, string>;
  tags: string[];
  photos: QueuedPhoto[];
  state: QueueState;
  /** Why the server refused it (state needs_fix), or what it answered (sent). */
  message?: string;
  /** The refused fields, to show next to the inputs when the capture is opened to fix. */
  issues?: { path: string; message: string }[];
  dealId?: string;
  createdAt: string;
  updatedAt: string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openQueue(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(QUEUE_DB, 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(QUEUE_STORE)) open.result.createObjectStore(QUEUE_STORE, { keyPath: "clientKey" });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openQueue();
  try {
    return await request(run(db.transaction(QUEUE_STORE, mode).objectStore(QUEUE_STORE)));
  } finally {
    db.close();
  }
}

export async function listQueued(tenantId: string): Promise<QueuedCapture[]> {
  const all = await withStore<QueuedCapture[]>("readonly", (store) => store.getAll());
  return all.filter((c) => c.tenantId === tenantId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function putQueued(capture: QueuedCapture): Promise<void> {
  await withStore("readwrite", (store) => store.put({ ...capture, updatedAt: new Date().toISOString() }));
}

export async function removeQueued(clientKey: string): Promise<void> {
  await withStore("readwrite", (store) => store.delete(clientKey));
}

/** What the server's answer means for a queued capture. */
export type SendOutcome =
  | { state: "sent"; message: string; dealId: string }
  | { state: "waiting"; message: string }
  | { state: "needs_fix"; message: string; issues: { path: string; message: string }[] };

/**
 * Pure: a refusal the person must fix (bad field, photo too large or not an image, no
 * location) versus one that passes by itself (busy, rate limited, server error).
 */
export function outcomeOf(status: number, body: { error?: string; message?: string; dealId?: string; issues?: { path: string; message: string }[] } | null): SendOutcome {
  if (status >= 200 && status < 300 && body?.dealId) return { state: "sent", message: body.message ?? "Sent", dealId: body.dealId };
  if (status === 401) return { state: "waiting", message: "Sign in again to send it" };
  if (status === 408 || status === 409 || status === 429 || status >= 500 || status < 200) return { state: "waiting", message: body?.error ?? "The server could not take it yet" };
  if (status >= 400) return { state: "needs_fix", message: body?.error ?? `Refused (HTTP ${status})`, issues: body?.issues ?? [] };
  return { state: "waiting", message: "Unexpected answer; it will be sent again" };
}

export function captureFormData(capture: QueuedCapture): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(capture.fields)) if (value !== "") form.append(name, value);
  form.append("clientKey", capture.clientKey);
  form.append("tenantId", capture.tenantId);
  for (const tag of capture.tags) form.append("tags", tag);
  for (const photo of capture.photos) form.append("photos", new File([photo.blob], photo.name, { type: photo.type }));
  return form;
}

/** Sends one capture; a network failure leaves it waiting. */
export async function sendQueued(capture: QueuedCapture): Promise<QueuedCapture> {
  let outcome: SendOutcome;
  try {
    const response = await fetch("/api/capture", { method: "POST", body: captureFormData(capture), credentials: "same-origin" });
    const body = await response.json().catch(() => null);
    outcome = outcomeOf(response.status, body);
  } catch {
    outcome = { state: "waiting", message: "Waiting for signal" };
  }
  const next: QueuedCapture = {
    ...capture,
    state: outcome.state,
    message: outcome.message,
    issues: outcome.state === "needs_fix" ? outcome.issues : undefined,
    dealId: outcome.state === "sent" ? outcome.dealId : capture.dealId,
    // Once the server has them, the photos need not take room on the phone.
    photos: outcome.state === "sent" ? [] : capture.photos,
  };
  await putQueued(next);
  return next;
}

/** Asks the service worker to send the queue when the connection returns, where the browser can (Background Sync). */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } } | undefined)?.sync;
    await sync?.register(SYNC_TAG);
  } catch {
    // Without Background Sync the page sends the queue itself on 'online' and on load.
  }
}
