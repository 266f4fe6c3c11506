/**
 * Text PostgreSQL can store. It rejects the NUL character in text and jsonb columns, and an
 * unpaired UTF-16 surrogate has no UTF-8 form (a text column would silently turn it into
 * U+FFFD, a jsonb one rejects it). Inputs are checked where they enter, so such text is a
 * 4xx naming the field instead of a database error.
 */
import { z } from "zod";

export const UNSTORABLE_TEXT_MESSAGE = "Contains a NUL character or an unpaired surrogate, which cannot be stored";

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/** A string schema that refuses unstorable text; chain .trim(), .max() and the rest as usual. */
export function storableText() {
  return z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

/** The same text with NUL and unpaired surrogates replaced by U+FFFD: for echoing bad input back (error reports). */
export function toStorableText(value: string): string {
  return value.replaceAll("\u0000", "\uFFFD").toWellFormed();
}

/**
 * A parsed JSON value with every string and object key made storable by toStorableText,
 * changed in place. For signed provider payloads: a provider retries a refusal forever, so
 * their text is kept with the offending characters replaced. Walks iteratively, like
 * findUnstorableText.
 */
export function toStorableJson<T>(input: T): T {
  if (typeof input === "string") return toStorableText(input) as T;
  const stack: unknown[] = [input];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === "string") value[index] = toStorableText(item);
        else stack.push(item);
      });
    } else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      for (const [key, child] of Object.entries(record)) {
        const storableKey = toStorableText(key);
        const storableChild = typeof child === "string" ? toStorableText(child) : child;
        if (storableKey !== key) delete record[key];
        // defineProperty, not assignment: a parsed "__proto__" key is an own property to keep.
        if (storableKey !== key || storableChild !== child) Object.defineProperty(record, storableKey, { value: storableChild, enumerable: true, writable: true, configurable: true });
        if (typeof child !== "string") stack.push(child);
      }
    }
  }
  return input;
}

/**
 * The path of the first string (value or object key) in a parsed input that cannot be
 * stored, or null. Walks iteratively, so a deeply nested body cannot exhaust the stack.
 */
export function findUnstorableText(input: unknown): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (!isStorableText(value)) return path;
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], path: [...path, index] });
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index];
        if (!isStorableText(key)) return [...path, toStorableText(key)];
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * `schema.safeParse(input)`, after refusing unstorable text anywhere in the input (fields
 * the schema ignores included, since raw payloads are stored as sent). The refusal is a
 * ZodError naming the field, so callers answer it like any other invalid field.
 */
export function parseStorable<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const path = findUnstorableText(input);
  if (path) {
    return { success: false, error: new z.ZodError([{ code: "custom", path, message: UNSTORABLE_TEXT_MESSAGE, input: undefined }]) } as z.ZodSafeParseResult<z.output<S>>;
  }
  return schema.safeParse(input);
}
