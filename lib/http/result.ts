import { z } from "zod";

export interface FieldIssue {
  path: string;
  message: string;
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; issues?: FieldIssue[]; reference?: string };

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/** `{ email: ["Enter a valid email"] }`, the shape forms show beside each field. */
export function fieldErrors(issues: FieldIssue[] | undefined): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues ?? []) (errors[issue.path || "_form"] ??= []).push(issue.message);
  return errors;
}
