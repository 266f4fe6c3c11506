import { isLoopbackAddress } from "@/lib/http/peer-address";

/**
 * Who may call the Inngest endpoint, before the SDK sees the request. In dev mode
 * (INNGEST_DEV=1, no signatures) only this machine may: the Dev Server runs beside the app.
 * Otherwise a call that runs functions (POST) must carry a signature and the app must have a
 * key to check it with; the SDK then verifies the signature itself. Pure.
 */
export type EndpointVerdict = { allow: true } | { allow: false; status: 401 | 403; error: string };

export function inngestEndpointVerdict(input: {
  devMode: boolean;
  method: string;
  /** The socket's address, stamped by the server; null when it could not be stamped. */
  peerAddress: string | null;
  hasSigningKey: boolean;
  signature: string | null;
}): EndpointVerdict {
  if (input.devMode) {
    return isLoopbackAddress(input.peerAddress)
      ? { allow: true }
      : { allow: false, status: 403, error: "The Inngest endpoint in dev mode answers only this machine." };
  }
  if (input.method.toUpperCase() !== "POST") return { allow: true };
  if (!input.hasSigningKey) return { allow: false, status: 401, error: "Unauthorized: no signing key is configured." };
  if (!input.signature) return { allow: false, status: 401, error: "Unauthorized: the request is not signed." };
  return { allow: true };
}

/** Removes every `stack` from an error body: callers learn what failed, never where in the code. */
export function withoutStacks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStacks);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "stack").map(([key, inner]) => [key, withoutStacks(inner)]));
  }
  return value;
}
