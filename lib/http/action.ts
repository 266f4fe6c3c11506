import { z } from "zod";
import { requireTenant, type TenantContext } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { observeRequest } from "@/lib/observability/metrics";
import { limitSignedInUser } from "@/lib/ratelimit/limits";
import { parseStorable } from "@/lib/validation/text";
import { describeError } from "./errors";
import { toFieldIssues, type ActionResult } from "./result";

/** FormData to a plain object; repeated keys become arrays, empty strings stay strings. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const existing = object[key];
    object[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

/**
 * A server action for signed-in users: permission first, then the input schema, then the
 * lib call. Results, not exceptions, cross back to the form.
 */
export function tenantAction<S extends z.ZodType, T>(
  name: string,
  permission: Permission,
  schema: S,
  run: (ctx: TenantContext, input: z.infer<S>) => Promise<T>,
  options: { message?: string } = {},
) {
  return async (_previous: ActionResult<T> | null, input: FormData | z.input<S>): Promise<ActionResult<T>> => {
    const started = performance.now();
    let requestId: string | undefined;
    let result: ActionResult<T>;
    try {
      const ctx = await requireTenant(permission);
      requestId = ctx.requestId;
      await limitSignedInUser(ctx.db, ctx.user.id);
      const parsed = parseStorable(schema, input instanceof FormData ? formDataToObject(input) : input);
      result = parsed.success
        ? { ok: true, data: await run(ctx, parsed.data), message: options.message }
        : { ok: false, error: "Some fields need your attention", issues: toFieldIssues(parsed.error) };
    } catch (error) {
      const { body } = describeError(error, requestId);
      result = { ok: false, ...body };
    }
    observeRequest(`action:${name}`, "POST", result.ok ? 200 : 400, (performance.now() - started) / 1000);
    return result;
  };
}
