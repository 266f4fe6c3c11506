/**
 * A table's state as its URL holds it, read and written the same way for every table.
 * Imported by client components, so it stays free of anything server-side.
 */
import type { z } from "zod";

/** Search params as Next.js hands them to a page: a key may repeat. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** Search params to the object zod reads: a repeated key becomes a list. */
export function rawQueryOf(params: URLSearchParams): RawQuery {
  const raw: RawQuery = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length > 1 ? values : values[0];
  }
  return raw;
}

/**
 * Parses search params leniently: a malformed parameter (spreadMin=abc) is dropped rather
 * than failing the whole page, since URLs are hand-edited and shared.
 */
export function parseLenientQuery<S extends z.ZodType>(schema: S, raw: RawQuery): z.output<S> {
  const input: Record<string, unknown> = { ...raw };
  for (let attempt = 0; attempt < 20; attempt++) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete input[String(issue.path[0])];
  }
  return schema.parse({});
}

/** The inverse of `parseLenientQuery`: only values that differ from `defaults`, lists comma-joined. */
export function searchParamsOf(query: object, defaults: Readonly<Record<string, unknown>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
      continue;
    }
    if (defaults[key] === value) continue;
    params.set(key, String(value));
  }
  return params;
}
