/**
 * Object keys are "<tenantId>/<purpose>/<id>". They become file paths on the local store, so
 * every segment is checked: no dots-only segments, no separators, no control characters.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** Pure: the key's segments when every one is safe, else null. */
export function keySegments(key: string): string[] | null {
  if (typeof key !== "string" || key.length === 0 || key.length > 512) return null;
  const segments = key.split("/");
  if (segments.length < 2 || segments.length > 8) return null;
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment.includes("..")) return null;
  }
  return segments;
}

/** Pure: the key, or a thrown error when it could name something outside the store. */
export function assertSafeKey(key: string): string[] {
  const segments = keySegments(key);
  if (!segments) throw new Error(`Not a safe storage key: ${JSON.stringify(key).slice(0, 80)}`);
  return segments;
}

/** Pure: the key of a new object of a tenant. */
export function objectKey(tenantId: string, purpose: string, id: string): string {
  const key = `${tenantId}/${purpose}/${id}`;
  assertSafeKey(key);
  return key;
}
