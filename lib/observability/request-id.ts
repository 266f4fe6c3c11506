import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

// Accept a client's id only when it is a plain token, so logs cannot be forged with
// newlines or stuffed with kilobytes.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

export function resolveRequestId(incoming: string | null | undefined): string {
  return incoming && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
}
