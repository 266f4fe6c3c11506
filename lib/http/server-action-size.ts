/**
 * The size check for server-action bodies, run by proxy.ts. Next enforces its body limit
 * itself but, for actions called from the page (fetch actions), catches its own "body
 * exceeded" error and answers 500; refusing here first makes it the 413 it is.
 */
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./server-action-body-limit.mjs";

export { SERVER_ACTION_BODY_LIMIT_BYTES };

export const SERVER_ACTION_TOO_LARGE_MESSAGE = `The form sent more than ${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB of data, the most a form may send. Shorten the text or upload files from the Import page.`;

export function isServerActionTooLargeMessage(message: string): boolean {
  return message === SERVER_ACTION_TOO_LARGE_MESSAGE;
}

/**
 * Whether Next will treat the request as a server action: a POST carrying the Next-Action
 * header (called from the page), or a form posted to a page before the page's script has
 * loaded (multipart or URL-encoded). API routes read their own bodies and are not actions.
 */
export function isServerActionRequest(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  if (headers.has("next-action")) return true;
  const contentType = headers.get("content-type") ?? "";
  const isFormPost = contentType.startsWith("multipart/form-data") || contentType === "application/x-www-form-urlencoded";
  return isFormPost && !pathname.startsWith("/api/");
}

/**
 * Whether an action's body is over the limit. With a Content-Length the header decides. A
 * chunked body (no Content-Length: browsers always send one for an action, but a client or
 * a proxy in front may stream) is counted as it arrives, reading at most one byte past the
 * limit, from the copy of the body the proxy gets (the handler keeps its own).
 */
export async function exceedsServerActionLimit(
  headers: Headers,
  body: ReadableStream<Uint8Array> | null,
  limit: number = SERVER_ACTION_BODY_LIMIT_BYTES,
): Promise<boolean> {
  const declared = headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim())) return Number(declared) > limit;
  if (!body) return false;
  const reader = body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      received += value.byteLength;
      if (received > limit) return true;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The 413 answer. Plain text: Next's client shows a text/plain error's message as the action's error. */
export function serverActionTooLargeResponse(): Response {
  return new Response(SERVER_ACTION_TOO_LARGE_MESSAGE, { status: 413, headers: { "content-type": "text/plain" } });
}
