/*
 * Dealflow's service worker: keeps the capture page and the app's static files for use
 * without signal, and sends the capture queue when the connection returns (Background Sync).
 * It never caches API answers: only /capture's page (the signed-in user's own) and the
 * build's immutable assets. The queue's database and entry shape are those of
 * components/capture/capture-queue.ts.
 */
const CACHE = "dealflow-shell-v1";
const SHELL_PATH = "/capture";
const QUEUE_DB = "dealflow-capture";
const QUEUE_STORE = "captures";
const SYNC_TAG = "capture-queue";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await cacheShell();
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function cacheShell() {
  try {
    const response = await fetch(SHELL_PATH, { credentials: "same-origin", redirect: "manual" });
    // A redirect (signed out) or an error page is not the shell.
    if (response.ok && response.type === "basic") await keepShell(response);
  } catch {
    // Offline while installing: the page is cached on its next visit.
  }
}

/** Stores the page and the build files it loads (scripts, styles, fonts), so it starts without signal. */
async function keepShell(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  await cache.put(SHELL_PATH, response);
  const assets = new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) || []);
  await Promise.all(
    [...assets].map(async (asset) => {
      if (await cache.match(asset)) return;
      try {
        const fetched = await fetch(asset);
        if (fetched.ok) await cache.put(asset, fetched);
      } catch {
        // Fetched again on the next visit.
      }
    }),
  );
}

const isStaticAsset = (url) => url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest" || url.pathname === "/icon.svg";

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (isStaticAsset(url)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode === "navigate" && url.pathname === SHELL_PATH) event.respondWith(networkFirstShell(request));
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  // Build assets are content-hashed: a stored copy never goes stale.
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirstShell(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) await keepShell(response.clone());
    else if (response.redirected) await cache.delete(SHELL_PATH);
    return response;
  } catch (error) {
    const hit = await cache.match(SHELL_PATH);
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(sendQueue());
});

function idb(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openQueue() {
  const open = indexedDB.open(QUEUE_DB, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(QUEUE_STORE)) open.result.createObjectStore(QUEUE_STORE, { keyPath: "clientKey" });
  };
  return idb(open);
}

// The same reading of an answer as outcomeOf in capture-queue.ts.
function outcomeOf(status, body) {
  if (status >= 200 && status < 300 && body && body.dealId) return { state: "sent", message: body.message || "Sent", dealId: body.dealId };
  if (status === 401) return { state: "waiting", message: "Sign in again to send it" };
  if (status === 408 || status === 409 || status === 429 || status >= 500 || status < 200) return { state: "waiting", message: (body && body.error) || "The server could not take it yet" };
  if (status >= 400) return { state: "needs_fix", message: (body && body.error) || `Refused (HTTP ${status})`, issues: (body && body.issues) || [] };
  return { state: "waiting", message: "Unexpected answer; it will be sent again" };
}

function formDataOf(capture) {
  const form = new FormData();
  for (const [name, value] of Object.entries(capture.fields)) if (value !== "") form.append(name, value);
  form.append("clientKey", capture.clientKey);
  form.append("tenantId", capture.tenantId);
  for (const tag of capture.tags) form.append("tags", tag);
  for (const photo of capture.photos) form.append("photos", new File([photo.blob], photo.name, { type: photo.type }));
  return form;
}

async function sendQueue() {
  const db = await openQueue();
  const waiting = (await idb(db.transaction(QUEUE_STORE, "readonly").objectStore(QUEUE_STORE).getAll())).filter((c) => c.state === "waiting");
  let offline = false;
  for (const capture of waiting) {
    let outcome;
    try {
      const response = await fetch("/api/capture", { method: "POST", body: formDataOf(capture), credentials: "same-origin" });
      outcome = outcomeOf(response.status, await response.json().catch(() => null));
    } catch {
      outcome = { state: "waiting", message: "Waiting for signal" };
      offline = true;
    }
    const next = { ...capture, state: outcome.state, message: outcome.message, issues: outcome.state === "needs_fix" ? outcome.issues : undefined, dealId: outcome.dealId || capture.dealId, photos: outcome.state === "sent" ? [] : capture.photos, updatedAt: new Date().toISOString() };
    await idb(db.transaction(QUEUE_STORE, "readwrite").objectStore(QUEUE_STORE).put(next));
    if (offline) break;
  }
  db.close();
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage({ type: "capture-queue-changed" });
  // A failed sync is retried by the browser later.
  if (offline) throw new Error("Still offline");
}
