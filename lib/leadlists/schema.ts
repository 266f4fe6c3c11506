import { z } from "zod";

export const LEAD_LIST_NAME_MAX = 120;

/** A lead list's name as the import wizard asks for it; empty means "name it after the file". */
export const LeadListName = z
  .string()
  .trim()
  .max(LEAD_LIST_NAME_MAX, `A list name has at most ${LEAD_LIST_NAME_MAX} characters`)
  .refine((name) => !/[\u0000-\u001f]/.test(name), "A list name cannot contain control characters");

/** The list a file becomes when nobody names it: the file's name without its extension. */
export function defaultListName(fileName: string): string {
  const base = fileName.replace(/\.(csv|txt)$/i, "").trim();
  return (base || fileName || "Imported list").slice(0, LEAD_LIST_NAME_MAX);
}
